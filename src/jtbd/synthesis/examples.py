"""A small fictional switch-interview study built in code, with two planted jobs.

Used by the tests and the benchmark (which perturbs and replicates it), and handy for trying
the synthesis without a database: ``synthesize(example_study())``.

Job A: get paid on time for client work (freelancers who chase late invoices).
Job B: keep the books ready for tax time (tradespeople with scattered receipts).
"""
from __future__ import annotations

import random
import re

from jtbd.model import AlternativeMention, CodedExcerpt, Role
from jtbd.synthesis.inputs import DocumentInfo, SynthesisInput

# (question, [(sentence, codes), ...]) – "{x}" slots are filled per participant.
Script = list[tuple[str, list[tuple[str, tuple[str, ...]]]]]
_JOB_A: Script = [
    ("Tell me about your work.", [
        ("I'm a freelance {occ} and I work from my kitchen table most days.", ()),
        ("I usually have five or six clients at once.", ()),
    ]),
    ("How did you handle invoicing before?", [
        ("I used a Word template and a spreadsheet to track which invoices were paid.", ("workaround", "habit")),
        ("It worked well enough for years, so I never questioned it.", ("habit",)),
    ]),
    ("When did you first think there might be a better way?", [
        ("The first time I thought about it was when a friend mentioned an app that chases clients for you.",
         ("trigger",)),
        ("I kept an eye out after that and noticed an ad for {alt1} on Instagram.", ("alternative",)),
    ]),
    ("What was going on at that time?", [
        ("A client paid me sixty days late and I could not pay my rent on time.", ("push", "trigger")),
        ("Chasing late payments took me hours every month and it felt awkward.", ("push", "emotional")),
        ("I just want to get paid on time for the work I finished.", ("outcome",)),
    ]),
    ("What did you do next?", [
        ("That week I started googling and did a trial of {alt1} and Tally side by side.", ("alternative",)),
        ("I also thought about doing nothing and just being more disciplined.", ("alternative", "habit")),
        ("{alt1} felt too expensive for me, so I dropped it.", ("anxiety", "alternative")),
    ]),
    ("What made you worried?", [
        ("I was worried automatic reminders would annoy my clients.", ("anxiety",)),
    ]),
    ("What tipped the scales?", [
        ("Tally sends polite reminders so I can stop chasing late payments myself.", ("pull",)),
        ("I decided and signed up for the paid plan the same night.", ()),
    ]),
    ("How was the first week?", [
        ("The first week I set it up and sent my first invoice in ten minutes.", ()),
    ]),
    ("How is it now?", [
        ("Now I can see which invoices are overdue at a glance.", ("outcome",)),
        ("I want clients to see me as professional, not desperate for money.", ("social",)),
        ("I feel in control of my cash flow for the first time.", ("emotional", "outcome")),
    ]),
]
_JOB_B: Script = [
    ("Tell me about your work.", [
        ("I run a small {occ} business and I'm on site in the van most of the week.", ()),
        ("My wife helps with the paperwork in the evenings.", ()),
    ]),
    ("How did you keep your books before?", [
        ("I kept receipts in a shoebox and a folder in the van.", ("workaround", "habit")),
        ("My accountant sorted everything out once a year, that's how it always worked.", ("habit",)),
    ]),
    ("When did you first think about changing that?", [
        ("It was in the back of my mind for a while, every January really.", ("trigger",)),
        ("I came across {alt1} in a trade magazine but I didn't look properly.", ("alternative",)),
    ]),
    ("What was going on at that time?", [
        ("Last January I spent three weekends digging out receipts for my tax return.", ("push", "trigger")),
        ("I lost receipts and paid tax on money I had actually spent on materials.", ("push",)),
        ("I need to keep the books ready for tax time without a year-end scramble.", ("outcome",)),
    ]),
    ("What did you do next?", [
        ("My accountant told me to keep receipts as they happen, so I compared {alt1} and Tally.", ("alternative",)),
        ("I thought about doing nothing and just paying the accountant more to sort it.", ("alternative",)),
        ("{alt1} was too complicated, all charts of accounts, so I ruled it out.", ("anxiety", "alternative")),
    ]),
    ("What made you worried?", [
        ("I was worried I'd lose the history if I moved everything over.", ("anxiety",)),
    ]),
    ("What tipped the scales?", [
        ("With Tally I snap receipts on my phone so I can keep the books ready for tax time.", ("pull",)),
        ("We decided to pay for it after the trial.", ()),
    ]),
    ("How was the first week?", [
        ("The first week I imported my bank statements and set it up with my wife.", ()),
    ]),
    ("How is it now?", [
        ("These days I keep receipts up to date every week in ten minutes.", ("outcome",)),
        ("My accountant says my books look organised now, which is a nice change.", ("social",)),
        ("I feel relieved when January comes round instead of dreading it.", ("emotional",)),
    ]),
]
_PEOPLE_A = [("Maya", "designer", "FreshBooks", "29", "female", "decision maker", "1"),
             ("Tom", "copywriter", "Wave", "41", "male", "user", "1"),
             ("Ana", "photographer", "FreshBooks", "35", "female", "decision maker", "1"),
             ("Raj", "developer", "Xero", "38", "male", "decision maker", "2")]
_PEOPLE_B = [("Dave", "plumbing", "Xero", "52", "male", "decision maker", "3"),
             ("Sam", "electrical", "QuickBooks", "45", "male", "economic buyer", "2"),
             ("Lee", "building", "Xero", "39", "male", "decision maker", "4"),
             ("Priya", "landscaping", "QuickBooks", "36", "female", "user", "1")]


def _interview(doc_id: int, name: str, script: Script,
               slots: dict[str, str], rng: random.Random | None, drop: float
               ) -> tuple[str, list[tuple[int, int, tuple[str, ...], str, int]]]:
    """Build an interview text and (start, end, codes, question, turn) for each customer sentence."""
    parts: list[str] = []
    spans = []
    pos = 0
    turn = 0
    for question, sentences in script:
        q = f"Interviewer: {question}\n\n"
        parts.append(q)
        pos += len(q)
        turn += 1
        prefix = f"{name}: "
        parts.append(prefix)
        pos += len(prefix)
        kept = [s for s in sentences if rng is None or rng.random() >= drop] or sentences[:1]
        for k, (sentence, codes) in enumerate(kept):
            s = sentence.format(**slots)
            if k:
                parts.append(" ")
                pos += 1
            spans.append((pos, pos + len(s), codes, question, turn))
            parts.append(s)
            pos += len(s)
        parts.append("\n\n")
        pos += 2
        turn += 1
    return "".join(parts), spans


def example_study(*, copies: int = 1, seed: int = 0, drop: float = 0.0, noise: float = 0.0) -> SynthesisInput:
    """The fictional study: 4 interviews per planted job, times ``copies`` (each copy a new set
    of participants). ``drop`` leaves out a share of sentences and ``noise`` flips a share of
    codes, to imitate an imperfect coder. Participant ids are ``A1..`` and ``B1..``."""
    rng = random.Random(seed) if (drop or noise or copies > 1) else None
    docs: list[DocumentInfo] = []
    excerpts: list[CodedExcerpt] = []
    alts: list[tuple[int | str, AlternativeMention]] = []
    codes_all = ("push", "pull", "anxiety", "habit", "trigger", "workaround", "alternative", "outcome",
                 "emotional", "social")
    doc_id = 0
    for copy in range(copies):
        for job, script, people in (("A", _JOB_A, _PEOPLE_A), ("B", _JOB_B, _PEOPLE_B)):
            for n, (name, occ, alt1, age, gender, role, size) in enumerate(people):
                doc_id += 1
                pid = f"{job}{copy * len(people) + n + 1}"
                text, spans = _interview(doc_id, name, script, {"occ": occ, "alt1": alt1}, rng, drop)
                source = f"{pid.lower()}-{name.lower()}.md"
                attrs = {"age": age, "gender": gender, "occupation": occ, "buying_role": role, "company_size": size,
                         "industry": "creative" if job == "A" else "trades"}
                docs.append(DocumentInfo(doc_id, source, "interview", text, pid, attrs))
                for start, end, codes, question, turn in spans:
                    cs = list(codes)
                    if rng is not None and noise and rng.random() < noise:
                        flip = rng.choice(codes_all)
                        cs = [c for c in cs if c != flip] if flip in cs else cs + [flip]
                    excerpts.append(CodedExcerpt(doc_id, source, start, end, text[start:end], name, Role.CUSTOMER,
                                                 tuple(cs), {c: 0.9 for c in cs}, pid, "interview", turn, question))
                for alt in sorted({alt1, "Tally"}):
                    for m in re.finditer(re.escape(alt), text):
                        kind = "competitor"
                        alts.append((doc_id, AlternativeMention(alt, kind, m.start(), m.end(), m.group(0))))
                for m in re.finditer(r"doing nothing", text):
                    alts.append((doc_id, AlternativeMention("doing nothing", "non-consumption", m.start(), m.end(),
                                                            m.group(0))))
                for m in re.finditer(r"(?:Word template|spreadsheet|shoebox)", text):
                    alts.append((doc_id, AlternativeMention(m.group(0).lower(), "workaround", m.start(), m.end(),
                                                            m.group(0))))
    return SynthesisInput(docs, excerpts, alts, seed=seed)
