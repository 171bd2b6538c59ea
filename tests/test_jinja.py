"""The one jinja Environment of the reports: made once, so each template is compiled once
per process, and escaping whatever a page shows."""

from __future__ import annotations

from needmap.reports.jinja import environment


def test_the_environment_and_its_templates_are_made_once() -> None:
    """A fresh Environment for every page compiled the base and the macros again for each
    (85 templates in a build)."""
    assert environment() is environment()
    assert environment().get_template("base.html.j2") is environment().get_template("base.html.j2")


def test_the_environment_escapes_what_it_shows() -> None:
    shown = environment().from_string("<p>{{ text }}</p>").render(text="<script>x</script> & co")
    assert shown == "<p>&lt;script&gt;x&lt;/script&gt; &amp; co</p>"
