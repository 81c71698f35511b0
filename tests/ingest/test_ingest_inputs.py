"""iter_inputs: files, directories, globs, stdin, and one failure per bad input."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from eventwire.errors import IngestError
from eventwire.ingest import iter_inputs
from eventwire.records import Article, IngestFailure
from eventwire.settings import IngestSettings

ARTICLE = "Town shelled\n\nRebels shelled the town on Monday, killing two people, officials said.\n"


def run(
    paths: list[str], settings: IngestSettings | None = None, **kwargs: object
) -> list[Article | IngestFailure]:
    return list(iter_inputs(paths, settings or IngestSettings(), **kwargs))  # type: ignore[arg-type]


def one_failure(items: list[Article | IngestFailure]) -> IngestFailure:
    assert len(items) == 1
    assert isinstance(items[0], IngestFailure)
    return items[0]


def test_directory_is_walked_recursively_and_sorted(fixtures: Path) -> None:
    items = run([str(fixtures)])
    sources = [i.source or "" for i in items]
    assert sources == sorted(sources)
    names = {Path(s).name.split(":")[0] for s in sources}
    # README.md and the .csv are skipped; the nested note is found
    assert names == {
        "feed_custom_fields.jsonl",
        "no_body.html",
        "page_cp1252.html",
        "scraped_page.txt",
        "note.txt",
    }
    assert str(fixtures / "nested" / "deeper" / "note.txt") in sources


def test_glob(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.html"):
        (tmp_path / name).write_text(ARTICLE.replace("two", name[0]), "utf-8")
    items = run([str(tmp_path / "*.txt")])
    assert [Path(i.source or "").name for i in items] == ["a.txt", "b.txt"]
    assert all(isinstance(i, Article) for i in items)


def test_file_named_like_a_pattern(tmp_path: Path) -> None:
    path = tmp_path / "[draft] report.txt"
    path.write_text(ARTICLE, "utf-8")
    [item] = run([str(path)])
    assert isinstance(item, Article)


def test_recursive_glob(tmp_path: Path) -> None:
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "deep.txt").write_text(ARTICLE, "utf-8")
    [item] = run([str(tmp_path / "**" / "*.txt")])
    assert isinstance(item, Article)


@pytest.mark.parametrize("spec", ["no/such/file.txt", "no/such/*.txt"])
def test_path_matching_nothing_is_ew011(tmp_path: Path, spec: str) -> None:
    failure = one_failure(run([str(tmp_path / spec)]))
    assert failure.code == "EW011"
    assert failure.source == str(tmp_path / spec)


def test_empty_directory_is_ew011(tmp_path: Path) -> None:
    assert one_failure(run([str(tmp_path)])).code == "EW011"


def test_batch_goes_on_after_a_failure(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, "utf-8")
    items = run([str(tmp_path / "missing.txt"), str(good)])
    assert [type(i).__name__ for i in items] == ["IngestFailure", "Article"]


@pytest.mark.parametrize(
    ("content", "fmt", "title"),
    [
        (ARTICLE, None, "Town shelled"),
        ('{"text": "From a feed.", "title": "Feed item"}\n', None, "Feed item"),
        (
            "<html><head><title>Paged</title></head><body><article><p>" + "Words of the page. " * 20 + "</p>"
            "</article></body></html>",
            None,
            "Paged",
        ),
        ('{"text": "Forced text"}', "text", '{"text": "Forced text"}'),
    ],
)
def test_stdin(content: str, fmt: str | None, title: str) -> None:
    [article] = run(["-"], stdin=io.StringIO(content), fmt=fmt)
    assert isinstance(article, Article)
    assert article.title == title
    assert article.source == "-"


def test_empty_stdin_is_ew013() -> None:
    assert one_failure(run(["-"], stdin=io.StringIO("  \n"))).code == "EW013"


def test_format_overrides_extension(tmp_path: Path) -> None:
    path = tmp_path / "feed.data"
    path.write_text('{"text": "An article in a file with an odd name."}\n', "utf-8")
    assert one_failure(run([str(path)])).code == "EW016"
    [article] = run([str(path)], fmt="jsonl")
    assert isinstance(article, Article)


def test_unknown_format_name_raises() -> None:
    with pytest.raises(IngestError) as info:
        run(["x.txt"], fmt="pdf")
    assert info.value.code == "EW016"


@pytest.mark.parametrize(
    ("name", "content", "code", "hint"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "EW014", "binary"),
        ("controls.txt", bytes(range(1, 9)) * 100, "EW014", "binary"),
        ("latin.txt", "Caf\u00e9 owners protested.".encode("cp1252"), "EW012", "--encoding"),
        ("empty.txt", b"", "EW013", "empty"),
        ("blank.html", b"  \n\t\n", "EW013", "empty"),
        ("only_furniture.txt", b"2 min read\nShare this article\n", "EW013", "no article text"),
        ("image.png", b"\x89PNG", "EW016", "--input-format"),
        ("noext", ARTICLE.encode(), "EW016", "--input-format"),
        ("nobody.html", b"<html><body><nav>Home</nav></body></html>", "EW018", "no article body"),
    ],
)
def test_bad_input(tmp_path: Path, name: str, content: bytes, code: str, hint: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    failure = one_failure(run([str(path)]))
    assert failure.code == code
    assert failure.source == str(path)
    assert hint in failure.reason
    assert str(failure).count(str(path)) == 1  # the line names the file once


def test_encoding_setting_reads_other_encodings(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 owners protest\n\nCaf\u00e9 owners protested on Monday.".encode("cp1252"))
    [article] = run([str(path)], IngestSettings(encoding="cp1252"))
    assert isinstance(article, Article)
    assert article.title == "Café owners protest"


def test_utf16_with_bom_is_text(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_text(ARTICLE, "utf-16")
    [article] = run([str(path)])
    assert isinstance(article, Article)
    assert article.title == "Town shelled"


def test_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    failure = one_failure(run([str(path)]))
    assert failure.code == "EW015"
    assert "--max-bytes" in failure.reason
    assert one_failure(run([str(path)], IngestSettings(max_bytes=60 * 1024 * 1024))).code == "EW014"


def test_jsonl_file_yields_many(tmp_path: Path) -> None:
    path = tmp_path / "feed.ndjson"
    path.write_text("".join(f'{{"text": "Article number {n}."}}\n' for n in range(5)), "utf-8")
    items = run([str(path)])
    assert [i.text for i in items if isinstance(i, Article)] == [f"Article number {n}." for n in range(5)]


def test_same_article_twice_same_id(tmp_path: Path, fixtures: Path) -> None:
    copy = tmp_path / "copy.txt"
    shutil.copy(fixtures / "scraped_page.txt", copy)
    [first] = run([str(fixtures / "scraped_page.txt")])
    [second] = run([str(copy)])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id
