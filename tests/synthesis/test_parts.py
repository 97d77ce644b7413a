"""The small parts of the synthesis: language heuristics, placement rules, the wording hook."""
from __future__ import annotations

from jtbd.synthesis import SynthesisInput, synthesize
from jtbd.synthesis.alternatives import normalise_name, status_of
from jtbd.synthesis.jobmap import step_of
from jtbd.synthesis.outcomes import draft_outcome
from jtbd.synthesis.text import base_verb, clean_clause, gerund, verb_phrases
from jtbd.synthesis.timeline import place


def test_verb_phrases_find_intentions_and_objects() -> None:
    got = verb_phrases("I just want to get paid on time for the work I finished.")
    assert got[0].text == "get paid on time for the work" and got[0].intent
    assert [p.text for p in verb_phrases("Because chasing late payments feels so awkward.")] == ["chase late payments"]
    assert verb_phrases("I lost receipts again.")[0].text == "lose receipts"
    assert verb_phrases("I want to send it with Tally.", banned=frozenset({"tally"})) == []


def test_verb_forms_and_clauses() -> None:
    assert (gerund("chase"), gerund("get"), gerund("keep")) == ("chasing", "getting", "keeping")
    assert base_verb("chasing") == "chase" and base_verb("invoices") == "invoice"
    assert clean_clause("Honestly? The invoice was sixty days late. Then more.") == "the invoice was sixty days late"
    assert clean_clause("Xero was too complicated.", keep_case=frozenset({"xero"})) == "Xero was too complicated"


def test_timeline_placement_uses_sentence_question_and_position() -> None:
    assert place("That week I started googling invoice apps.", None, 0.4) == "active_looking"
    assert place("It was always in the back of my mind.", None, 0.2) == "first_thought"
    assert place("I can hear you now, sorry.", None, 0.0) is None  # a greeting is not ongoing use
    assert place("It took me ten minutes, honestly.", "How was the first week?", 0.7) == "first_use"


def test_alternative_names_and_status() -> None:
    assert normalise_name("Do nothing") == normalise_name("Nothing") == "doing nothing"
    assert normalise_name("  FreshBooks's ") == "freshbooks"
    assert status_of("FreshBooks felt too expensive, so I ruled it out.") == "rejected"
    assert status_of("In the end I went with Tally.") == "chosen"
    assert status_of("I used to keep a spreadsheet.") == "used"
    assert status_of("I looked at Xero's pricing page.") == "considered"


def test_job_map_steps_and_outcome_drafts() -> None:
    assert step_of("I spent weekends digging out receipts.") == "locate"
    assert step_of("Chasing clients for money is the worst part.") == "modify"
    assert draft_outcome("Chasing late payments took me hours every month.", ("push",), frozenset()) == (
        "Minimize", "the time it takes to", "chase late payments", "")
    assert draft_outcome("Now I can see which invoices are overdue.", ("outcome",), frozenset())[2] == \
        "know which invoices are overdue"
    lost = draft_outcome("I lost receipts for the van.", ("push",), frozenset())
    assert lost is not None and lost[:2] == ("Minimize", "the likelihood of")
    assert draft_outcome("It was sunny.", ("push",), frozenset()) is None
    assert draft_outcome("I kept forgetting to take the photo of the receipt.", ("push",), frozenset()) == (
        "Minimize", "the likelihood of", "forgetting to take the photo of the receipt", "")
    assert draft_outcome("I never knew whether the invoice had been paid.", ("push",), frozenset())[2] == \
        "know whether the invoice had been paid"
    assert draft_outcome("I'd get a nasty letter from the tax office.", ("push",), frozenset())[:3] == (
        "Minimize", "the likelihood of", "getting a nasty letter")


class _Polisher:
    """A wording hook like an LLM provider would supply."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.calls: list[tuple[str, str, list[str]]] = []

    def improve(self, kind: str, text: str, quotes: list[str]) -> str:
        self.calls.append((kind, text, quotes))
        return self.answer if kind == "job" else text.upper() if kind == "story" else text


def test_improve_wording_hook_is_linted(study: SynthesisInput) -> None:
    good = _Polisher("get paid on time for finished client work")
    syn = synthesize(study, improve_wording=good)
    assert {kind for kind, _, _ in good.calls} == {"job", "story", "outcome"}
    assert all(quotes for _, _, quotes in good.calls)
    assert {j.statement for j in syn.jobs} == {"get paid on time for finished client work"}
    assert all(" ".join(x for x in (j.verb, j.object, j.clarifier) if x) == j.statement for j in syn.jobs)
    bad = _Polisher("use Tally to send invoices and track time")
    syn = synthesize(study, improve_wording=bad)
    assert all("Tally" not in j.statement for j in syn.jobs)
    assert all(s.text.startswith("When ") for s in syn.job_stories)  # "WHEN ..." broke the form: kept


def test_outcome_objects_must_be_clean() -> None:
    from jtbd.synthesis.outcomes import object_problem

    for junk in ("getting a letter saying", "keep using", "scan comes", "send to a broker",
                 "know if it was sitting in spam", "set up a standing order to move", "email receipt forwarding"):
        assert object_problem(junk), junk
    for good in ("send the invoice", "know who owes what", "forgetting to take the photo", "track the expenses"):
        assert object_problem(good) is None, good


def test_outcomes_are_ranked_capped_and_junk_becomes_warnings(syn) -> None:  # type: ignore[no-untyped-def]
    from jtbd.synthesis.outcomes import MAX_PER_JOB, object_problem

    for job in {o.job for o in syn.outcomes}:
        mine = [o for o in syn.outcomes if o.job == job]
        assert len(mine) <= MAX_PER_JOB
        support = [len(o.participants) for o in mine]
        assert support == sorted(support, reverse=True)
        assert all(object_problem(o.object) is None for o in mine)
    statements = [o.statement.lower() for o in syn.outcomes]
    assert len(statements) == len(set(statements))


def test_no_risk_outcome_from_idioms() -> None:
    """"forget about it" and "felt fine" are no slips to prevent: no "Minimize the likelihood
    of <whatever verb came first>"; a real fine still is one."""
    from jtbd.synthesis.outcomes import draft_outcome

    assert draft_outcome("And then I'd forget about it because we'd win a project and the cash "
                         "would come in and everything felt fine again.", ("push",), frozenset()) is None
    assert draft_outcome("I'd send the invoices, pour a glass of wine, and forget about it until "
                         "the next month.", ("push",), frozenset()) is None
    got = draft_outcome("We got a fine for filing the return late.", ("push",), frozenset())
    assert got is not None and got[:2] == ("Minimize", "the likelihood of") and "fine" in got[2]
