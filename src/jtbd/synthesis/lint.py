"""Linters for job and desired-outcome statements.

A job statement is verb + object + clarifier, free of solutions and product names, one thought.
An outcome statement is direction + metric + object of control + clarifier.
"""
from __future__ import annotations

import re

from jtbd.synthesis.lexicon import DIRECTIONS, METRICS, SOLUTION_WORDS, STOPWORDS, VERBS
from jtbd.synthesis.text import base_verb

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_NOT_BRANDS = frozenset("I January February March April May June July August September October November "
                        "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def _solution_problems(tokens: list[str], brands: frozenset[str]) -> list[str]:
    out = []
    sol = sorted({t.lower() for t in tokens if t.lower() in SOLUTION_WORDS})
    if sol:
        out.append(f"names a solution ({', '.join(sol)}); describe the progress, not the means")
    names = [t for i, t in enumerate(tokens) if (i > 0 and t[0].isupper() and t not in _NOT_BRANDS)
             or t.lower() in brands]
    if names:
        out.append(f"contains a product or brand name ({', '.join(dict.fromkeys(names))}); remove it")
    return out


def _several_thoughts(tokens: list[str], known_verbs: frozenset[str]) -> bool:
    low = [t.lower() for t in tokens]
    for i, t in enumerate(low[:-1]):
        if t in ("and", "or") and i > 0:
            nxt = low[i + 1]
            if nxt in VERBS or nxt in known_verbs:
                return True
    return False


def lint_job_statement(statement: str, *, brands: frozenset[str] = frozenset()) -> list[str]:
    """Problems with a job statement; an empty list means it passes.

    >>> lint_job_statement("get paid on time for finished client work")
    []
    >>> lint_job_statement("invoices")[0]
    'does not start with a verb (verb + object + clarifier, e.g. "get paid on time for client work")'
    """
    s = statement.strip()
    if not s:
        return ["the statement is empty"]
    tokens = _TOKEN.findall(s)
    problems: list[str] = []
    first = tokens[0].lower() if tokens else ""
    if not tokens or base_verb(first) != first or first in STOPWORDS - {"get", "know", "keep", "make"}:
        problems.append('does not start with a verb (verb + object + clarifier, e.g. "get paid on time '
                        'for client work")')
    if len(tokens) < 2:
        problems.append("has no object: say what the verb acts on")
    problems.extend(_solution_problems(tokens, brands))
    if _several_thoughts(tokens, frozenset()):
        problems.append("joins several thoughts with and/or; split it into one job per statement")
    if len(tokens) > 16:
        problems.append(f"is long ({len(tokens)} words); keep a job statement under 16 words")
    if re.search(r"\b(i|me|my|we|our)\b", s, re.IGNORECASE):
        problems.append("is written in the first person; state the job without I/my/we")
    if s.endswith((".", "!", "?")):
        problems.append("ends with punctuation; a job statement is a phrase, not a sentence")
    return problems


def lint_outcome_statement(statement: str, *, brands: frozenset[str] = frozenset()) -> list[str]:
    """Problems with a desired-outcome statement; an empty list means it passes.

    >>> lint_outcome_statement("Minimize the time it takes to know which invoices are overdue")
    []
    """
    s = statement.strip()
    if not s:
        return ["the statement is empty"]
    low = s.lower()
    tokens = _TOKEN.findall(s)
    problems: list[str] = []
    direction = next((d for d in DIRECTIONS if low.startswith(d + " ")), None)
    if direction is None:
        problems.append("does not start with a direction (Minimize / Increase ...)")
    metric = next((m for m in METRICS if m in low), None)
    if metric is None:
        problems.append("has no metric (the time / the likelihood / the number / the effort ...)")
    else:
        rest = low.split(metric, 1)[1]
        rest = re.sub(r"^\s*(it takes to|of|that|to)\b", "", rest).strip()
        if len([w for w in _TOKEN.findall(rest) if w.lower() not in STOPWORDS]) < 1:
            problems.append("has no object of control after the metric")
    problems.extend(_solution_problems(tokens[1:] if tokens else tokens, brands))
    if _several_thoughts(tokens, frozenset()):
        problems.append("joins several outcomes with and/or; split it")
    if len(tokens) > 22:
        problems.append(f"is long ({len(tokens)} words); keep an outcome statement under 22 words")
    return problems
