"""What a screen reader and a keyboard need of every HTML report, as axe-core checks it
(CONTRIBUTING says how to run axe-core itself): a level-one heading, tables (and a
guide's YAML) that scroll sideways reachable by the keyboard, tables named, and named
regions told apart by name."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

_LANDMARKS = {"nav": "navigation", "aside": "complementary", "section": "region"}
"""Elements that are landmarks when named (a section) or always (nav, aside)."""


@dataclass
class _Page(HTMLParser):
    """The parts of a page the checks read, collected in one pass."""

    headings: list[str] = field(default_factory=list)
    scrolling: list[dict[str, str | None]] = field(default_factory=list)
    landmarks: list[tuple[str, str]] = field(default_factory=list)
    unheaded: int = 0
    """Sections with neither a heading nor a name, which a div would mark up as well."""
    _in_h1: bool = False
    _sections: list[bool] = field(default_factory=list)
    """Of each section open, whether it has a heading or a name yet."""

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "h1":
            self._in_h1 = True
            self.headings.append("")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._sections:
            self._sections[-1] = True
        if tag == "section":
            self._sections.append(bool(named.get("aria-label")))
        if "table-wrap" in (named.get("class") or "").split() or tag == "pre":
            self.scrolling.append(named)
        role = named.get("role") or _LANDMARKS.get(tag)
        label = named.get("aria-label")
        if role in ("region", "navigation", "complementary") and (label or tag != "section"):
            self.landmarks.append((role, label or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False
        if tag == "section":
            self.unheaded += not self._sections.pop()

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.headings[-1] += data


def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _pages(demo: Path) -> list[Path]:
    pages = sorted(demo.glob("*.html"))
    assert len(pages) >= 10  # the overviews, tables, personas, roadmap, evidence, brief
    return pages


def test_every_report_has_a_level_one_heading(demo: Path) -> None:
    for path in _pages(demo):
        assert any(h.strip() for h in _read(path).headings), path.name
    # a needs table on a page of its own is headed by its title, which its caption holds
    assert _read(demo / "needs-groups.html").headings == ["Needs per target group"]


def test_a_table_that_scrolls_is_a_named_region_the_keyboard_reaches(demo: Path) -> None:
    found = Counter[str]()
    for path in _pages(demo):
        for wrap in _read(path).scrolling:
            assert wrap.get("tabindex") == "0", path.name
            if wrap.get("class") is None:  # a guide's YAML to copy, which scrolls as well
                found["pre"] += 1
                continue
            found["table"] += 1
            assert wrap.get("role") == "region", path.name
            assert (wrap.get("aria-label") or "").strip(), path.name
    # in the roadmap, personas, evidence reports, tables and the brief; in the guides
    assert found["table"] >= 20 and found["pre"] >= 1


def test_every_report_names_each_region_once(demo: Path) -> None:
    for path in _pages(demo):
        page = _read(path)
        assert page.unheaded == 0, path.name  # a section says what it is, or is a div
        landmarks = page.landmarks
        twice = [landmark for landmark, count in Counter(landmarks).items() if count > 1]
        assert not twice, path.name
    # the brief holds both overviews' advice and every persona's key needs: each region
    # says whose it is
    brief = _read(demo / "brief.html").landmarks
    assert ("region", "Key needs — Fatima") in brief
    advice = [label for role, label in brief if label.startswith("Recommended form")]
    assert len(advice) == 2
