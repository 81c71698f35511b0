"""The web map in headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

Runs the real app with uvicorn on a free loopback port; skips when chromium or playwright is absent.
Saves screenshots to artifacts/map.png (test artifact) and docs/img/map.png (README).
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from serve_records import HOSTILE_TITLE, HOSTILE_WORD, SCRIPT

from eventwire.serve import create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(serve_db: Path) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(serve_db)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: apt-get install -y chromium")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="pip install playwright (never `playwright install`)"
    )
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Watched:
    """A page with its console errors, uncaught exceptions, dialogs and off-server requests recorded."""

    def __init__(self, browser: Any, base_url: str) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 760})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.foreign: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.on(
            "request", lambda r: None if r.url.startswith((base_url, "data:")) else self.foreign.append(r.url)
        )
        self.page.goto(base_url + "/")
        self.page.wait_for_function("() => /^\\d/.test(document.getElementById('event-count').textContent)")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def count(self) -> int:
        text = self.page.text_content("#event-count") or ""
        match = re.match(r"([\d,]+)", text)
        assert match, text
        return int(match.group(1).replace(",", ""))

    def apply(self) -> None:
        before = self.page.get_attribute("body", "data-shown")
        self.page.evaluate("document.body.removeAttribute('data-shown')")
        self.page.click("#apply")
        self.page.wait_for_selector("body[data-shown]", state="attached")
        assert before is not None

    def click_a_marker(self) -> None:
        """Click an event marker, opening clusters (zoom or spiderfy) until one is visible."""
        for _ in range(6):
            markers = self.page.locator(".leaflet-marker-icon.ew-mk")
            if markers.count():
                markers.first.click()
                self.page.wait_for_selector("#detail:not([hidden]) h2")
                return
            self.page.locator(".marker-cluster").first.click()
            self.page.wait_for_timeout(600)
        pytest.fail("no event marker became clickable")

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs
        assert self.foreign == [], f"the map must work offline; it asked for {self.foreign}"


@pytest.fixture()
def page(browser: Any, base_url: str) -> Iterator[Watched]:
    watched = Watched(browser, base_url)
    yield watched
    watched.page.close()


def _stats(base_url: str, **params: Any) -> dict[str, Any]:
    body: dict[str, Any] = httpx.get(base_url + "/stats", params=params).json()
    return body


def test_page_loads_markers_and_basemap_without_errors(page: Watched, base_url: str) -> None:
    total = _stats(base_url)["events"]
    assert page.count() == total
    page.page.wait_for_selector(".leaflet-marker-icon")  # markers or clusters
    assert (
        page.page.locator("path.leaflet-interactive, svg.leaflet-zoom-animated path").count() > 100
    )  # outlines
    assert page.page.locator("#timeline rect.tl-bar").count() > 0
    assert page.page.locator("#legend-types li").count() == 6
    assert page.page.locator("#legend-status li").count() == 7
    page.clean()


def test_a_filter_changes_the_count_to_what_the_api_says(page: Watched, base_url: str) -> None:
    total = page.count()
    by_country = _stats(base_url)["by_country"]
    country = max((c for c in by_country if c), key=lambda c: by_country[c])
    page.page.select_option("#f-country", country)
    page.apply()
    assert page.count() == by_country[country] < total
    page.page.check("#f-status input[value='claimed']")
    page.apply()
    assert page.count() == _stats(base_url, country=country, status="claimed")["events"]
    page.clean()


def test_anonymous_and_search_filters(page: Watched, base_url: str) -> None:
    page.page.check("#f-anonymous")
    page.apply()
    assert page.count() == _stats(base_url, anonymous="true")["events"]
    page.page.uncheck("#f-anonymous")
    page.page.fill("#f-q", HOSTILE_WORD)
    page.apply()
    assert page.count() == 1
    page.clean()


def test_timeline_brush_filters_the_map_by_date(page: Watched, base_url: str) -> None:
    total = page.count()
    box = page.page.locator("#timeline").bounding_box()
    assert box is not None
    page.page.evaluate("document.body.removeAttribute('data-shown')")
    y = box["y"] + box["height"] / 2
    page.page.mouse.move(box["x"] + box["width"] * 0.55, y)
    page.page.mouse.down()
    page.page.mouse.move(box["x"] + box["width"] * 0.99, y, steps=5)
    page.page.mouse.up()
    page.page.wait_for_selector("body[data-shown]", state="attached")
    label = page.page.text_content("#range-label") or ""
    date_from, date_to = re.findall(r"\d{4}-\d{2}-\d{2}", label)
    assert 0 < page.count() < total
    assert page.count() == _stats(base_url, date_from=date_from, date_to=date_to)["events"]
    assert page.page.locator("#timeline rect.tl-in").count() > 0
    page.clean()


def test_clicking_a_marker_shows_the_evidence_sentence(page: Watched, base_url: str) -> None:
    # A country whose located events are few, so the fitted view shows them apart.
    by_country = _stats(base_url)["by_country"]
    country = min((c for c in by_country if c and c != "SOM"), key=lambda c: (by_country[c], c))
    items = httpx.get(base_url + "/events", params={"country": country}).json()["items"]
    sentences = {e["mention"]["evidence"]["sentence"] for e in items}
    page.page.select_option("#f-country", country)
    page.apply()
    page.click_a_marker()
    mark = page.page.text_content("#detail mark.evidence")
    assert mark in sentences
    detail = page.page.text_content("#detail") or ""
    for label in ("Actor 1", "Place", "Date", "Fatalities", "Article"):
        assert label in detail
    page.clean()


def test_screenshots_for_the_docs(page: Watched, base_url: str) -> None:
    claimed = httpx.get(
        base_url + "/events", params={"status": "claimed", "anonymous": "true", "limit": 1000}
    ).json()
    located = [
        e for e in claimed["items"] if e["mention"]["location"] and e["article_id"] != "a_hostile_markup"
    ]
    assert located
    page.page.evaluate("id => window.eventwireMap.openDetail(id)", located[0]["mention"]["id"])
    page.page.wait_for_selector("#detail mark.evidence")
    page.page.wait_for_timeout(400)  # let the map settle after the panel opened
    for target in (REPO / "artifacts" / "map.png", REPO / "docs" / "img" / "map.png"):
        target.parent.mkdir(parents=True, exist_ok=True)
        page.page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000
    page.clean()


def test_article_markup_is_shown_as_text_and_never_run(page: Watched) -> None:
    page.page.fill("#f-q", HOSTILE_WORD)
    page.apply()
    page.click_a_marker()
    panel = page.page.locator("#detail")
    text = page.page.text_content("#detail .article-text") or ""
    assert SCRIPT in text
    assert SCRIPT in (page.page.text_content("#detail mark.evidence") or "")
    assert page.page.get_by_text(SCRIPT).first.is_visible()
    assert HOSTILE_TITLE in (page.page.text_content("#detail .article-title") or "")
    assert "<b>The Example Post</b>" in (panel.text_content() or "")
    assert panel.locator("script, img, b").count() == 0
    assert panel.locator("a[href^='javascript']").count() == 0
    assert "anonymous" in (panel.text_content() or "")
    page.page.wait_for_timeout(300)
    page.clean()  # no dialog: alert() never ran
