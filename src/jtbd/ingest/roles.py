"""Who is the interviewer? Assign a :class:`Role` to every speaker of a transcript.

Order of precedence, per speaker:

1. an explicit ``roles`` mapping (speaker name, case-insensitive -> "interviewer"/"customer");
2. the speaker's name: Interviewer, Moderator, Researcher, Host, Facilitator, Q, Int, I,
   UX researcher (optionally numbered, "Interviewer 2") are interviewers; Participant,
   Customer, Respondent, Interviewee, A are customers;
3. a heuristic, used only when no speaker is an interviewer by 1 or 2 and there are two or
   more speakers: the speaker with the highest share of turns ending in a question mark is
   the interviewer, provided that share is at least :data:`MIN_QUESTION_SHARE` and beats
   every other speaker's share by :data:`MIN_QUESTION_MARGIN`.

Everyone else, and turns without a speaker, are customers.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from jtbd.errors import InputError
from jtbd.model import Role, Turn

INTERVIEWER_NAMES = frozenset({
    "interviewer", "moderator", "researcher", "host", "facilitator", "q", "int", "i",
    "ux researcher", "user researcher", "interviewer a", "interviewer b",
})
CUSTOMER_NAMES = frozenset({
    "participant", "customer", "respondent", "interviewee", "a", "user", "guest", "p",
})
MIN_QUESTION_SHARE = 0.4
MIN_QUESTION_MARGIN = 0.1


def normalise_name(name: str) -> str:
    """Lower-case, collapse spaces and drop a trailing number: "UX  Researcher 2" -> "ux researcher"."""
    name = re.sub(r"\s*\([^()]*\)$", "", name.strip())  # "Interviewer (Sam)"
    name = re.sub(r"\s+", " ", name.lower())
    return re.sub(r"[\s#_-]*\d+$", "", name).strip() or name


def role_from_name(name: str) -> Role | None:
    """The role a speaker's name implies, or None when the name says nothing."""
    norm = normalise_name(name)
    if norm in INTERVIEWER_NAMES:
        return Role.INTERVIEWER
    if norm in CUSTOMER_NAMES:
        return Role.CUSTOMER
    return None


def parse_roles(roles: Mapping[str, str] | None, path: str | None = None) -> dict[str, Role]:
    """Validate an explicit mapping; keys become lower-case speaker names."""
    out: dict[str, Role] = {}
    for speaker, value in (roles or {}).items():
        try:
            out[speaker.strip().lower()] = Role(str(value).strip().lower())
        except ValueError:
            raise InputError(
                f"role {value!r} for speaker {speaker!r} is not valid; use 'interviewer' or "
                "'customer'", path=path) from None
    return out


def guess_interviewer(text: str, turns: Sequence[Turn]) -> str | None:
    """The speaker who asks the questions, or None when no one clearly does."""
    asked: dict[str, int] = {}
    total: dict[str, int] = {}
    for turn in turns:
        if not turn.speaker:
            continue
        total[turn.speaker] = total.get(turn.speaker, 0) + 1
        if text[turn.start:turn.end].rstrip().endswith("?"):
            asked[turn.speaker] = asked.get(turn.speaker, 0) + 1
    if len(total) < 2:
        return None
    shares = sorted(((asked.get(s, 0) / n, s) for s, n in total.items()), reverse=True)
    (best, speaker), (second, _) = shares[0], shares[1]
    if best >= MIN_QUESTION_SHARE and best - second >= MIN_QUESTION_MARGIN:
        return speaker
    return None


def assign_roles(text: str, turns: Sequence[Turn],
                 roles: Mapping[str, str] | None = None, *, path: str | None = None
                 ) -> tuple[Turn, ...]:
    """Return ``turns`` with ``role`` set on every one of them (see the module docstring)."""
    explicit = parse_roles(roles, path)
    decided: dict[str, Role] = {}
    for turn in turns:
        if turn.speaker and turn.speaker not in decided:
            role = explicit.get(turn.speaker.strip().lower()) or role_from_name(turn.speaker)
            if role is not None:
                decided[turn.speaker] = role
    if Role.INTERVIEWER not in decided.values():
        undecided = [t for t in turns if t.speaker and t.speaker not in decided]
        guess = guess_interviewer(text, turns) if undecided else None
        if guess is not None and guess not in decided:
            decided[guess] = Role.INTERVIEWER
    return tuple(
        replace(t, role=decided.get(t.speaker, Role.CUSTOMER) if t.speaker else Role.CUSTOMER)
        for t in turns
    )
