"""Drafting an importance/satisfaction questionnaire from outcome statements.

The draft has a screener (people who do the job and recently switched how they do it), one
importance and one satisfaction question per outcome on labelled 1-5 scales, and optional
demographic and activities/interests/opinions (AIO) questions. The CSV has one row per
question (``id, section, question, type, options``) with options separated by ``|``; the
importance/satisfaction ids follow the column names :func:`load_responses` reads back.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from jtbd.errors import InputError

IMPORTANCE_LABELS = ("Not at all important", "Slightly important", "Moderately important",
                     "Very important", "Extremely important")
SATISFACTION_LABELS = ("Not at all satisfied", "Slightly satisfied", "Moderately satisfied",
                       "Very satisfied", "Extremely satisfied")


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    question: str
    type: str  # single | multi | scale | text
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class SurveyDraft:
    """A questionnaire as Markdown (to read and edit) and CSV (to load into a survey tool)."""

    markdown: str
    csv_text: str
    questions: tuple[Question, ...]


def _screener(product: str | None, jobs: Sequence[str]) -> list[Question]:
    job_text = " / ".join(jobs) if jobs else "the job this survey is about"
    area = f" (for example with {product} or another way)" if product else ""
    return [
        Question("S1", "screener", f"In the last 12 months, have you tried to {job_text}{area}?",
                 "single", ("Yes", "No")),
        Question("S2", "screener", "In the last 12 months, have you started using a new product, "
                 "service or way of doing this?", "single",
                 ("Yes, in the last 3 months", "Yes, 3-12 months ago", "No")),
        Question("S3", "screener", "What did you use before, and what do you use now?", "text"),
    ]


DEMOGRAPHICS: tuple[Question, ...] = (
    Question("D1", "demographics", "What is your age?", "single",
             ("18-24", "25-34", "35-44", "45-54", "55-64", "65+")),
    Question("D2", "demographics", "Which best describes you?", "single",
             ("Freelancer / self-employed", "Small business owner", "Employee", "Other")),
    Question("D3", "demographics", "How many people work in your business?", "single",
             ("Just me", "2-9", "10-49", "50+")),
    Question("D4", "demographics", "Which industry do you work in?", "text"),
    Question("D5", "demographics", "Which region do you live in?", "text"),
)

AIO: tuple[Question, ...] = (
    Question("A1", "activities, interests, opinions", "Which of these do you do at least weekly?",
             "multi", ("Work with clients", "Manage money or accounts", "Learn new tools",
                       "Read business news", "None of these")),
    Question("A2", "activities, interests, opinions", "How much do you agree: 'I try new tools "
             "as soon as they come out'", "scale",
             ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
              "Strongly agree")),
    Question("A3", "activities, interests, opinions", "How much do you agree: 'I would rather "
             "pay more than spend time on admin'", "scale",
             ("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
              "Strongly agree")),
)


def draft_survey(outcomes: Sequence[str] | Sequence[tuple[str, str]], *,
                 product: str | None = None, job: str | None = None, demographics: bool = True,
                 aio: bool = True) -> SurveyDraft:
    """Draft a questionnaire for ``outcomes`` (statements, or ``(job, statement)`` pairs)."""
    pairs: list[tuple[str | None, str]] = []
    for item in outcomes:
        if isinstance(item, tuple):
            pairs.append((item[0], item[1]))
        else:
            pairs.append((job, str(item)))
    pairs = [(j, o.strip()) for j, o in pairs if o and o.strip()]
    if not pairs:
        raise InputError("no outcome statements to survey; run `jtbd synthesize` first or pass "
                         "outcomes")
    jobs = list(dict.fromkeys(j for j, _ in pairs if j)) or ([job] if job else [])
    questions = _screener(product, jobs)
    for j, (_, outcome) in enumerate(pairs, start=1):
        questions.append(Question(f"Importance - {outcome}", "outcomes",
                                  f"When you {jobs[0] if len(jobs) == 1 else 'do this'}, how "
                                  f"important is it to you to {_lower(outcome)}?", "scale",
                                  tuple(f"{i} - {lab}" for i, lab in
                                        enumerate(IMPORTANCE_LABELS, start=1))))
        questions.append(Question(f"Satisfaction - {outcome}", "outcomes",
                                  "How satisfied are you with how well you can do this today: "
                                  f"{_lower(outcome)}?", "scale",
                                  tuple(f"{i} - {lab}" for i, lab in
                                        enumerate(SATISFACTION_LABELS, start=1))))
    if demographics:
        questions.extend(DEMOGRAPHICS)
    if aio:
        questions.extend(AIO)
    return SurveyDraft(markdown=_markdown(questions, product, jobs, pairs),
                       csv_text=_csv(questions), questions=tuple(questions))


def _lower(outcome: str) -> str:
    text = outcome.rstrip(".")
    return text[:1].lower() + text[1:]


def _csv(questions: Sequence[Question]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "section", "question", "type", "options"])
    for q in questions:
        w.writerow([q.id, q.section, q.question, q.type, "|".join(q.options)])
    return buf.getvalue()


def _markdown(questions: Sequence[Question], product: str | None, jobs: Sequence[str],
              pairs: Sequence[tuple[str | None, str]]) -> str:
    title = f"Outcome survey{': ' + product if product else ''}"
    lines = [f"# {title}", ""]
    if jobs:
        lines += ["Jobs: " + "; ".join(jobs), ""]
    lines += [f"{len(pairs)} outcomes, each rated for importance and satisfaction on labelled "
              "1-5 scales. Opportunity = I + max(I - S, 0) from the top-two-box shares.", ""]
    section = None
    for q in questions:
        if q.section != section:
            section = q.section
            lines += [f"## {section.capitalize()}", ""]
        lines.append(f"- **{q.id}** ({q.type}) {q.question}")
        if q.options and q.type != "scale":
            lines.append("  - " + " / ".join(q.options))
    lines += ["", "Scales: importance " + " / ".join(IMPORTANCE_LABELS) + "; satisfaction "
              + " / ".join(SATISFACTION_LABELS) + ".", ""]
    return "\n".join(lines)
