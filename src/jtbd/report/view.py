"""Read-only views over the stored artifacts, shared by the HTML report and the web app.

The synthesis, survey and significance artifacts are JSON dicts written by other parts of
jtbd. :class:`StudyView` reads them once and hands templates tolerant, pre-digested lists so
a template never has to guess a key: every missing artifact reads as ``None`` and the page
shows the command that produces it.
"""
from __future__ import annotations

import copy
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from jtbd.services import Workbench

FORCE_ORDER: tuple[str, ...] = ("push", "pull", "anxiety", "habit")
FORCE_LABELS: dict[str, str] = {
    "push": "Push of the situation",
    "pull": "Pull of the new solution",
    "anxiety": "Anxiety of the new solution",
    "habit": "Habit of the present",
}
JOB_MAP_STEPS: tuple[tuple[str, str], ...] = (
    ("define", "pre-execution"), ("locate", "pre-execution"), ("prepare", "pre-execution"),
    ("confirm", "pre-execution"), ("execute", "execution"), ("monitor", "execution"),
    ("modify", "execution"), ("conclude", "post-execution"),
)
PHASES: tuple[str, ...] = ("first_thought", "passive_looking", "active_looking", "deciding",
                           "first_use", "ongoing_use")
ALT_KINDS: tuple[str, ...] = ("competitor", "substitute", "workaround", "non-consumption")

#: Artifact names written by ``jtbd synthesize`` and the ``jtbd survey`` commands.
SYNTHESIS = "synthesis"
SURVEY_SCORES = "survey_scores"
SURVEY_SEGMENTS = "survey_segments"
JOB_SIGNIFICANCE = "job_significance"


def as_list(value: Any) -> list[Any]:
    """A list for any JSON value (``None`` → ``[]``, dict → its values)."""
    if value is None:
        return []
    if isinstance(value, dict):
        return list(value.values())
    if isinstance(value, list | tuple):
        return list(value)
    return [value]


def evidence_of(item: Any, key: str = "evidence") -> list[dict[str, Any]]:
    """The evidence items of a claim, each with the keys a template needs."""
    if not isinstance(item, dict):
        return []
    out = []
    for ev in as_list(item.get(key)):
        if isinstance(ev, dict) and ev.get("quote"):
            out.append({"document": ev.get("document"), "source": ev.get("source") or "",
                        "participant": ev.get("participant"), "start": ev.get("start"),
                        "end": ev.get("end"), "quote": str(ev.get("quote"))})
    return out


def text_of(value: Any) -> str:
    """A statement from a string or a ``{"statement"|"label"|"text": ...}`` dict."""
    if isinstance(value, dict):
        for key in ("statement", "label", "text", "message", "summary", "name", "reason"):
            if value.get(key):
                return str(value[key])
        return ""
    return "" if value is None else str(value)


@dataclass
class JobView:
    """One job with everything the pages show next to it."""

    id: str
    statement: str
    raw: dict[str, Any]
    stories: list[dict[str, Any]] = field(default_factory=list)
    forces: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    balance: dict[str, float] = field(default_factory=dict)
    steps: list[dict[str, Any]] = field(default_factory=list)
    outcomes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def participants(self) -> list[str]:
        return [str(p) for p in as_list(self.raw.get("participants"))]

    @property
    def dimensions(self) -> list[tuple[str, str, list[dict[str, Any]]]]:
        dims = self.raw.get("dimensions") or {}
        out = []
        for name in ("functional", "emotional", "social"):
            d = dims.get(name) if isinstance(dims, dict) else None
            if d:
                out.append((name, text_of(d), evidence_of(d)))
        return out

    @property
    def supporting_jobs(self) -> list[tuple[str, str, list[dict[str, Any]]]]:
        out = []
        for s in as_list(self.raw.get("supporting_jobs")):
            if isinstance(s, dict):
                out.append((str(s.get("kind") or s.get("role") or "supporting"), text_of(s), evidence_of(s)))
            elif s:
                out.append(("supporting", str(s), []))
        return out

    @property
    def context(self) -> tuple[str, list[dict[str, Any]]]:
        ctx = self.raw.get("context")
        if isinstance(ctx, list):
            return ", ".join(text_of(c) for c in ctx if text_of(c)), [e for c in ctx for e in evidence_of(c)]
        return text_of(ctx), evidence_of(ctx) if isinstance(ctx, dict) else []


class StudyView:
    """Everything the report and the synthesis pages read, loaded once from a workbench."""

    def __init__(self, wb: Workbench) -> None:
        self.name: str = wb.config.name
        self.status: dict[str, Any] = wb.status()
        self.synthesis: dict[str, Any] | None = wb.load_artifact(SYNTHESIS)
        self.scores: dict[str, Any] | None = wb.load_artifact(SURVEY_SCORES)
        self.segments: dict[str, Any] | None = wb.load_artifact(SURVEY_SEGMENTS)
        self.significance: dict[str, Any] | None = wb.load_artifact(JOB_SIGNIFICANCE)
        self.jobs: list[JobView] = self._jobs()

    def with_status(self, status: dict[str, Any]) -> StudyView:
        """A shallow copy with fresh study counts (the artifacts are shared, read-only)."""
        view = copy.copy(self)
        view.status = status
        return view

    # ----------------------------------------------------------------- synthesis
    def section(self, key: str) -> list[dict[str, Any]]:
        return [x for x in as_list((self.synthesis or {}).get(key)) if isinstance(x, dict)]

    def _jobs(self) -> list[JobView]:
        jobs = [JobView(str(j.get("id") or f"job-{i + 1}"), text_of(j), j) for i, j in enumerate(self.section("jobs"))]
        by_id = {j.id: j for j in jobs}
        for s in self.section("job_stories"):
            if str(s.get("job")) in by_id:
                by_id[str(s.get("job"))].stories.append(s)
        for f in self.section("forces"):
            job = by_id.get(str(f.get("job")))
            if job and f.get("force") in FORCE_ORDER and not f.get("segment"):
                job.forces.setdefault(str(f["force"]), []).append(f)
        for o in self.section("outcomes"):
            if str(o.get("job")) in by_id:
                by_id[str(o.get("job"))].outcomes.append(o)
        for job in jobs:
            job.balance = self._balance(job)
        for entry in self._job_map_entries():
            job = by_id.get(str(entry.get("job")))
            if job is not None:
                job.steps = self._steps(entry)
        return jobs

    def _balance(self, job: JobView) -> dict[str, Any]:
        raw = job.raw.get("force_balance") if isinstance(job.raw.get("force_balance"), dict) else {}
        bal: dict[str, Any] = {}
        for force in FORCE_ORDER:
            val = raw.get(force)
            if not isinstance(val, int | float):
                val = sum(int(f.get("participants") or len(evidence_of(f)) or 1) for f in job.forces.get(force, []))
            bal[force] = float(val)
        bal["progress"] = float(raw.get("progress", bal["push"] + bal["pull"]))
        bal["resistance"] = float(raw.get("resistance", bal["anxiety"] + bal["habit"]))
        bal["verdict"] = str(raw.get("verdict") or (
            "forces favour switching" if bal["progress"] > bal["resistance"] else "forces hold customers back"))
        return bal

    def _job_map_entries(self) -> list[dict[str, Any]]:
        jm = (self.synthesis or {}).get("job_map")
        if isinstance(jm, dict) and not any(k in jm for k in ("steps", "job")):
            return [{"job": k, **v} if isinstance(v, dict) else {"job": k, "steps": v} for k, v in jm.items()]
        return [x for x in as_list(jm) if isinstance(x, dict)]

    @staticmethod
    def _steps(entry: dict[str, Any]) -> list[dict[str, Any]]:
        raw = entry.get("steps")
        given: dict[str, dict[str, Any]] = {}
        if isinstance(raw, dict):
            given = {str(k): v for k, v in raw.items() if isinstance(v, dict)}
        else:
            given = {str(s.get("step")): s for s in as_list(raw) if isinstance(s, dict)}
        steps = []
        for name, group in JOB_MAP_STEPS:
            s = given.get(name, {})
            steps.append({"step": name, "group": s.get("group") or group, "evidence": evidence_of(s),
                          "push": int(s.get("push") or s.get("push_count") or 0),
                          "breakdown": bool(s.get("breakdown")), "summary": text_of(s.get("summary"))})
        return steps

    @cached_property
    def stories(self) -> list[dict[str, Any]]:
        return self.section("job_stories")

    @cached_property
    def outcomes(self) -> list[dict[str, Any]]:
        """Synthesised outcome statements, with survey scores joined when the survey has them."""
        scored = {str(o.get("outcome", "")).strip().lower(): o for o in self.survey_outcomes}
        out = []
        for o in self.section("outcomes"):
            s = scored.get(str(o.get("statement", "")).strip().lower())
            out.append({**o, "score": s})
        return out

    @cached_property
    def timelines(self) -> list[dict[str, Any]]:
        out = []
        for t in self.section("timelines"):
            phases = {str(p.get("phase")): p for p in as_list(t.get("phases")) if isinstance(p, dict)}
            ordered = [{"phase": ph, "label": ph.replace("_", " "), "summary": text_of(phases[ph].get("summary")),
                        "evidence": evidence_of(phases[ph])} for ph in PHASES if ph in phases]
            events = [{"label": text_of(e), "evidence": evidence_of(e)} for e in as_list(t.get("events"))
                      if isinstance(e, dict)]
            out.append({"document": t.get("document"), "participant": t.get("participant"),
                        "source": t.get("source") or "", "phases": ordered, "events": events})
        return out

    @cached_property
    def alternatives_by_kind(self) -> list[tuple[str, list[dict[str, Any]]]]:
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for a in self.section("alternatives"):
            groups[str(a.get("kind") or "competitor")].append(a)
        kinds = list(ALT_KINDS) + sorted(k for k in groups if k not in ALT_KINDS)
        return [(k, sorted(groups[k], key=lambda a: -int(a.get("mentions") or 0))) for k in kinds if groups.get(k)]

    @cached_property
    def warnings(self) -> list[str]:
        return [text_of(w) if isinstance(w, dict) else str(w)
                for w in as_list((self.synthesis or {}).get("warnings"))]

    def themes(self) -> list[dict[str, Any]]:
        return self.section("themes")

    # -------------------------------------------------------------------- survey
    @cached_property
    def survey_outcomes(self) -> list[dict[str, Any]]:
        rows = [o for o in as_list((self.scores or {}).get("outcomes")) if isinstance(o, dict)]
        return sorted(rows, key=lambda o: -(o.get("opportunity") if isinstance(o.get("opportunity"), int | float)
                                            else -1.0))

    @cached_property
    def segment_list(self) -> list[dict[str, Any]]:
        return [s for s in as_list((self.segments or {}).get("segments")) if isinstance(s, dict)]

    @cached_property
    def demographics_fit(self) -> dict[str, Any]:
        d = (self.segments or {}).get("demographics_vs_needs")
        return d if isinstance(d, dict) else {}

    @cached_property
    def significance_rows(self) -> list[dict[str, Any]]:
        sig = self.significance or {}
        rows = sig.get("jobs") if isinstance(sig, dict) else None
        return [r for r in as_list(rows if rows is not None else sig.get("ranking")) if isinstance(r, dict)]

    # ------------------------------------------------------------------ headline
    def findings(self, limit: int = 5) -> list[str]:
        """The top findings, in plain sentences, for the summary."""
        out: list[str] = []
        for job in self.jobs[:3]:
            n = len(job.participants)
            out.append(f"Customers hire a solution to {job.statement[:1].lower()}{job.statement[1:]}"
                       + (f" ({n} participant{'s' if n != 1 else ''})." if n else "."))
        top = [o for o in self.survey_outcomes if o.get("underserved")][:2]
        for o in top:
            out.append(f"Most underserved: “{o.get('outcome')}” (opportunity {float(o['opportunity']):.1f}).")
        strongest: Counter[str] = Counter()
        for job in self.jobs:
            for force in FORCE_ORDER:
                strongest[force] += int(job.balance.get(force, 0))
        if strongest and any(strongest.values()):
            force, _ = strongest.most_common(1)[0]
            out.append(f"The strongest force across jobs is the {FORCE_LABELS[force].lower()}.")
        return out[:limit]
