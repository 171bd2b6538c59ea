"""Personal data is taken out of text quoted from exports."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from needmap import load_study
from needmap.errors import InvalidStudyError, Location, Severity
from needmap.personas.messages import personal_data_warning
from needmap.personas.schema import Persona
from needmap.scrub import personal_data, scrub
from tests.conftest import SURVEY_FIXTURES
from tests.test_surveys import HEADER, _import, _write


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Anders: Piet (piet.jansen@gemeente.nl)", "Anders: Piet ([e-mail])"),
        ("bel 06-12345678", "bel [phone]"),
        ("06 1234 5678", "[phone]"),
        ("tel +31 20 123 4567 of 020-1234567", "tel [phone] of [phone]"),
        ("NL91 ABNA 0417 1643 00", "[IBAN]"),
        ("bsn 123456782", "bsn [number]"),
        ("Buitendienst (handhaving, groen)", "Buitendienst (handhaving, groen)"),
        ("Taak 12, 3 uur; 2026-03-02 09:14:03", "Taak 12, 3 uur; 2026-03-02 09:14:03"),
    ],
)
def test_examples(text: str, shown: str) -> None:
    assert scrub(text) == shown


def test_a_dutch_report_gets_dutch_labels() -> None:
    text = "Mail a@b.nl, bel 06-12345678, bsn 123456782, NL91 ABNA 0417 1643 00"
    assert scrub(text, limit=None, language="nl") == (
        "Mail [e-mail], bel [telefoon], bsn [nummer], [IBAN]"
    )
    assert (
        scrub(text, limit=None, language="en") == "Mail [e-mail], bel [phone], bsn [number], [IBAN]"
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Bel 06-12345678 of 020-1234567", ["a phone number"]),
        ("a@b.nl, NL91 ABNA 0417 1643 00", ["an e-mail address", "an IBAN"]),
        ("bsn 123456782", ["a long number (a citizen service or account number?)"]),
        ("jan06@b.nl", ["an e-mail address"]),
        ("Taak 12, 3 uur; 2026-03-02 09:14:03", []),
    ],
)
def test_personal_data_says_what_a_text_holds(text: str, found: list[str]) -> None:
    assert personal_data(text) == found


@given(st.text(max_size=60))
def test_personal_data_is_found_exactly_where_scrub_changes_the_text(text: str) -> None:
    assert bool(personal_data(text)) == (scrub(text, limit=None) != text)


def test_the_warning_names_each_kind_the_text_holds() -> None:
    text = "a@b.nl, 06-12345678, NL91 ABNA 0417 1643 00"
    warning = personal_data_warning(Location(Path("a.yaml"), 3, 9), text, "quotes[0]")
    assert warning is not None and warning.severity is Severity.WARNING
    assert warning.format() == (
        "a.yaml:3:9: quotes[0]: warning: this text holds an e-mail address, an IBAN and a "
        "phone number: reports show a label instead, but the study's files keep it"
    )
    assert personal_data_warning(Location(Path("a.yaml")), "Nothing personal") is None


def test_long_text_is_cut() -> None:
    assert scrub("a" * 200) == "a" * 79 + "…"
    assert scrub("a" * 80) == "a" * 80


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.\w+")
_local = st.text("abcdefghijklmnopqrstuvwxyz0123456789.", min_size=1, max_size=12).filter(
    lambda s: s.strip(".")
)


_domain = st.text("abcdefghij", min_size=1, max_size=8)


@given(st.text(max_size=40), _local, _domain, st.text(max_size=40))
def test_no_email_survives(before: str, user: str, domain: str, after: str) -> None:
    shown = scrub(f"{before} {user}@{domain}.nl {after}", limit=1000)
    assert f"{user}@{domain}.nl" not in shown
    assert scrub(shown, limit=1000) == shown  # scrubbing twice changes nothing more


def test_import_messages_quote_answers_without_personal_data(tmp_path: Path) -> None:
    study = load_study(SURVEY_FIXTURES / "study")
    export = _write(
        tmp_path,
        "g.csv",
        HEADER
        + "t1,Jan de Vries jan@example.org 0612345678,Book leave\n"
        + 't2,Field staff,"Book leave, Call me on +31 6 1234 5678"\n',
    )
    with pytest.raises(InvalidStudyError) as raised:
        _import(study, "google-forms", export)
    shown = "\n".join(f"{p.format()} {p.hint}" for p in raised.value.problems)
    assert "jan@example.org" not in shown and "0612345678" not in shown
    assert "1234 5678" not in shown
    assert "unknown group answer 'Jan de Vries [e-mail] [phone]'" in shown
    assert "cannot match 'Call me on [phone]' to a task" in shown


def test_a_persona_s_free_texts_are_every_text_the_reports_scrub() -> None:
    persona = Persona.model_validate(
        {
            "id": "p",
            "name": "P",
            "group": "g",
            "role": "r",
            "summary": "s",
            **{field: ["a", "b"] for field in ("goals", "frustrations", "scenarios")},
            **{field: ["a"] for field in ("devices", "places", "quotes")},
            "needs": ["n"],
        }
    )
    assert [path for path, _ in persona.free_texts()] == [
        ("role",),
        ("summary",),
        ("goals", 0),
        ("goals", 1),
        ("frustrations", 0),
        ("frustrations", 1),
        ("scenarios", 0),
        ("scenarios", 1),
        ("devices", 0),
        ("places", 0),
        ("quotes", 0),
    ]
