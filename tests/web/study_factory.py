"""Build a real study (SQLite in a temp folder) for the web/report tests, the browser tests and
the web benchmark: interviews with speaker turns, AI codes from a tiny keyword coder, a hostile
document, a synthesis artifact following the synthesis spec, and survey artifacts."""
from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from jtbd.coding.segment import segment_document
from jtbd.model import CodeResult, ParsedDocument, Role, Turn
from jtbd.services import Workbench, content_hash, init_study

HOSTILE = ("I typed <script>window.__pwned = 1; alert(1)</script> into the notes. "
           "Then <img src=x onerror=\"window.__pwned = 2\"> showed up. "
           "Click [x](javascript:alert(1)) to see it. The spreadsheet was a mess and I was worried.")

PEOPLE = ["Maya Okafor", "José Martínez", "Zoë Clarke", "Tomasz Nowak", "Renée Dubois", "Kwame Asante"]
CUSTOMER_LINES = [
    "Honestly, invoices were a mess and I kept forgetting to bill clients.",
    "The spreadsheet just wasn't cutting it anymore, but I was used to it.",
    "I looked at FreshBooks and Wave, and I liked that Tally sends reminders automatically.",
    "I worried about moving all my data and losing old invoices.",
    "A client paid me three months late, and that was the last straw.",
    "Now I get paid within a week and I feel in control of my cash.",
    "At tax time I spent a whole weekend hunting for receipts.",
    "My accountant wanted everything categorised, which took me days.",
]
QUESTIONS = ["What was going on when you started looking?", "What else did you consider?",
             "What almost stopped you?", "How is it going now?"]
KEYWORDS = {"push": ("mess", "forgetting", "late", "hunting", "took me days"),
            "pull": ("liked", "reminders", "paid within"),
            "anxiety": ("worried", "losing"),
            "habit": ("spreadsheet", "used to it"),
            "trigger": ("last straw",), "alternative": ("freshbooks", "wave", "spreadsheet"),
            "emotional": ("feel", "worried"), "outcome": ("paid within", "categorised")}


def interview(i: int, *, hostile: bool = False, rng: random.Random | None = None) -> ParsedDocument:
    """One interview transcript with turns (interviewer questions dimmed, customer answers)."""
    rng = rng or random.Random(i)
    name = PEOPLE[i % len(PEOPLE)]
    text, turns = "", []
    lines = CUSTOMER_LINES[:] if i < len(PEOPLE) else rng.sample(CUSTOMER_LINES, 6)
    for q_i, q in enumerate(QUESTIONS):
        for speaker, words, role in (("Interviewer", q, Role.INTERVIEWER),
                                     (name, " ".join(lines[q_i * 2:q_i * 2 + 2]), Role.CUSTOMER)):
            if hostile and role is Role.CUSTOMER and q_i == 0:
                words = HOSTILE + " " + words
            if role is Role.CUSTOMER and q_i == len(QUESTIONS) - 1:
                words += f" I send about {10 + i} invoices a month."
            text += f"{speaker}: "
            turns.append(Turn(len(text), len(text) + len(words), speaker, role))
            text += words + "\n"
    return ParsedDocument(source=f"interviews/p{i + 1:04d}-{name.split()[0].lower()}.md", kind="interview",
                          text=text, turns=tuple(turns), title=f"Interview with {name}")


def keyword_codes(sentence: str) -> CodeResult:
    low = sentence.lower()
    codes = tuple(c for c, words in KEYWORDS.items() if any(w in low for w in words))
    return CodeResult(codes=codes, scores={c: 0.72 + 0.02 * len(c) % 0.2 for c in codes},
                      coder="keyword-test", coder_version="1")


def add_documents(wb: Workbench, docs: list[ParsedDocument]) -> list[int]:
    for d in docs:
        wb.store.import_documents(d.source, content_hash(d), d.kind, [(d, content_hash(d))])
    return [r.id for r in wb.list_documents(with_counts=False)]


def code_all(wb: Workbench) -> None:
    """Store AI codes for every uncoded document (the same path the real coder takes)."""
    for doc_id in wb.store.pending_document_ids():
        rec = wb.document(doc_id)
        doc = wb.parsed_document(rec)
        exs = segment_document(doc)
        wb.store.save_coding(doc_id, exs, [keyword_codes(e.text) for e in exs], [None] * len(exs), [],
                             "keyword-test 1")


def _ev(wb: Workbench, needle: str, limit: int = 3) -> list[dict[str, Any]]:
    docs = {d.id: d for d in wb.list_documents(with_counts=False)}
    out = []
    for ex in wb.search(needle, limit=limit):
        d = docs[ex.document_id]
        out.append({"document": ex.document_id, "source": d.source, "participant": ex.speaker,
                    "start": ex.start, "end": ex.end, "quote": ex.text})
    return out


def synthesis(wb: Workbench) -> dict[str, Any]:
    """A synthesis artifact with the spec's keys; every quote is a real document span."""
    hostile_ev = _ev(wb, "<script>", 1) + _ev(wb, "onerror", 1) + _ev(wb, "javascript:", 1)
    jobs = [
        {"id": "job-1", "statement": "Get paid on time for finished client work", "kind": "functional",
         "participants": PEOPLE[:4], "evidence": _ev(wb, "paid"),
         "dimensions": {"functional": {"statement": "get paid without chasing", "evidence": _ev(wb, "bill")},
                        "emotional": {"statement": "feel in control of cash", "evidence": _ev(wb, "feel")},
                        "social": {"statement": "look professional to clients", "evidence": []}},
         "supporting_jobs": [{"kind": "buyer", "statement": "compare invoicing tools", "evidence": _ev(wb, "looked at")}],
         "context": {"statement": "end of month, working alone", "evidence": []},
         "force_balance": {"push": 6, "pull": 4, "anxiety": 3, "habit": 2, "progress": 10, "resistance": 5,
                           "verdict": "forces favour switching"}},
        {"id": "job-2", "statement": "Keep the books ready for tax time without a year-end scramble",
         "kind": "functional", "participants": PEOPLE[3:], "evidence": _ev(wb, "tax time"),
         "force_balance": {"push": 3, "pull": 1, "anxiety": 2, "habit": 4, "progress": 4, "resistance": 6,
                           "verdict": "habit holds customers back"}},
    ]
    stories = [
        {"id": "story-1-1", "job": "job-1", "situation": "a client pays me months late",
         "motivation": "send reminders without awkward emails", "expected_outcome": "get paid within a week",
         "text": "When a client pays me months late, I want to send reminders without awkward emails, so I can get paid within a week.",
         "evidence": _ev(wb, "late") + hostile_ev, "situation_evidence": _ev(wb, "late"),
         "motivation_evidence": _ev(wb, "reminders"), "outcome_evidence": _ev(wb, "paid within")},
        {"id": "story-2-1", "job": "job-2", "situation": "tax time comes round",
         "motivation": "have every receipt categorised already", "expected_outcome": "hand my accountant the figures in an hour",
         "text": "", "evidence": _ev(wb, "receipts")},
    ]
    forces = []
    for job, items in (("job-1", [("push", "Invoices are a mess", "mess"), ("pull", "Automatic reminders", "reminders"),
                                  ("anxiety", "Losing data when moving", "worried"), ("habit", "The familiar spreadsheet", "spreadsheet")]),
                       ("job-2", [("push", "Hunting for receipts", "receipts"), ("habit", "Used to the old way", "used to it")])):
        for n, (force, label, needle) in enumerate(items, 1):
            forces.append({"id": f"force-{job}-{n}", "job": job, "segment": None, "force": force, "label": label,
                           "participants": 3, "evidence": _ev(wb, needle)})
    steps = [{"step": s, "evidence": _ev(wb, w, 2), "push": p, "breakdown": b}
             for s, w, p, b in (("define", "looking", 0, False), ("locate", "receipts", 3, True),
                                ("execute", "bill", 2, False), ("monitor", "late", 4, True),
                                ("conclude", "paid", 0, False))]
    first = wb.list_documents(limit=2)
    timelines = [{"document": d.id, "participant": d.title, "source": d.source,
                  "phases": [{"phase": "first_thought", "summary": "invoices became a mess", "evidence": _ev(wb, "mess", 1)},
                             {"phase": "active_looking", "summary": "compared tools", "evidence": _ev(wb, "looked at", 1)},
                             {"phase": "deciding", "summary": "a late payment tipped it", "evidence": _ev(wb, "last straw", 1)},
                             {"phase": "ongoing_use", "summary": "paid within a week", "evidence": _ev(wb, "Now I", 1)}],
                  "events": [{"label": "A client paid three months late", "evidence": _ev(wb, "last straw", 1)}]}
                 for d in first]
    alternatives = [
        {"id": "alt-1", "name": "FreshBooks", "kind": "competitor", "mentions": 6, "participants": 4, "jobs": ["job-1"],
         "status": "considered", "rejection_reasons": [{"reason": "too expensive", "evidence": []}], "evidence": _ev(wb, "FreshBooks", 2)},
        {"id": "alt-2", "name": "Spreadsheet", "kind": "workaround", "mentions": 8, "participants": 5, "jobs": ["job-1", "job-2"],
         "status": "used", "rejection_reasons": [], "evidence": _ev(wb, "spreadsheet", 2)},
        {"id": "alt-3", "name": "Doing nothing", "kind": "non-consumption", "mentions": 2, "participants": 2, "jobs": ["job-2"],
         "status": "rejected", "rejection_reasons": [], "evidence": []},
    ]
    outcomes = [
        {"id": "outcome-1", "statement": "Minimize the time it takes to know which invoices are overdue", "direction": "minimize",
         "metric": "time", "object": "invoices", "clarifier": "overdue", "job": "job-1", "step": "monitor",
         "participants": PEOPLE[:3], "evidence": _ev(wb, "late", 2), "lint": []},
        {"id": "outcome-2", "statement": "Minimize the likelihood of losing a receipt needed for tax", "direction": "minimize",
         "metric": "likelihood", "object": "receipt", "clarifier": "needed for tax", "job": "job-2", "step": "locate",
         "participants": PEOPLE[3:], "evidence": _ev(wb, "receipts", 2), "lint": []},
    ]
    themes = [{"id": "theme-1", "label": "Chasing late payments", "codes": ["push"], "participants": 4,
               "top_terms": ["late", "paid"], "evidence": _ev(wb, "late")}]
    return {"themes": themes, "jobs": jobs, "job_stories": stories, "forces": forces, "timelines": timelines,
            "alternatives": alternatives, "job_map": [{"job": "job-1", "steps": steps}, {"job": "job-2", "steps": steps[:2]}],
            "outcomes": outcomes, "warnings": ["Social dimension never coded for job-2"]}


def _score(outcome: str, imp: float, sat: float) -> dict[str, Any]:
    opp = imp + max(imp - sat, 0)
    band = "extreme" if opp > 15 else "high" if opp >= 12 else "worth considering" if opp >= 10 else "unattractive"
    return {"outcome": outcome, "n": 412, "importance": imp, "satisfaction": sat, "opportunity": opp, "band": band,
            "underserved": opp >= 10, "overserved": sat > imp}


def survey_scores() -> dict[str, Any]:
    rows = [("Minimize the time it takes to know which invoices are overdue", 8.6, 2.1),
            ("Minimize the likelihood of losing a receipt needed for tax", 7.4, 2.8),
            ("Minimize the effort required to chase a late payment", 7.0, 4.4),
            ("Increase the number of payment methods a client can use", 4.1, 6.3),
            ("Minimize the time it takes to reconcile bank transactions", 6.2, 5.9)]
    return {"outcomes": [_score(*r) for r in rows], "n_respondents": 412}


def survey_segments() -> dict[str, Any]:
    segs = [{"segment": 1, "label": "Segment 1: underserved on 'Minimize the time it takes to know which invoices are overdue'",
             "size": 170, "share": 0.41, "top_underserved": ["Minimize the time it takes to know which invoices are overdue"],
             "demographics": {"business_type": {"freelancer": 0.6, "small business": 0.4}}, "outcomes": []},
            {"segment": 2, "label": "Segment 2: underserved on 'Minimize the likelihood of losing a receipt needed for tax'",
             "size": 140, "share": 0.34, "top_underserved": ["Minimize the likelihood of losing a receipt needed for tax"],
             "demographics": {"business_type": {"freelancer": 0.5, "small business": 0.5}}, "outcomes": []},
            {"segment": 3, "label": "Segment 3: no underserved outcomes", "size": 102, "share": 0.25,
             "top_underserved": [], "demographics": {}, "outcomes": []}]
    return {"k": 3, "assignments": [], "segments": segs,
            "demographics_vs_needs": {"segments_variance_explained": 0.46, "summary": "Demographics barely predict needs.",
                                      "attributes": [{"attribute": "age_band", "levels": 5, "ami": 0.004, "variance_explained": 0.02},
                                                     {"attribute": "business_type", "levels": 2, "ami": 0.011, "variance_explained": 0.03}],
                                      "skipped": []}}


def job_significance() -> dict[str, Any]:
    return {"jobs": [{"job": "job-1", "statement": "Get paid on time for finished client work", "rank": 1,
                      "score": 7.9, "importance": 8.1, "frequency": 0.8, "participants": 4},
                     {"job": "job-2", "statement": "Keep the books ready for tax time without a year-end scramble",
                      "rank": 2, "score": 6.2, "importance": 7.0, "frequency": 0.3, "participants": 3}]}


def build_study(path: Path, *, n_docs: int = 6, hostile: bool = True, survey: bool = True,
                synthesised: bool = True) -> Workbench:
    """A coded study with ``n_docs`` interviews (the first one hostile when ``hostile``)."""
    wb = init_study(path, name="Tally switch study")
    rng = random.Random(7)
    add_documents(wb, [interview(i, hostile=hostile and i == 0, rng=rng) for i in range(n_docs)])
    code_all(wb)
    if synthesised:
        wb.save_artifact("synthesis", synthesis(wb))
    if survey:
        wb.save_artifact("survey_scores", survey_scores())
        wb.save_artifact("survey_segments", survey_segments())
        wb.save_artifact("job_significance", job_significance())
    return wb
