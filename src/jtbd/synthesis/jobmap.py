"""The job map: evidence placed on the eight universal steps (define, locate, prepare,
confirm, execute, monitor, modify, conclude), with the steps where the job breaks down."""
from __future__ import annotations

from collections import defaultdict

from jtbd.synthesis.corpus import Corpus
from jtbd.synthesis.jobs import JobCluster
from jtbd.synthesis.lexicon import STEP_CUES, STEP_GROUPS
from jtbd.synthesis.result import JobMap, MapStep
from jtbd.synthesis.text import count_cues

STEPS: tuple[str, ...] = tuple(STEP_CUES)
MAX_QUOTES = 4
#: Execution words ("send", "pay", "invoice") are everywhere; another step's cue wins over them.
_EXECUTE_WEIGHT = 0.6
#: Codes whose excerpts describe executing the job (not buying or feeling).
_MAP_CODES = frozenset(("push", "outcome", "workaround", "habit", "trigger", "pull"))


def step_of(text: str) -> str | None:
    """The job-map step a sentence is about (most cue hits, execution cues counting 0.6; ties
    go to the earlier step). None when no step's cues occur."""
    low = text.lower().replace("’", "'")
    best, best_n = None, 0.0
    for step, cues in STEP_CUES.items():
        n = count_cues(low, cues) * (_EXECUTE_WEIGHT if step == "execute" else 1.0)
        if n > best_n:
            best, best_n = step, n
    return best


def build_job_map(corpus: Corpus, job: JobCluster) -> JobMap:
    ex = corpus.excerpts
    placed: dict[str, list[int]] = defaultdict(list)
    for i in job.excerpt_idx:
        if not _MAP_CODES.intersection(ex[i].codes):
            continue
        step = step_of(ex[i].text)
        if step:
            placed[step].append(i)
    push = {s: sum("push" in ex[i].codes for i in placed.get(s, [])) for s in STEPS}
    top = max(push.values(), default=0)
    steps = []
    for s in STEPS:
        members = sorted(placed.get(s, []), key=lambda i: (-("push" in ex[i].codes), i))
        picked, seen = [], set()
        for i in members:
            if corpus.units[i] not in seen:
                seen.add(corpus.units[i])
                picked.append(i)
        steps.append(MapStep(s, STEP_GROUPS[s], len(members), push[s], top > 0 and push[s] >= 0.75 * top,
                             [corpus.evidence(ex[i]) for i in picked[:MAX_QUOTES]]))
    return JobMap(f"map-{job.id.split('-', 1)[1]}", job.id, steps)
