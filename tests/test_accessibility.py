"""What a screen reader and a keyboard need of every HTML report, as axe-core checks it
(CONTRIBUTING says how to run axe-core itself): a level-one heading, tables (and a
guide's YAML) that scroll sideways reachable by the keyboard, tables named, and named
regions told apart by name."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.rendered import PageParts


def _read(path: Path) -> PageParts:
    page = PageParts()
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
