"""Find the alternatives a customer names: competitors, substitutes, workarounds, non-consumption.

Rules, not a model: capitalised names next to switching verbs ("switched to/from", "tried",
"looked at", "compared", "instead of", "used to use", "vs"); a built-in list of generic
substitutes (spreadsheets, paper, email, an accountant, ...); workaround phrases ("I'd just …",
"sticky notes", "reminders in my calendar"); and doing nothing ("we did nothing", "just lived
with it"). Names are normalised across documents by :func:`normalise_name`.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from jtbd.model import AlternativeMention, Excerpt, ParsedDocument, Role

_I = re.IGNORECASE

#: Generic substitutes: canonical name -> surface pattern.
SUBSTITUTES: dict[str, str] = {
    "Google Sheets": r"google\s+sheets?|gsheets?|g\s?sheets",
    "Excel": r"excel(?:\s+(?:sheets?|files?|spreadsheets?))?|ms excel|microsoft excel",
    "Spreadsheet": r"spread\s?sheets?",
    "Pen and paper": r"pen and paper|paper and pen",
    "Paper": r"paper(?!\s?(?:work|back))|print(?:ed)?[- ]outs?",
    "Notebook": r"note\s?books?",
    "Email": r"e-?mails?(?=\W|$)",
    "WhatsApp": r"whats\s?app",
    "Word": r"(?:microsoft|ms)\s+word|\bword docs?|\bin word\b",
    "Accountant": r"(?:an|my|our|the) (?:accountant|bookkeeper)s?",
    "Assistant": r"(?:an|my|our|a virtual|a part-time) assistant",
    "Freelancer": r"(?:a|an) freelancer",
    "Agency": r"(?:an|the|a local) agency",
    "Whiteboard": r"white\s?boards?",
}

#: Workarounds: canonical name -> surface pattern.
WORKAROUNDS: dict[str, str] = {
    "Colour-coded spreadsheet": r"colou?r[- ]coded spread\s?sheets?",
    "Sticky notes": r"sticky notes?|post-?its?",
    "Calendar reminders": r"reminders? in (?:my|our|the) calendar|calendar reminders?",
    "Emailing myself": r"e-?mail(?:ed|ing)? (?:myself|me)\b",
    "Manual copy and paste": r"cop(?:y|ied|ying)(?: and |-)past(?:e|ed|ing)",
    "Doing it by hand": r"by hand|manually",
    "Screenshots": r"screenshots?",
    "Hacked-together setup": r"\b(?:we|i) hacked\b[^.!?]{0,40}|\bhack(?:ed)? together\b[^.!?]{0,40}",
    "I'd just …": r"\b(?:i|we)'?d just\b[^.!?,]{3,40}|\b(?:i|we) would just\b[^.!?,]{3,40}",
}

#: Doing nothing (non-consumption): canonical name -> surface pattern.
NON_CONSUMPTION: dict[str, str] = {
    "Doing nothing": r"\b(?:we|i) did nothing\b|\bdo(?:ing)? nothing\b|\bnothing, we just\b",
    "Living with it": r"\b(?:just )?lived with it\b|\bput up with it\b|\blive with it\b",
    "Not bothering": r"\bdidn'?t bother\b|\bnever bothered\b",
    "Keeping doing it by hand": r"\bkept doing it (?:by hand|manually)\b|\bcarr(?:y|ied) on (?:by hand|as we were)\b",
}

_SWITCH = re.compile(
    r"\b(?i:switch(?:ed|ing)? (?:over )?(?:to|from)|mov(?:ed|ing) (?:over )?(?:to|from)|tried|trying|"
    r"looked at|look(?:ing)? at|compared(?: it)?(?: with| to)?|instead of|used to use|went back to|went with|"
    r"vs\.?|versus|considered|demos? (?:with|of)|trials? (?:of|with)|signed up (?:for|with)|left|cancelled|"
    r"ditched|ads? for|quotes? from|recommended|uses?|started(?: using)?|chose|picked|replaced)\s+"
    r"(?i:out |using |with |a |an |the )?((?:[A-Z][\w&'.+-]*|[a-z]+[A-Z][\w]*)(?:\s+(?:[A-Z][\w&+-]*|\d+))*)"
)
#: Brand-like spellings anywhere in a sentence: inner capitals ("FreshBooks", "QuickBooks").
_CAMEL = re.compile(r"\b[A-Z][a-z]+[A-Z][A-Za-z]*\b")
# "... from X to Y", "X and Y", "X or Y", "X, Y": more names right after a competitor.
_MORE = re.compile(r"\s*(?:,|\band\b|\bor\b|\bto\b|\bvs\.?|\bversus\b)\s+"
                   r"([A-Z][\w&'.+-]*(?:\s+[A-Z][\w&+-]*)*)")
_NOT_NAMES = frozenset(
    "I I'd I'm We It The A An This That They He She You My Our Their But And So Then There Here What When "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Christmas Easter Yes No Ok Okay "
    "Mr Mrs Ms Miss Dr Sir Madam Mum Dad".split()
)
#: Places and common first names: after "moved to" or "tried" they are not products.
_PLACES = frozenset(
    "England Scotland Wales Ireland Britain UK US USA America Canada France Germany Spain Italy Portugal Poland "
    "Netherlands Holland Belgium Sweden Norway Denmark Finland India China Japan Australia Mexico Brazil Nigeria "
    "Ghana Kenya Europe Asia Africa London Paris Berlin Edinburgh Leith Glasgow Manchester Dublin Toronto "
    "Montreal Montréal Lagos Accra Mumbai Sydney New York".split()
)
_FIRST_NAMES = frozenset(
    "James John Robert Michael David William Richard Joseph Thomas Charles Daniel Matthew Mark Paul Steven Andrew "
    "Peter George Tom Ben Sam Jack Harry Oliver Mary Patricia Jennifer Linda Elizabeth Susan Sarah Karen Lisa "
    "Nancy Emma Anna Laura Claire Kate Sophie Lucy Alice Maria Jane Helen Rachel Amy Julia Eva Priya Raj Ali "
    "Mohammed Ahmed Fatima Chloe Zoe Maya Jose José Kwame Amelie Amélie Graham Sofia Renee Renée Tomasz Bo".split()
)
_HONORIFICS = frozenset("Mr Mrs Ms Miss Dr Sir Madam".split())
_SUB_RX = [(name, re.compile(rf"\b(?:{p})", _I)) for name, p in SUBSTITUTES.items()]
_WORK_RX = [(name, re.compile(rf"(?:{p})", _I)) for name, p in WORKAROUNDS.items()]
_NONC_RX = [(name, re.compile(rf"(?:{p})", _I)) for name, p in NON_CONSUMPTION.items()]
_ALIASES = {n.lower(): n for n in SUBSTITUTES}
_ALIASES.update({"gsheets": "Google Sheets", "gsheet": "Google Sheets", "google sheet": "Google Sheets",
                 "g sheets": "Google Sheets", "spreadsheets": "Spreadsheet", "ms excel": "Excel",
                 "microsoft excel": "Excel", "excel sheet": "Excel", "excel sheets": "Excel",
                 "excel file": "Excel", "excel spreadsheet": "Excel", "whats app": "WhatsApp",
                 "emails": "Email", "e-mail": "Email", "notebooks": "Notebook",
                 "paper and pen": "Pen and paper"})


def normalise_name(surface: str) -> str:
    """Canonical form of an alternative's name: trims punctuation, possessives and case
    ("google sheets", "Google Sheet", "gsheets" → "Google Sheets"; "Asana's" → "Asana")."""
    name = re.sub(r"\s+", " ", surface).strip().strip(".,;:!?\"'()[]“”‘’")
    name = re.sub(r"(?:'s|’s|s')$", "", name)
    name = re.sub(r"^(?:an?|the|my|our)\s+", "", name, flags=_I)
    key = name.lower()
    if key in _ALIASES:
        return _ALIASES[key]
    for canon, rx in _SUB_RX:
        m = rx.fullmatch(name)
        if m:
            return canon
    if name.islower() or name.isupper() and len(name) > 4:
        return name.title()
    return name


def _mentions_in(text: str, base: int) -> list[AlternativeMention]:
    out: list[AlternativeMention] = []
    taken: list[tuple[int, int]] = []

    def add(name: str, kind: str, s: int, e: int) -> None:
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        out.append(AlternativeMention(name=name, kind=kind, start=base + s, end=base + e,
                                      surface=text[s:e]))

    for rxs, kind in ((_NONC_RX, "non-consumption"), (_WORK_RX, "workaround")):
        for name, rx in rxs:
            for m in rx.finditer(text):
                if name == "I'd just …":
                    add(normalise_name(m.group(0)).capitalize(), kind, m.start(), m.end())
                else:
                    add(name, kind, m.start(), m.end())
    for name, rx in _SUB_RX:
        for m in rx.finditer(text):
            add(name, "substitute", m.start(), m.end())
    for rx in (_SWITCH, _CAMEL):
        for m in rx.finditer(text):
            g = 1 if rx is _SWITCH else 0
            end = _competitor(text, m.start(g), m.group(g), add)
            while end is not None and (more := _MORE.match(text, end)):
                end = _competitor(text, more.start(1), more.group(1), add)
    return sorted(out, key=lambda a: a.start)


def _competitor(text: str, start: int, group: str, add) -> int | None:  # type: ignore[no-untyped-def]
    """Record the capitalised name ``group`` at ``start``; return where it ends."""
    words = group.split()
    while words and words[0].strip(".,") in _NOT_NAMES:
        if words[0].strip(".,") in _HONORIFICS:
            return None  # "rang Mrs Patel": a person
        words.pop(0)
    head = re.sub(r"(?:'s|’s)$", "", words[0].strip(".,;:!?")) if words else ""
    if not words or head in _PLACES or head in _FIRST_NAMES:
        return None
    surface = " ".join(words).rstrip(".,;:!?")
    s = start + group.find(words[0])
    name = normalise_name(surface)
    if not name or name in _NOT_NAMES:
        return None
    kind = "substitute" if any(n == name for n, _ in _SUB_RX) else "competitor"
    add(name, kind, s, s + len(surface))
    return s + len(surface)


def extract_alternatives(doc: ParsedDocument, excerpts: Sequence[Excerpt]) -> list[AlternativeMention]:
    """Alternatives named in the customer excerpts of ``doc`` (interviewer speech is skipped),
    in document order; offsets point into ``doc.text``."""
    out: list[AlternativeMention] = []
    for ex in excerpts:
        if ex.role is Role.INTERVIEWER:
            continue
        out.extend(_mentions_in(ex.text, ex.start))
    return out
