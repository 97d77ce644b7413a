"""Who is the interviewer? Assign a :class:`Role` to every speaker of a transcript.

Order of precedence, per speaker:

1. an explicit ``roles`` mapping (speaker name, case-insensitive -> "interviewer"/"customer");
2. the speaker's name: Interviewer, Moderator, Researcher, Host, Facilitator, Q, Int, I,
   UX researcher (optionally numbered, "Interviewer 2") are interviewers; Participant,
   Customer, Respondent, Interviewee, A are customers;
3. the transcript's header: "Interviewer: Jane Doe", "Participant: Tom", or a list such as
   "Participants: Alex Chen (researcher), Hannah Kim" (:func:`header_roles`); a label
   such as "Sam (interviewer)" counts as its parenthesised role;
4. a heuristic, used only when no speaker is an interviewer by 1-3 and there are two or
   more speakers (:func:`guess_interviewers`): the interviewer asks the questions (a "?",
   or, since speech recognition often drops it, a question opener such as "what", "did",
   "tell me", "walk me through"), talks in shorter turns and usually speaks first. It names
   no one when the evidence is weak; with three or more speakers it names the asking side
   (one or two interviewers) only when the gap to the answering side is wide.

Everyone else, and turns without a speaker, are customers.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from jtbd.errors import InputError
from jtbd.model import Role, Turn

INTERVIEWER_NAMES = frozenset({
    "interviewer", "moderator", "researcher", "host", "facilitator", "q", "int", "i",
    "ux researcher", "user researcher", "interviewer a", "interviewer b",
})
CUSTOMER_NAMES = frozenset({
    "participant", "customer", "respondent", "interviewee", "a", "user", "guest", "p",
})
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
    paren = re.search(r"\(([^()]*)\)\s*$", name)  # "Sam (interviewer)"
    if paren and normalise_name(paren.group(1)) != norm:
        return role_from_name(paren.group(1))
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


MIN_QUESTION_SHARE = 0.4
MIN_QUESTION_MARGIN = 0.1
#: Smallest gap in question share between the asking side and the answering side when
#: more than two people speak.
MIN_GROUP_GAP = 0.25

#: Words and phrases that open a question even when speech recognition dropped the "?".
QUESTION_OPENERS: tuple[str, ...] = (
    "what", "how", "why", "when", "where", "who", "whom", "which", "whose", "did", "do",
    "does", "was", "were", "is", "are", "can", "could", "would", "will", "have", "has",
    "should", "tell me", "walk me through", "take me back", "talk me through", "talk to me",
    "describe", "say more", "can you", "could you", "anything else", "and then",
    "what about", "how about", "help me understand",
)
_FILLERS = ("so", "and", "okay", "ok", "right", "yeah", "um", "uh", "well", "alright",
            "got it", "great", "cool", "mm-hmm", "thanks", "thank you", "sure", "now", "but")
_FILLER_RE = re.compile(r"^(?:(?:%s)\b[\s,.!-]*)+" % "|".join(re.escape(f) for f in _FILLERS),
                        re.IGNORECASE)
_OPENER_RE = re.compile(r"^(?:%s)\b" % "|".join(re.escape(o) for o in sorted(
    QUESTION_OPENERS, key=len, reverse=True)), re.IGNORECASE)
#: "What I did was ...", "When the bill came", "What a week": a wh-word before a subject or
#: an article opens a statement, not a question.
_STATEMENT_RE = re.compile(
    r"^(?:what|how|why|when|where|who|which)\s+(?:i|i'm|i'd|we|my|our|he|she|they|his|her|"
    r"their|it|it's|the|that|this|a|an|there)\b", re.IGNORECASE)
_SENTENCE_RE = re.compile(r"[^.!?]+[.!?]*")


def is_question(said: str) -> bool:
    """True when a turn asks something: it contains "?" or its first or last sentence opens
    with a question word or phrase (after fillers such as "okay, so")."""
    if "?" in said:
        return True
    sentences = [m.group().strip() for m in _SENTENCE_RE.finditer(said)]
    for sentence in sentences[:1] + sentences[-1:]:
        sentence = _FILLER_RE.sub("", sentence)
        if _OPENER_RE.match(sentence) and not _STATEMENT_RE.match(sentence):
            return True
    return False


@dataclass(frozen=True)
class SpeakerStats:
    """Evidence about one speaker: turns, share of question turns, mean words per turn and
    whether they spoke first."""

    turns: int
    question_share: float
    mean_words: float
    first: bool


def speaker_stats(text: str, turns: Sequence[Turn]) -> dict[str, SpeakerStats]:
    """Per-speaker evidence for :func:`guess_interviewers`."""
    asked: dict[str, int] = {}
    total: dict[str, int] = {}
    words: dict[str, int] = {}
    first: str | None = None
    for turn in turns:
        if not turn.speaker:
            continue
        said = text[turn.start:turn.end]
        first = first or turn.speaker
        total[turn.speaker] = total.get(turn.speaker, 0) + 1
        words[turn.speaker] = words.get(turn.speaker, 0) + len(said.split())
        asked[turn.speaker] = asked.get(turn.speaker, 0) + is_question(said)
    return {s: SpeakerStats(n, asked[s] / n, words[s] / n, s == first) for s, n in total.items()}


def guess_interviewers(text: str, turns: Sequence[Turn]) -> set[str]:
    """The speakers who ask the questions, or an empty set when the evidence is weak.

    With two speakers, the one with the clearly higher share of questions (a "?" or a
    question opener; see :func:`is_question`) asks them; when the shares are close, shorter
    turns and speaking first must agree before anyone is named. With three or more, speakers
    are split at the largest gap in question share, and the upper side (one or two
    interviewers) is named only when that gap is wide and its turns are not longer.
    """
    stats = speaker_stats(text, turns)
    if len(stats) < 2:
        return set()
    ranked = sorted(stats, key=lambda s: (-stats[s].question_share, -stats[s].first))
    shares = [stats[s].question_share for s in ranked]
    if len(stats) == 2:
        best, other = (stats[s] for s in ranked)
        margin = best.question_share - other.question_share
        if best.question_share >= MIN_QUESTION_SHARE and margin >= MIN_QUESTION_MARGIN:
            return {ranked[0]}
        if (margin >= 0.05 and best.question_share >= 0.25 and best.first
                and best.mean_words <= 0.5 * other.mean_words):
            return {ranked[0]}
        return set()
    gaps = [shares[k - 1] - shares[k] for k in range(1, len(shares))]
    k = max(range(len(gaps)), key=lambda i: gaps[i]) + 1
    askers, answerers = ranked[:k], ranked[k:]
    if k > len(answerers) + 1 or gaps[k - 1] < MIN_GROUP_GAP or shares[k - 1] < MIN_QUESTION_SHARE:
        return set()
    mean = lambda group: sum(stats[s].mean_words for s in group) / len(group)  # noqa: E731
    if mean(askers) > mean(answerers):
        return set()
    return set(askers)


def guess_interviewer(text: str, turns: Sequence[Turn]) -> str | None:
    """The one speaker who asks the questions, or None when no one (or several) clearly do."""
    found = guess_interviewers(text, turns)
    return next(iter(found)) if len(found) == 1 else None


_HEADER_ROLE_RE = re.compile(
    r"^[ \t*_>-]*(?P<key>interviewers?|moderators?|researchers?|hosts?|facilitators?|"
    r"participants?|interviewees?|respondents?|customers?|attendees|speakers)[ \t*_]*[:\-–][ \t*_]*"
    r"(?P<names>[^\n]+?)[ \t*_]*$", re.IGNORECASE | re.MULTILINE)


def header_roles(text: str, before: int) -> dict[str, Role]:
    """Roles named in a transcript's header (the text before offset ``before``):
    "Interviewer: Jane Doe", "Participant: Tom", or lists such as
    "Participants: Alex Chen (researcher), Hannah Kim". Keys are lower-case names."""
    out: dict[str, Role] = {}
    for m in _HEADER_ROLE_RE.finditer(text, 0, before):
        key_role = role_from_name(m.group("key").rstrip("sS") if m.group("key").lower() not in (
            "attendees", "speakers") else "")
        for entry in re.split(r",|;|&|\band\b", m.group("names")):
            entry = entry.strip(" \t*_.")
            paren = re.search(r"\(([^()]*)\)\s*$", entry)
            name = re.sub(r"\s*\([^()]*\)\s*$", "", entry).strip()
            role = role_from_name(paren.group(1)) if paren else None
            if role is None and m.group("key").lower() in ("interviewer", "moderator", "researcher",
                                                           "host", "facilitator", "participant",
                                                           "interviewee", "respondent", "customer"):
                role = key_role
            if name and role is not None and len(name.split()) <= 4:
                out.setdefault(name.lower(), role)
    return out


def _match_header(speaker: str, named: Mapping[str, Role]) -> Role | None:
    low = speaker.strip().lower()
    if low in named:
        return named[low]
    words = set(low.split())
    hits = {r for n, r in named.items() if words <= set(n.split()) or set(n.split()) <= words}
    return hits.pop() if len(hits) == 1 else None


def assign_roles(text: str, turns: Sequence[Turn],
                 roles: Mapping[str, str] | None = None, *, path: str | None = None
                 ) -> tuple[Turn, ...]:
    """Return ``turns`` with ``role`` set on every one of them (see the module docstring)."""
    explicit = parse_roles(roles, path)
    named = header_roles(text, turns[0].start) if turns else {}
    decided: dict[str, Role] = {}
    for turn in turns:
        if turn.speaker and turn.speaker not in decided:
            role = (explicit.get(turn.speaker.strip().lower()) or role_from_name(turn.speaker)
                    or _match_header(turn.speaker, named))
            if role is not None:
                decided[turn.speaker] = role
    if Role.INTERVIEWER not in decided.values():
        undecided = [t for t in turns if t.speaker and t.speaker not in decided]
        for guess in guess_interviewers(text, turns) if undecided else set():
            if guess not in decided:
                decided[guess] = Role.INTERVIEWER
    return tuple(
        replace(t, role=decided.get(t.speaker, Role.CUSTOMER) if t.speaker else Role.CUSTOMER)
        for t in turns
    )
