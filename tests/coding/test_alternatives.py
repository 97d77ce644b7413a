"""Alternatives: names near switching verbs, substitutes, workarounds, non-consumption."""
from __future__ import annotations

from jtbd.coding import extract_alternatives, normalise_name, segment_document

from .helpers import interview


def _found(text: str) -> list[tuple[str, str]]:
    doc = interview(("Interviewer", "What else did you consider?"), ("Bo", text))
    mentions = extract_alternatives(doc, segment_document(doc))
    assert all(doc.text[m.start:m.end] == m.surface for m in mentions)
    return [(m.name, m.kind) for m in mentions]


def test_competitors_near_switching_verbs() -> None:
    got = _found("We switched from QuickBooks to Xero. I also looked at Notion, Trello and Asana's plan.")
    assert got == [("QuickBooks", "competitor"), ("Xero", "competitor"), ("Notion", "competitor"),
                   ("Trello", "competitor"), ("Asana", "competitor")]


def test_substitutes_workarounds_and_non_consumption() -> None:
    got = dict(_found("I had a colour-coded spreadsheet and sticky notes. Before that, gsheets. "
                      "For a year we just lived with it."))
    assert got["Colour-coded spreadsheet"] == "workaround"
    assert got["Sticky notes"] == "workaround"
    assert got["Google Sheets"] == "substitute"
    assert got["Living with it"] == "non-consumption"


def test_interviewer_mentions_are_ignored() -> None:
    doc = interview(("Interviewer", "Did you try Excel or Asana?"), ("Bo", "No."))
    assert extract_alternatives(doc, segment_document(doc)) == []


def test_name_normalisation() -> None:
    for surface in ("google sheets", "Google Sheet", "gsheets", "Google Sheets."):
        assert normalise_name(surface) == "Google Sheets"
    assert normalise_name("Asana's") == "Asana"
    assert normalise_name("EXCEL") == "Excel"
    assert normalise_name("an accountant") == "Accountant"


def test_brand_spellings_and_consideration_verbs() -> None:
    got = _found("I'd see ads for FreshBooks on Instagram, and I signed up for a Wave account once. "
                 "My friend uses QuickBooks. Someone said use Xero.")
    assert got == [("FreshBooks", "competitor"), ("Wave", "competitor"), ("QuickBooks", "competitor"),
                   ("Xero", "competitor")]


def test_lists_after_a_brand_are_competitors() -> None:
    got = _found("I made a list. FreshBooks, Xero and Wave, then I compared them.")
    assert [n for n, _ in got] == ["FreshBooks", "Xero", "Wave"]


def test_places_and_people_are_not_competitors() -> None:
    got = _found("I grew up in Montreal and moved to England in 1988. I rang Mrs Patel, then tried Sarah's "
                 "method, and we moved from Canada in May.")
    assert not [n for n, k in got if k == "competitor"]
