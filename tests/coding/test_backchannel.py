"""Backchannels ("Mm-hmm.", "Right.") and split turns do not cut a customer's answer apart."""
from __future__ import annotations

import pytest

from jtbd.coding.context import is_backchannel, questions_by_turn, story_turns
from jtbd.coding.local import contexts_for
from jtbd.coding.segment import segment_document
from jtbd.model import ParsedDocument, Role, Turn


def interview(*turns: tuple[str, str]) -> ParsedDocument:
    text, out, pos = "", [], 0
    for speaker, said in turns:
        head = f"{speaker}: "
        start = pos + len(head)
        text += head + said + "\n"
        out.append(Turn(start, start + len(said), speaker,
                        Role.INTERVIEWER if speaker == "Interviewer" else Role.CUSTOMER))
        pos = len(text)
    return ParsedDocument("i.txt", "interview", text, tuple(out))


@pytest.mark.parametrize("text", ["Mm-hmm.", "Right.", "Right, right.", "Okay, got it.",
                                  "Uh-huh", "Interesting!", "Yeah. Go on.", "Wow, okay.",
                                  "[laughs] Right.", "Mhm", "I see."])
def test_acknowledgements_are_backchannels(text: str) -> None:
    assert is_backchannel(text)


@pytest.mark.parametrize("text", ["And then?", "Why?", "Right, and what happened next?",
                                  "Twenty trips.", "Okay, so who else was involved?", "",
                                  "Okay. " * 20, "Interesting, tell me more about the price."])
def test_questions_and_echoes_are_not_backchannels(text: str) -> None:
    assert not is_backchannel(text)


def test_answer_cut_by_a_backchannel_keeps_its_question_and_neighbours() -> None:
    doc = interview(("Interviewer", "What stopped you from changing sooner?"),
                    ("Bo", "Inertia, really."), ("Interviewer", "Mm-hmm."),
                    ("Bo", "And the cost."), ("Interviewer", "Why that one?"), ("Bo", "Cheaper."))
    assert questions_by_turn(doc)[3] == "What stopped you from changing sooner?"
    assert story_turns(doc) == [0, 1, 2, 1, 4, 5]
    ex = segment_document(doc)
    ctx = dict(zip([e.text for e in ex], contexts_for(doc, ex)))
    assert ctx["And the cost."].question == "What stopped you from changing sooner?"
    assert ctx["And the cost."].previous == "Inertia, really."
    assert ctx["Inertia, really."].next == "And the cost."
    assert ctx["And the cost."].next is None
    assert ctx["Cheaper."].question == "Why that one?" and ctx["Cheaper."].previous is None


def test_same_speaker_on_consecutive_lines_is_one_answer() -> None:
    doc = interview(("Interviewer", "How did reminders work?"), ("Nadia", "Cards."),
                    ("Nadia", "We handed them over."), ("Sam", "I never saw them."))
    ex = segment_document(doc)
    ctx = dict(zip([e.text for e in ex], contexts_for(doc, ex)))
    assert ctx["We handed them over."].previous == "Cards."
    # another customer speaking next starts an answer of their own
    assert ctx["I never saw them."].previous is None
    assert ctx["We handed them over."].next is None
    assert story_turns(doc) == [0, 1, 1, 3]


def test_backchannel_does_not_join_two_speakers() -> None:
    doc = interview(("Interviewer", "Who decided?"), ("Ana", "Me."), ("Interviewer", "Right."),
                    ("Ben", "Well, both of us."))
    assert story_turns(doc) == [0, 1, 2, 3]
