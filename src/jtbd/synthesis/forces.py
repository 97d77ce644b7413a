"""The four forces of progress per job (and per buying-centre role), and their balance."""
from __future__ import annotations

import re
from collections import defaultdict

from jtbd.model import FORCES
from jtbd.synthesis.corpus import Corpus
from jtbd.synthesis.jobs import JobCluster
from jtbd.synthesis.result import ForceBalance, ForceItem, Segment, Warning
from jtbd.synthesis.text import content_words
from jtbd.synthesis.themes import ThemeIndex

#: The theme family that groups each force's excerpts.
FORCE_FAMILY = {"push": "struggling_moment", "pull": "hiring_criteria", "anxiety": "anxiety", "habit": "habit"}
PER_FORCE = 3
MAX_QUOTES = 4
#: Content words a force's label needs (else the next quote's clause is tried).
MIN_LABEL_WORDS = 3
_GREETING = re.compile(r"^(?:hi|hello|hey)\b[,!.]*\s*", re.IGNORECASE)  # tickets open with one
SEGMENT_ATTRIBUTES = ("buying_role",)


def _groups(corpus: Corpus, themes: ThemeIndex, idx: list[int], force: str
            ) -> list[tuple[str | None, list[int], set[str]]]:
    """Excerpts of one force grouped by theme, strongest (most participants) first."""
    fam = themes.of_excerpt.get(FORCE_FAMILY[force], {})
    groups: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        groups[fam.get(i) or f"~{i}"].append(i)
    out = []
    for key, members in groups.items():
        units = {corpus.units[i] for i in members}
        out.append((None if key.startswith("~") else key, members, units))
    out.sort(key=lambda g: (-len(g[2]), -max(corpus.quality(i, force) for i in g[1]), g[1][0]))
    return out


def _label(corpus: Corpus, picked: list[int]) -> str:
    """The clause of the best quote that says something: at least three content words
    ("the thing that really got me" is a good quote but no label), else the best quote's."""
    clauses = [_GREETING.sub("", corpus.clause(corpus.excerpts[i].text, 14)) for i in picked]
    return next((c for c in clauses if len(content_words(c)) >= MIN_LABEL_WORDS), clauses[0])


def _item(corpus: Corpus, fid: str, job: JobCluster, segment: Segment | None, force: str,
          theme: str | None, members: list[int], units: set[str]) -> ForceItem:
    terms = job.terms
    picked = corpus.best_quotes(members, MAX_QUOTES, force, terms)
    label = _label(corpus, picked)
    people, others = corpus.split_units(units)
    return ForceItem(fid, job.id, segment, force, label, theme, len(people),
                     [corpus.evidence(corpus.excerpts[i]) for i in picked], len(others))


def build_forces(corpus: Corpus, jobs: list[JobCluster], themes: ThemeIndex, attributes: dict[str, dict[str, str]]
                 ) -> tuple[list[ForceItem], dict[str, ForceBalance], list[Warning]]:
    """Force items (the strongest groups per force and job, then per segment), the balance
    per job, and coverage warnings for forces without evidence."""
    items: list[ForceItem] = []
    balances: dict[str, ForceBalance] = {}
    warnings: list[Warning] = []
    for job in jobs:
        n_units = max(1, len(job.units))
        shares: dict[str, float] = {}
        for force in FORCES:
            idx = [i for i in job.excerpt_idx if force in corpus.excerpts[i].codes]
            shares[force] = round(len({corpus.units[i] for i in idx}) / n_units, 2)
            if not idx:
                warnings.append(Warning("coverage", job.id, f"{job.id}: no evidence of {force}; ask about it in "
                                        "the next interviews or review the coding"))
                continue
            for theme, members, units in _groups(corpus, themes, idx, force)[:PER_FORCE]:
                items.append(_item(corpus, f"force-{len(items) + 1}", job, None, force, theme, members, units))
        progress = round(shares["push"] + shares["pull"], 2)
        resistance = round(shares["anxiety"] + shares["habit"], 2)
        if progress - resistance > 0.25:
            verdict = "progress outweighs resistance: switching is likely"
        elif resistance - progress > 0.25:
            verdict = "resistance outweighs progress: customers tend to stay put"
        else:
            verdict = "finely balanced: reduce anxiety and habit to tip the scales"
        balances[job.id] = ForceBalance(job.id, shares["push"], shares["pull"], shares["anxiety"], shares["habit"],
                                        progress, resistance, verdict)
    for attr in SEGMENT_ATTRIBUTES:
        for job in jobs:
            values: dict[str, list[str]] = defaultdict(list)
            for u in job.units:
                v = attributes.get(u, {}).get(attr)
                if v:
                    values[v].append(u)
            for value in sorted(values):
                members_units = set(values[value])
                for force in FORCES:
                    idx = [i for i in job.excerpt_idx
                           if force in corpus.excerpts[i].codes and corpus.units[i] in members_units]
                    if not idx:
                        continue
                    theme, members, units = _groups(corpus, themes, idx, force)[0]
                    items.append(_item(corpus, f"force-{len(items) + 1}", job, Segment(attr, value), force,
                                       theme, members, units))
    return items, balances, warnings
