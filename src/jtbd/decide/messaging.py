"""Messaging audit: does marketing copy speak to the jobs customers are trying to get done?

Five checks, each scored 0..1 on the copy's non-empty lines (``sim`` is
:class:`~jtbd.decide.context.TextMatcher` similarity):

* ``job`` — names the job and the progress: ``min(1, best_sim / JOB_FULL)`` where
  ``best_sim`` is the best line's similarity to a job statement, job story or outcome statement;
* ``anxieties`` — answers the top anxieties: answered / considered, an anxiety (the study's
  top ``TOP_ANXIETIES`` anxiety forces by participants) being answered by a line with
  ``sim ≥ ANXIETY_MIN`` to its label or one of its quotes;
* ``customer_words`` — uses the customers' own words: ``min(1, used / WORDS_FULL)`` where
  ``used`` counts the study's top terms (jobs' and themes' ``top_terms``) found in the copy;
* ``jargon`` — avoids category jargon: ``max(0, 1 − JARGON_COST · hits)`` over :data:`JARGON`;
* ``forces`` — which of push, pull, anxiety, habit the copy speaks to (a line with
  ``sim ≥ FORCE_MIN`` to that force's label or quotes or a customer sentence coded with it,
  sharing at least ``FORCE_MIN_TERMS`` content words with it): covered / 4.

Overall score (0..100) = 100 · Σ weight · check score with :data:`WEIGHTS`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jtbd.decide.context import DecisionContext, Evidence, content_terms, read_text_file, stem
from jtbd.errors import InputError
from jtbd.model import Role

#: Category jargon customers never use about their own progress.
JARGON: tuple[str, ...] = (
    "seamless", "seamlessly", "leverage", "leverages", "robust", "best-in-class", "all-in-one", "solution",
    "solutions", "platform", "synergy", "synergies", "cutting-edge", "revolutionary", "revolutionise",
    "revolutionize", "empower", "empowers", "empowering", "world-class", "next-generation", "next-gen",
    "innovative", "game-changer", "game-changing", "disruptive", "holistic", "end-to-end", "scalable",
    "streamline", "streamlined", "unlock", "supercharge", "turnkey", "paradigm", "state-of-the-art",
    "frictionless", "ecosystem", "one-stop", "enterprise-grade", "mission-critical", "value-add",
)
WEIGHTS: dict[str, float] = {"job": 0.25, "anxieties": 0.2, "customer_words": 0.2, "jargon": 0.2, "forces": 0.15}
JOB_FULL = 0.35
ANXIETY_MIN = 0.15
FORCE_MIN = 0.2
#: ... and it must share at least this many content words with the customer's words
FORCE_MIN_TERMS = 2
WORDS_FULL = 6
JARGON_COST = 0.2
TOP_ANXIETIES = 4
FORCES = ("push", "pull", "anxiety", "habit")
_JARGON_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(j) for j in sorted(JARGON, key=len, reverse=True))
                        + r")(?![\w-])", re.IGNORECASE)
_MARKUP = re.compile(r"^\s*(?:#+|[-*+>]|\d+[.)])\s*")


@dataclass(frozen=True)
class Finding:
    """One observation about the copy: ``line`` is 1-based (None for the copy as a whole)."""

    check: str
    line: int | None
    text: str
    message: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"check": self.check, "line": self.line, "text": self.text, "message": self.message,
                "evidence": [e.to_dict() for e in self.evidence]}


@dataclass(frozen=True)
class CheckResult:
    name: str
    score: float
    summary: str
    findings: tuple[Finding, ...] = ()
    suggestions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "score": round(self.score, 3), "weight": WEIGHTS[self.name],
                "summary": self.summary, "findings": [f.to_dict() for f in self.findings],
                "suggestions": list(self.suggestions)}


@dataclass(frozen=True)
class MessagingAudit:
    source: str
    score: float  # 0..100
    checks: tuple[CheckResult, ...]
    forces: tuple[str, ...]  # the forces the copy speaks to

    def check(self, name: str) -> CheckResult:
        return next(c for c in self.checks if c.name == name)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "score": round(self.score, 1), "forces": list(self.forces),
                "checks": [c.to_dict() for c in self.checks]}


def read_copy(path: str | Path) -> str:
    """Read a .md/.txt copy file; empty or unreadable files raise :class:`InputError`."""
    p = Path(path)
    if p.suffix.lower() not in (".md", ".txt", ".markdown", ""):
        raise InputError(f"copy must be a .md or .txt file, not {p.suffix!r}; save the copy as text", path=str(p))
    return read_text_file(p, "the copy file", "give the marketing copy to audit")


def audit_copy(ctx: DecisionContext, text: str, source: str = "copy") -> MessagingAudit:
    """Audit marketing ``text`` against the study's jobs (checks and formula in the module docstring)."""
    lines = [(i + 1, _MARKUP.sub("", raw).strip()) for i, raw in enumerate(text.splitlines())]
    lines = [(n, t) for n, t in lines if t]
    if not lines:
        raise InputError("the copy is empty; give the marketing copy to audit", path=source)
    checks = (_job_check(ctx, lines), _anxiety_check(ctx, lines), _words_check(ctx, lines, text),
              _jargon_check(ctx, lines))
    force_check, covered = _forces_check(ctx, lines)
    checks += (force_check,)
    score = 100.0 * sum(WEIGHTS[c.name] * c.score for c in checks)
    return MessagingAudit(source=source, score=score, checks=checks, forces=covered)


def _job_check(ctx: DecisionContext, lines: list[tuple[int, str]]) -> CheckResult:
    targets: list[tuple[str, str]] = []  # (statement, job id)
    for j in ctx.jobs:
        targets.append((str(j.get("statement", "")), str(j.get("id"))))
    for s in ctx.synthesis.get("job_stories", []):
        targets += [(str(s.get("motivation", "")), str(s.get("job"))),
                    (str(s.get("expected_outcome", "")), str(s.get("job")))]
    outcome_jobs = ctx.survey_outcome_jobs()
    targets += [(str(o["outcome"]), str(outcome_jobs.get(str(o["outcome"])))) for o in ctx.survey_outcomes]
    targets += [(str(o.get("statement", "")), str(o.get("job"))) for o in ctx.synthesis.get("outcomes", [])]
    targets = [t for t in targets if t[0].strip()]
    sims = ctx.matcher.similarity([t for _, t in lines], [s for s, _ in targets])
    findings = []
    best = float(sims.max()) if sims.size else 0.0
    for li, (n, t) in enumerate(lines):
        k = int(sims[li].argmax()) if sims.size else 0
        if sims.size and sims[li, k] >= 0.2:
            job = ctx.job(targets[k][1])
            findings.append(Finding("job", n, t, f"names the progress \u201c{targets[k][0]}\u201d"
                                    + (f" (job: {job.get('statement')})" if job else "")))
    score = min(1.0, best / JOB_FULL)
    suggestions = []
    if score < 0.6:
        for j in ctx.jobs[:2]:
            q = _first_quote(j.get("dimensions", {}).get("functional", {}).get("evidence", []) or j.get("evidence", []))
            suggestions.append(f"Name the job and the progress, e.g. \u201c{j.get('statement')}\u201d"
                               + (f"; a customer put it as: \u201c{q.quote}\u201d" if q else ""))
    summary = (f"{len(findings)} line(s) name the job or an outcome" if findings
               else "no line names a job or the progress customers want")
    return CheckResult("job", score, summary, tuple(findings), tuple(suggestions))


def _top_anxieties(ctx: DecisionContext) -> list[dict[str, Any]]:
    items = [f for f in ctx.synthesis.get("forces", []) if f.get("force") == "anxiety" and not f.get("segment")]
    return sorted(items, key=lambda f: (-int(f.get("participants") or 0), str(f.get("id"))))[:TOP_ANXIETIES]


def _force_texts(item: dict[str, Any]) -> list[str]:
    return [str(item.get("label", ""))] + [str(e.get("quote", "")) for e in item.get("evidence", [])]


def _anxiety_check(ctx: DecisionContext, lines: list[tuple[int, str]]) -> CheckResult:
    anx = _top_anxieties(ctx)
    if not anx:
        return CheckResult("anxieties", 1.0, "the study found no anxieties to answer")
    findings, suggestions, answered = [], [], 0
    for a in anx:
        sims = ctx.matcher.similarity([t for _, t in lines], _force_texts(a))
        li = int(sims.max(axis=1).argmax())
        if sims[li].max() >= ANXIETY_MIN:
            answered += 1
            findings.append(Finding("anxieties", lines[li][0], lines[li][1],
                                    f"answers the anxiety \u201c{a.get('label')}\u201d "
                                    f"({a.get('participants')} participant(s))", _evidence(a, 1)))
        else:
            q = _first_quote(a.get("evidence", []))
            suggestions.append(f"Answer the anxiety \u201c{a.get('label')}\u201d ({a.get('participants')} "
                               "participant(s))" + (f"; a customer said: \u201c{q.quote}\u201d" if q else ""))
            findings.append(Finding("anxieties", None, "", f"does not answer \u201c{a.get('label')}\u201d",
                                    _evidence(a, 1)))
    return CheckResult("anxieties", answered / len(anx), f"answers {answered} of the top {len(anx)} anxieties",
                       tuple(findings), tuple(suggestions))


def _customer_terms(ctx: DecisionContext) -> list[str]:
    terms: list[str] = []
    for j in ctx.jobs:
        terms += [str(t) for t in j.get("top_terms", [])]
    for th in ctx.synthesis.get("themes", []):
        if int(th.get("participants") or 0) >= 2:
            terms += [str(t) for t in th.get("top_terms", [])]
    seen: dict[str, str] = {}
    for t in terms:
        s = stem(t)
        if s and s not in seen and content_terms(t):
            seen[s] = t
    return list(seen.values())


def _words_check(ctx: DecisionContext, lines: list[tuple[int, str]], text: str) -> CheckResult:
    vocab = _customer_terms(ctx)
    copy_stems = set(content_terms(text))
    used = [t for t in vocab if stem(t) in copy_stems]
    findings = []
    for n, t in lines:
        mine = sorted({w for w in used if stem(w) in set(content_terms(t))})
        if mine:
            findings.append(Finding("customer_words", n, t, "uses customers' words: " + ", ".join(mine)))
    suggestions = []
    unused = [t for t in vocab if t not in used][:WORDS_FULL]
    for term in unused[:3]:
        ex = next((e for e in ctx.excerpts if e.codes and stem(term) in content_terms(e.text) and len(e.text) < 160), None)
        if ex:
            suggestions.append(f"Customers say \u201c{term}\u201d: \u201c{ex.text}\u201d")
    score = min(1.0, len(used) / WORDS_FULL)
    return CheckResult("customer_words", score, f"uses {len(used)} of the customers' top terms"
                       + (f" ({', '.join(used[:8])})" if used else ""), tuple(findings), tuple(suggestions))


def _jargon_check(ctx: DecisionContext, lines: list[tuple[int, str]]) -> CheckResult:
    findings = []
    for n, t in lines:
        for m in _JARGON_RE.finditer(t):
            findings.append(Finding("jargon", n, t, f"category jargon \u201c{m.group(1)}\u201d: say what the "
                                    "customer gets done instead"))
    suggestions = []
    if findings:
        j = ctx.jobs[0] if ctx.jobs else None
        q = _first_quote(j.get("evidence", [])) if j else None
        suggestions.append("Replace jargon with the progress in the customers' words"
                           + (f", e.g. \u201c{j.get('statement')}\u201d; a customer said: \u201c{q.quote}\u201d"
                              if j and q else ""))
    score = max(0.0, 1.0 - JARGON_COST * len(findings))
    return CheckResult("jargon", score, f"{len(findings)} jargon word(s)", tuple(findings), tuple(suggestions))


def _forces_check(ctx: DecisionContext, lines: list[tuple[int, str]]) -> tuple[CheckResult, tuple[str, ...]]:
    items = [f for f in ctx.synthesis.get("forces", []) if not f.get("segment")]
    covered: list[str] = []
    findings, suggestions = [], []
    for force in FORCES:
        mine = [f for f in items if f.get("force") == force]
        # the force's synthesis labels and quotes, and every customer sentence coded with it
        texts = list(dict.fromkeys(
            [t for f in mine for t in _force_texts(f) if t.strip()]
            + [e.text for e in ctx.excerpts if force in e.codes and e.role is not Role.INTERVIEWER]))
        if not texts:
            continue
        # one shared word ("financial") is coincidence, not speaking to the force
        sims = ctx.matcher.similarity([t for _, t in lines], texts, min_shared=FORCE_MIN_TERMS)
        li = int(sims.max(axis=1).argmax())
        if sims[li].max() >= FORCE_MIN:
            covered.append(force)
            findings.append(Finding("forces", lines[li][0], lines[li][1],
                                    f"speaks to the {force}: \u201c{texts[int(sims[li].argmax())]}\u201d"))
        elif mine:
            top = max(mine, key=lambda f: int(f.get("participants") or 0))
            suggestions.append(f"Nothing speaks to the {force} force; customers said: \u201c{top.get('label')}\u201d")
    summary = "speaks to " + (", ".join(covered) if covered else "no force")
    return CheckResult("forces", len(covered) / len(FORCES), summary, tuple(findings), tuple(suggestions)), \
        tuple(covered)


def _evidence(item: dict[str, Any], n: int) -> tuple[Evidence, ...]:
    return tuple(Evidence.from_dict(e) for e in item.get("evidence", [])[:n])


def _first_quote(evidence: list[dict[str, Any]]) -> Evidence | None:
    """The first quote from a participant (interviews), else the first quote."""
    items = [Evidence.from_dict(e) for e in evidence]
    return next((e for e in items if e.participant), items[0] if items else None)
