"""Interviewer/customer assignment."""
from __future__ import annotations

import pytest

from jtbd.errors import InputError
from jtbd.ingest.roles import assign_roles, guess_interviewer, role_from_name
from jtbd.model import Role, Turn


def _turns(text: str, lines: list[tuple[str, str]]) -> tuple[str, list[Turn]]:
    turns, pos = [], 0
    for speaker, said in lines:
        text += said + "\n"
        turns.append(Turn(pos, pos + len(said), speaker))
        pos = len(text)
    return text, turns


@pytest.mark.parametrize("name", ["Interviewer", "moderator", "UX Researcher", "Host",
                                  "Q", "Int", "I", "Interviewer 2"])
def test_interviewer_names(name: str) -> None:
    assert role_from_name(name) is Role.INTERVIEWER


def test_customer_and_unknown_names() -> None:
    assert role_from_name("Participant 3") is Role.CUSTOMER
    assert role_from_name("Anna") is None


def test_heuristic_needs_a_clear_questioner() -> None:
    text, turns = _turns("", [("A1", "Why?"), ("B1", "Because?"), ("A1", "Sure."),
                              ("B1", "Ok.")])
    assert guess_interviewer(text, turns) is None  # both ask half the time
    text, turns = _turns("", [("Lee", "What happened?"), ("Max", "We grew."),
                              ("Lee", "And?"), ("Max", "Did we need it? Yes, we did.")])
    assert guess_interviewer(text, turns) == "Lee"


def test_one_speaker_has_no_interviewer() -> None:
    text, turns = _turns("", [("Lee", "What happened?"), ("Lee", "Why?")])
    assert [t.role for t in assign_roles(text, turns)] == [Role.CUSTOMER, Role.CUSTOMER]


def test_named_interviewer_beats_heuristic() -> None:
    text, turns = _turns("", [("Host", "Tell me."), ("Max", "Why?"), ("Max", "How?")])
    assert [t.role for t in assign_roles(text, turns)] == [
        Role.INTERVIEWER, Role.CUSTOMER, Role.CUSTOMER]


def test_bad_explicit_role() -> None:
    with pytest.raises(InputError, match="'boss'.*interviewer"):
        assign_roles("x", [Turn(0, 1, "Max")], {"Max": "boss"})
