"""The synthesis result types. Every item that makes a claim has a stable ``id`` and
``evidence``: spans of the original documents whose ``quote`` is exactly
``document.text[start:end]``."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jtbd.model import Evidence
from jtbd.synthesis.serialize import build, to_plain

#: Keys of :meth:`Synthesis.to_dict`, in order.
SECTIONS: tuple[str, ...] = (
    "themes", "jobs", "job_stories", "forces", "timelines", "alternatives", "job_map", "outcomes", "warnings",
)


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    family: str
    codes: list[str]
    participants: int
    participant_ids: list[str]
    top_terms: list[str]
    size: int
    #: How alike the excerpts are (length of the mean unit vector, 0..1).
    cohesion: float
    evidence: list[Evidence]
    #: Reviews/tickets among the excerpts' sources (``participants`` counts people only).
    documents: int = 0


@dataclass(frozen=True)
class Dimension:
    """One dimension of a job (functional, emotional or social)."""

    statement: str
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class SupportingJob:
    id: str
    role: str  # buyer | co-creator | transferrer
    statement: str
    participants: int
    evidence: list[Evidence]


@dataclass(frozen=True)
class ContextItem:
    type: str  # time | place | team
    term: str
    participants: int
    evidence: list[Evidence]


@dataclass(frozen=True)
class Lookalike:
    participant: str
    other: str
    other_job: str
    similarity: float
    shared: dict[str, str]


@dataclass(frozen=True)
class Demographics:
    spread: dict[str, dict[str, int]]
    lookalikes: list[Lookalike]


@dataclass(frozen=True)
class ForceBalance:
    job: str
    push: float
    pull: float
    anxiety: float
    habit: float
    progress: float
    resistance: float
    verdict: str


@dataclass(frozen=True)
class Job:
    id: str
    statement: str
    kind: str
    verb: str
    object: str
    clarifier: str
    participants: list[str]
    documents: list[int | str]
    top_terms: list[str]
    dimensions: dict[str, Dimension]
    supporting_jobs: list[SupportingJob]
    context: list[ContextItem]
    demographics: Demographics
    force_balance: ForceBalance | None
    lint: list[str]
    evidence: list[Evidence]
    #: Reviews/tickets that match the job (``participants`` lists interview participants only).
    supporting_documents: list[int | str] = field(default_factory=list)


@dataclass(frozen=True)
class JobStory:
    id: str
    job: str
    situation: str
    motivation: str
    expected_outcome: str
    text: str
    participants: list[str]
    evidence: list[Evidence]
    situation_evidence: list[Evidence]
    motivation_evidence: list[Evidence]
    outcome_evidence: list[Evidence]


@dataclass(frozen=True)
class Segment:
    attribute: str
    value: str


@dataclass(frozen=True)
class ForceItem:
    id: str
    job: str | None
    segment: Segment | None
    force: str  # push | pull | anxiety | habit
    label: str
    theme: str | None
    participants: int
    evidence: list[Evidence]
    #: Reviews/tickets behind the force (``participants`` counts people only).
    documents: int = 0


@dataclass(frozen=True)
class Phase:
    phase: str
    summary: str
    evidence: list[Evidence]


@dataclass(frozen=True)
class TimelineEvent:
    id: str
    from_phase: str
    to_phase: str
    label: str
    evidence: list[Evidence]


@dataclass(frozen=True)
class Timeline:
    id: str
    document: int | str
    source: str
    participant: str | None
    job: str | None
    phases: list[Phase]
    events: list[TimelineEvent]


@dataclass(frozen=True)
class Reason:
    label: str
    evidence: list[Evidence]


@dataclass(frozen=True)
class Alternative:
    id: str
    name: str
    kind: str  # competitor | substitute | workaround | non-consumption
    mentions: int
    participants: list[str]
    jobs: list[str]
    status: str  # considered | used | chosen | rejected
    status_counts: dict[str, int]
    rejection_reasons: list[Reason]
    evidence: list[Evidence]


@dataclass(frozen=True)
class MapStep:
    step: str
    group: str  # pre-execution | execution | post-execution
    evidence_count: int
    push: int
    breakdown: bool
    evidence: list[Evidence]


@dataclass(frozen=True)
class JobMap:
    id: str
    job: str
    steps: list[MapStep]


@dataclass(frozen=True)
class Outcome:
    id: str
    statement: str
    direction: str
    metric: str
    object: str
    clarifier: str
    job: str | None
    step: str
    participants: list[str]
    lint: list[str]
    evidence: list[Evidence]
    #: Reviews/tickets that say the same (``participants`` lists people only).
    supporting_documents: int = 0


@dataclass(frozen=True)
class Warning:
    """A linter or coverage finding. ``target`` is the id of the item it is about, if any."""

    kind: str  # lint | coverage | input
    target: str | None
    message: str


@dataclass(frozen=True)
class Synthesis:
    """The full synthesis of a study. ``to_dict`` gives exactly the keys in :data:`SECTIONS`."""

    themes: list[Theme] = field(default_factory=list)
    jobs: list[Job] = field(default_factory=list)
    job_stories: list[JobStory] = field(default_factory=list)
    forces: list[ForceItem] = field(default_factory=list)
    timelines: list[Timeline] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)
    job_map: list[JobMap] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with exactly the keys in :data:`SECTIONS`."""
        return {k: to_plain(getattr(self, k)) for k in SECTIONS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Synthesis:
        """Rebuild a synthesis from :meth:`to_dict` output (e.g. a saved artifact)."""
        return build(cls, data)

    def to_markdown(self) -> str:
        """A readable Markdown export of everything, with quotes."""
        from jtbd.synthesis.markdown import render_markdown

        return render_markdown(self)
