"""Switch-interview guide and recruiting screener (Markdown), following the primer:
background -> purchase timeline like a documentary -> reflection, with probes for the four
forces and for emotional and social dimensions."""
from __future__ import annotations

from dataclasses import dataclass

PHASES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Background", "Understand who they are and the situation before the switch.", (
        "Tell me a little about yourself and your work. What does a normal week look like?",
        "Before {product}, how did you get this done? Walk me through the last time.",
        "Who else was involved: who used it, who paid for it, who had a say?",
    )),
    ("First thought", "Find the struggling moment: when the old way stopped being good enough.", (
        "When did you first realise you needed something different? Where were you, what was going on?",
        "What was happening in your work or life at that time?",
        "Was there a particular moment that made it feel urgent?",
    )),
    ("Passive looking", "What they noticed before they really searched.", (
        "Before you started looking seriously, what did you notice or hear about?",
        "Did anyone mention something they used? What did they say?",
        "How long did you live with the problem before doing anything about it?",
    )),
    ("Active looking", "The event that moved them to search, and the set of options.", (
        "What happened that made you start looking for real?",
        "What did you do first? Where did you look? What did you type into a search?",
        "What else did you consider, including doing nothing or sticking with what you had?",
        "How did you compare them? What mattered most?",
    )),
    ("Deciding", "What tipped the scales, and what almost stopped them.", (
        "What tipped the scales in the end?",
        "What almost stopped you? Was there a moment you nearly didn't go ahead?",
        "Who did you have to convince, and what did they say?",
        "How did price or the way you pay come into it?",
    )),
    ("First use", "Expectations meeting reality.", (
        "Tell me about the first time you used it. What did you do first?",
        "Was anything harder or easier than you expected?",
        "What did you stop doing once you had it?",
    )),
    ("Ongoing use and reflection", "The progress they made, and what is still missing.", (
        "How is it going now? What does a good week look like compared with before?",
        "What do you still do around it, outside it, or by hand?",
        "If it disappeared tomorrow, what would you do instead?",
        "If you could wave a magic wand, what would it do for you?",
    )),
)

FORCE_PROBES: dict[str, tuple[str, ...]] = {
    "Push (the situation)": (
        "What wasn't working with the old way? Can you give me a specific example?",
        "What did that cost you in time, money or stress?",
    ),
    "Pull (the new solution)": (
        "What did you imagine life would be like with the new way?",
        "What attracted you? What were you hoping it would let you do?",
    ),
    "Anxiety (of the new)": (
        "What worried you about switching?",
        "Did anyone around you raise doubts? What did they say?",
        "What would have happened if it went wrong?",
    ),
    "Habit (of the present)": (
        "What stopped you from changing sooner?",
        "What did you like about the old way, even if it wasn't perfect?",
        "What did you have to give up or redo to switch?",
    ),
}

DIMENSION_PROBES: dict[str, tuple[str, ...]] = {
    "Emotional": (
        "How did you want to feel once this was sorted?",
        "How did you feel at the worst moment with the old way?",
    ),
    "Social": (
        "How did you want others (clients, colleagues, family) to see you?",
        "What did people around you think of the change?",
    ),
}


@dataclass(frozen=True)
class GuideOptions:
    product: str
    category: str | None = None
    minutes: int = 60


def interview_guide(opts: GuideOptions) -> str:
    """The whole guide as Markdown."""
    p = opts.product.strip() or "the product"
    cat = opts.category or f"the kind of thing {p} does"
    lines = [
        f"# Switch-interview guide: {p}",
        "",
        f"A {opts.minutes}-minute conversation with someone who **recently** switched: bought {p}, a "
        "competitor's product, or a substitute (a spreadsheet, a person, doing it by hand). We reconstruct "
        "the purchase as a documentary: what happened, in what order, and why — not opinions about features.",
        "",
        "## Objectives",
        f"- Find the **job** people hire {p} (and its alternatives) for, in their words, and its circumstances.",
        "- Map the **switch timeline**: first thought, passive looking, active looking, deciding, first use, ongoing use, "
        "and the events that moved them between phases.",
        "- Measure the **four forces**: the push of the situation, the pull of the new solution, the anxiety of the new "
        "and the habit of the present.",
        "- Capture the **emotional and social** dimensions, the **competing alternatives** (including workarounds and "
        "doing nothing) and the **desired outcomes**.",
        "",
        "## Assumptions to test",
        f"- People come to {cat} after a specific struggling moment, not at random.",
        f"- The main alternative to {p} is not a direct competitor but a workaround or doing nothing.",
        "- Different people with similar backgrounds hire it for different jobs (and vice versa).",
        "- Anxiety about switching (cost, migration, learning) is what slows decisions most.",
        "",
        "## Recruiting screener",
        "Recruit 10-15 people; aim for a spread of ages, roles, company sizes and backgrounds — segment by job later, "
        "not by demographics now.",
        "",
        "| # | Question | Qualify |",
        "|---|---|---|",
        f"| S1 | In the last 90 days, did you start using a new way to handle {cat}? | Yes → continue |",
        f"| S2 | What did you start using? ({p} / a competitor / a spreadsheet or other substitute / someone else does it) | Any; "
        "fill quotas across all three |",
        "| S3 | Were you involved in choosing or paying for it? | Involved in the decision or its use |",
        "| S4 | Can you remember what was going on when you decided? | Yes |",
        "| S5 | Do you work for a company that makes products in this category? | No |",
        "| S6 | Age band, role, company size, industry | For spread, not for exclusion |",
        "",
        "Also recruit 2-3 people who looked but **did not** switch (they stayed with the old way).",
        "",
        "## Before you start",
        "- Ask permission to record; explain there are no wrong answers and you are not selling anything.",
        "- Ask for stories and specifics (dates, places, people, amounts), not opinions. Follow the energy.",
        "- Useful probes everywhere: *What was going on at that time?* · *What else did you consider?* · "
        "*What tipped the scales?* · *How did you want to feel?* · *Tell me more about that.*",
        "",
        "## The interview",
    ]
    for i, (title, purpose, qs) in enumerate(PHASES, 1):
        lines += ["", f"### {i}. {title}", f"*{purpose}*", ""]
        lines += [f"- {q.format(product=p)}" for q in qs]
    lines += ["", "## Probes for the four forces", ""]
    for force, qs in FORCE_PROBES.items():
        lines += [f"**{force}**", ""] + [f"- {q}" for q in qs] + [""]
    lines += ["## Emotional and social dimensions", ""]
    for dim, qs in DIMENSION_PROBES.items():
        lines += [f"**{dim}**", ""] + [f"- {q}" for q in qs] + [""]
    lines += [
        "## After the interview",
        "- Import the transcript with `jtbd import`, then `jtbd code` and review the codes.",
        "- Write down the struggling moment and the trigger in one sentence each while they are fresh.",
        "",
    ]
    return "\n".join(lines)
