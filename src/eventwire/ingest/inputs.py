"""The ingest entry point: paths, directories, globs and stdin to Articles or failures.

Holds path expansion, format choice and the turning of IngestError into IngestFailure so a
batch goes on; the reading of each format lives in plaintext.py, html.py and jsonl.py.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Literal, TextIO

from eventwire.errors import IngestError
from eventwire.ingest.decoding import decode_html, decode_text, read_bytes
from eventwire.ingest.html import read_html_article
from eventwire.ingest.jsonl import iter_jsonl_articles
from eventwire.ingest.plaintext import read_text_article
from eventwire.records import Article, IngestFailure
from eventwire.settings import IngestSettings

Format = Literal["text", "html", "jsonl"]
FORMATS: tuple[Format, ...] = ("text", "html", "jsonl")
EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
}
_FORMAT_ALIASES: dict[str, Format] = {"txt": "text", "htm": "html", "ndjson": "jsonl", "json": "jsonl"}
STDIN = "-"
_GLOB_CHARS = frozenset("*?[")


def iter_inputs(
    paths: Sequence[str],
    settings: IngestSettings,
    *,
    fmt: str | None = None,
    stdin: TextIO | None = None,
) -> Iterator[Article | IngestFailure]:
    """Articles from files, directories (recursive), globs and "-" (stdin), in sorted order.

    A bad input yields one IngestFailure (a bad JSON Lines record: one per line) instead of
    raising, so a batch continues; a path that matches nothing is failure EW011.
    `fmt` ("text", "html", "jsonl") overrides the format the extension implies.
    """
    forced = _check_format(fmt)
    for spec in paths:
        if spec == STDIN:
            yield from _read_stdin(stdin or sys.stdin, settings, forced)
            continue
        files, failure = expand_path(spec, explicit_format=forced is not None)
        if failure is not None:
            yield failure
        for path in files:
            yield from read_file(path, settings, fmt=forced)


def expand_path(spec: str, *, explicit_format: bool = False) -> tuple[list[Path], IngestFailure | None]:
    """The files one path argument names, sorted; a failure when it names none."""
    # A file literally named "[draft].txt" is that file, not a pattern.
    if _GLOB_CHARS & set(spec) and not Path(spec).exists():
        matches = sorted(Path(m) for m in glob.glob(spec, recursive=True) if Path(m).is_file())
        if not matches:
            return [], IngestFailure(source=spec, code="EW011", reason="the pattern matches no file")
        return matches, None
    path = Path(spec)
    if path.is_dir():
        # Inside a directory only readable articles count: README files, images and dotfiles
        # are expected neighbours, not failures. A named file is always tried.
        found = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
            and (explicit_format or p.suffix.lower() in EXTENSIONS)
            and p.name.lower() != "readme.md"
        )
        if not found:
            return [], IngestFailure(source=spec, code="EW011", reason="the directory holds no article file")
        return found, None
    if not path.exists():
        return [], IngestFailure(source=spec, code="EW011", reason="no such file or directory")
    return [path], None


def read_file(
    path: Path, settings: IngestSettings, *, fmt: Format | None = None
) -> Iterator[Article | IngestFailure]:
    """The Articles in one file (several for JSON Lines), or the failure that stops it."""
    source = str(path)
    try:
        kind = fmt or format_of(path)
        data = read_bytes(path, settings.max_bytes)
        if kind == "jsonl":
            text = decode_text(data, source, settings.encoding)
            yield from iter_jsonl_articles(text, source=source, settings=settings)
        elif kind == "html":
            yield read_html_article(
                decode_html(data, source, settings.encoding), source=source, settings=settings
            )
        else:
            yield read_text_article(
                decode_text(data, source, settings.encoding), source=source, settings=settings
            )
    except IngestError as exc:
        yield IngestFailure(source=source, code=exc.code, reason=_reason(exc, source))
    except OSError as exc:
        yield IngestFailure(
            source=source, code="EW010", reason=f"cannot read the file ({exc.strerror or exc})"
        )


def _reason(exc: IngestError, source: str) -> str:
    # IngestError messages name their file so they stand alone; the failure line names it already.
    prefix = f"{source}: "
    return exc.message[len(prefix) :] if exc.message.startswith(prefix) else exc.message


def format_of(path: Path) -> Format:
    """The format a file's extension implies; EW016 for one eventwire does not read."""
    kind = EXTENSIONS.get(path.suffix.lower())
    if kind is None:
        known = " ".join(sorted(EXTENSIONS))
        raise IngestError(
            f"{path}: unknown extension {path.suffix or '(none)'!r}; "
            f"use one of {known} or pass --input-format",
            code="EW016",
        )
    return kind


def _read_stdin(
    stream: TextIO, settings: IngestSettings, fmt: Format | None
) -> Iterator[Article | IngestFailure]:
    text = stream.read()
    if not text.strip():
        yield IngestFailure(source=STDIN, code="EW013", reason="standard input is empty")
        return
    kind = fmt or _sniff(text)
    try:
        if kind == "jsonl":
            yield from iter_jsonl_articles(text, source=STDIN, settings=settings)
        elif kind == "html":
            yield read_html_article(text, source=STDIN, settings=settings)
        else:
            yield read_text_article(text, source=STDIN, settings=settings)
    except IngestError as exc:
        yield IngestFailure(source=STDIN, code=exc.code, reason=exc.message)


def _sniff(text: str) -> Format:
    """Guess stdin's format from its first character: "{" JSON Lines, "<" HTML, else text."""
    head = text.lstrip()[:1]
    return "jsonl" if head in "{[" else "html" if head == "<" else "text"


def _check_format(fmt: str | None) -> Format | None:
    if fmt is None:
        return None
    names: dict[str, Format] = {**{f: f for f in FORMATS}, **_FORMAT_ALIASES}
    known = names.get(fmt.lower())
    if known is not None:
        return known
    raise IngestError(f"unknown input format {fmt!r}; use one of {', '.join(FORMATS)}", code="EW016")
