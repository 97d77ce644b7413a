"""The interviewer question each excerpt answers (jtbd.coding.context)."""
from __future__ import annotations

from dataclasses import replace

from jtbd.coding import segment_document
from jtbd.coding.context import excerpt_questions, questions_by_turn
from jtbd.coding.local import contexts_for
from jtbd.model import ParsedDocument

from .helpers import interview, review


def _doc() -> ParsedDocument:
    return interview(("Bo", "Hello there."),
                     ("Interviewer", "What was going on at that time?"),
                     ("Bo", "It was slow. It crashed."),
                     ("Interviewer", "Anything else?"),
                     ("Interviewer", "What tipped the scales?"),
                     ("Bo", "A friend told me."))


def test_each_turn_gets_the_nearest_interviewer_turn_before_it() -> None:
    assert questions_by_turn(_doc()) == [
        None, None, "What was going on at that time?", "What was going on at that time?",
        "Anything else?", "What tipped the scales?"]


def test_excerpts_get_their_turns_question_in_full_or_its_end() -> None:
    doc = _doc()
    ex = segment_document(doc)
    full = dict(zip([e.text for e in ex], excerpt_questions(doc, ex)))
    assert full["Hello there."] is None
    assert full["It was slow."] == full["It crashed."] == "What was going on at that time?"
    assert full["A friend told me."] == "What tipped the scales?"
    end = dict(zip([e.text for e in ex], excerpt_questions(doc, ex, max_chars=8)))
    assert end["It crashed."] == "at time?" and end["A friend told me."] == " scales?"
    assert end["Hello there."] is None


def test_excerpts_without_a_valid_turn_have_no_question() -> None:
    doc = _doc()
    ex = segment_document(doc)[-1]
    stray = [replace(ex, turn_index=None), replace(ex, turn_index=99), replace(ex, turn_index=-1)]
    assert excerpt_questions(doc, stray) == [None, None, None]


def test_reviews_have_no_question() -> None:
    doc = review("Great app. It saves me an hour a week.")
    assert excerpt_questions(doc, segment_document(doc)) == [None, None]


def test_local_coder_reads_the_last_300_characters_of_the_question() -> None:
    long_q = "Tell me more about that. " * 20 + "Why did you switch?"
    doc = interview(("Interviewer", long_q), ("Bo", "It was too slow."))
    ex = segment_document(doc)
    ctx = contexts_for(doc, ex)
    customer = [c for e, c in zip(ex, ctx) if e.turn_index == 1]
    assert customer and all(c.question == long_q[-300:] for c in customer)
    assert customer[0].question is not None and customer[0].question.endswith("Why did you switch?")
