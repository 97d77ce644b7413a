"""Markdown export of a synthesis: every claim followed by its quotes."""
from __future__ import annotations

from typing import TYPE_CHECKING

from jtbd.synthesis.result import Evidence

if TYPE_CHECKING:  # pragma: no cover
    from jtbd.synthesis.result import Synthesis


def _quotes(evidence: list[Evidence], indent: str = "") -> list[str]:
    out = []
    for e in evidence:
        who = f"{e.participant}, " if e.participant else ""
        quote = " ".join(e.quote.split())
        out.append(f"{indent}> “{quote}” — {who}{e.source} [{e.start}:{e.end}]")
        out.append("")
    return out


def render_markdown(syn: Synthesis) -> str:
    """The whole synthesis as Markdown: jobs, stories, forces, outcomes, job map, alternatives,
    timelines, themes and warnings."""
    L: list[str] = ["# Jobs-to-be-Done synthesis", ""]
    L += [f"{len(syn.jobs)} jobs, {len(syn.job_stories)} job stories, {len(syn.outcomes)} outcome statements, "
          f"{len(syn.themes)} themes, {len(syn.timelines)} timelines, {len(syn.alternatives)} alternatives.", ""]
    L += ["## Jobs", ""]
    for j in syn.jobs:
        L += [f"### {j.id}: {j.statement}", "",
              f"*{len(j.participants)} participants:* {', '.join(j.participants)}  ",
              f"*Top terms:* {', '.join(j.top_terms)}", ""]
        L += _quotes(j.evidence)
        for name, dim in j.dimensions.items():
            if dim.statement:
                L += [f"- **{name.capitalize()}**: {dim.statement}", ""]
                L += _quotes(dim.evidence[:2], "  ")
        for sj in j.supporting_jobs:
            L += [f"- **Supporting ({sj.role})**: {sj.statement} ({sj.participants} participants)", ""]
            L += _quotes(sj.evidence[:1], "  ")
        if j.context:
            L += ["- **Context**: " + "; ".join(f"{c.type}: {c.term} ({c.participants})" for c in j.context), ""]
        if j.force_balance:
            b = j.force_balance
            L += [f"- **Force balance**: push {b.push:.2f} + pull {b.pull:.2f} = {b.progress:.2f} vs anxiety "
                  f"{b.anxiety:.2f} + habit {b.habit:.2f} = {b.resistance:.2f} — {b.verdict}", ""]
        if j.demographics.spread:
            spread = j.demographics.spread.items()
            L += ["- **Who has this job**: " + "; ".join(
                f"{k}: " + ", ".join(f"{v} ({n})" for v, n in vals.items()) for k, vals in spread), ""]
        for la in j.demographics.lookalikes[:5]:
            L += [f"- **Look-alike**: {la.participant} and {la.other} ({la.other_job}) share "
                  f"{', '.join(f'{k}={v}' for k, v in la.shared.items())} but have different jobs", ""]
        for p in j.lint:
            L += [f"- ⚠ {p}", ""]
    L += ["## Job stories", ""]
    for s in syn.job_stories:
        L += [f"### {s.id} ({s.job})", "", f"**{s.text}**", ""]
        for clause, ev in (("Situation", s.situation_evidence), ("Motivation", s.motivation_evidence),
                           ("Expected outcome", s.outcome_evidence)):
            L += [f"*{clause}:*", ""] + _quotes(ev)
    L += ["## Forces of progress", ""]
    for f in syn.forces:
        seg = f" — {f.segment.attribute} = {f.segment.value}" if f.segment else ""
        L += [f"- **{f.force}** ({f.job}{seg}, {f.participants} participants): {f.label}", ""]
        L += _quotes(f.evidence[:2], "  ")
    L += ["## Desired outcomes", ""]
    for o in syn.outcomes:
        L += [f"- **{o.id}** ({o.job}, step: {o.step}, {len(o.participants)} participants): {o.statement}", ""]
        L += _quotes(o.evidence[:2], "  ")
    L += ["## Job map", ""]
    for m in syn.job_map:
        L += [f"### {m.job}", "", "| step | group | evidence | push | breakdown |", "|---|---|---|---|---|"]
        L += [f"| {st.step} | {st.group} | {st.evidence_count} | {st.push} | {'yes' if st.breakdown else ''} |"
              for st in m.steps]
        L += [""]
        for st in m.steps:
            if st.breakdown:
                L += [f"**Breakdown at {st.step}:**", ""] + _quotes(st.evidence[:3])
    L += ["## Alternatives (competition by job)", ""]
    for a in syn.alternatives:
        L += [f"### {a.name} ({a.kind}, {a.status})", "",
              f"{a.mentions} mentions by {len(a.participants)} participants; jobs: {', '.join(a.jobs) or '—'}", ""]
        L += _quotes(a.evidence[:2])
        for r in a.rejection_reasons:
            L += [f"- Rejected because: {r.label}", ""]
    L += ["## Switch timelines", ""]
    for t in syn.timelines:
        L += [f"### {t.participant or t.source} ({t.job or 'no job'})", ""]
        for ph in t.phases:
            if ph.evidence:
                L += [f"**{ph.phase.replace('_', ' ')}**: {ph.summary}", ""] + _quotes(ph.evidence[:1])
        for e in t.events:
            L += [f"- *Trigger* ({e.from_phase} → {e.to_phase}): {e.label}", ""]
    L += ["## Themes", ""]
    for th in syn.themes:
        L += [f"### {th.id}: {th.label}", "",
              f"{th.participants} participants; codes: {', '.join(th.codes)}; terms: {', '.join(th.top_terms)}", ""]
        L += _quotes(th.evidence[:3])
    L += ["## Warnings", ""]
    L += [f"- [{w.kind}] {w.target + ': ' if w.target else ''}{w.message}" for w in syn.warnings] or ["None."]
    return "\n".join(L).rstrip() + "\n"
