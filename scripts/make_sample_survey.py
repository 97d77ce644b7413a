"""Write the sample study's outcome survey (seeded, deterministic).

Outputs, in src/jtbd/sample/:

* survey_responses.csv — 480 respondents of "Tally" (invoicing & bookkeeping for freelancers
  and small businesses): respondent_id, demographics, then ``Importance - <outcome>`` and
  ``Satisfaction - <outcome>`` on 1-5 for 20 outcomes of two jobs;
* survey_truth.json — the planted needs segment of every respondent;
* outcomes.json — job -> outcome statements.

Planted segments: "cash-flow chasers" (underserved on getting paid, J1), "tax-anxious"
(underserved on tax-time books, J2) and "satisfied basics" (care about a few basics and are
well served). Every respondent has a response style (rates everything higher or lower);
demographics cut across the segments (weakly related at most); a few answers are missing,
written as text labels, or carry non-breaking spaces.

Run: python scripts/make_sample_survey.py
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np

SEED = 20240611
N = 480
OUT = Path(__file__).resolve().parents[1] / "src" / "jtbd" / "sample"

JOBS = {
    "J1": "get paid on time for finished client work",
    "J2": "keep the books ready for tax time without a year-end scramble",
}
OUTCOMES = {
    "J1": [
        "Minimize the time it takes to create an invoice for a finished job",
        "Minimize the time it takes to know which invoices are overdue",
        "Minimize the likelihood of forgetting to bill for work done",
        "Minimize the effort required to chase a late payment",
        "Minimize the time between finishing work and receiving payment",
        "Minimize the likelihood that a client disputes an invoice amount",
        "Increase the number of payment methods a client can use",
        "Minimize the awkwardness of reminding a client to pay",
        "Minimize the time it takes to see expected cash for the next month",
        "Minimize the likelihood of sending an invoice with errors",
    ],
    "J2": [
        "Minimize the time it takes to categorise business expenses",
        "Minimize the likelihood of losing a receipt needed for tax",
        "Minimize the time it takes to prepare figures for the accountant",
        "Minimize the likelihood of missing a tax deadline",
        "Minimize the effort required to separate business and personal spending",
        "Minimize the time it takes to estimate the tax owed for the quarter",
        "Minimize the likelihood of a penalty for an incorrect return",
        "Minimize the time it takes to reconcile bank transactions",
        "Minimize the effort required to find a past transaction",
        "Minimize the uncertainty about which expenses are deductible",
    ],
}
SEGMENTS = ("cash-flow chasers", "tax-anxious", "satisfied basics")
SEGMENT_SHARES = (0.40, 0.35, 0.25)
#: Outcomes the "satisfied basics" segment cares about (and is well served on).
BASICS = {0, 6, 10, 18}
#: Market-wide struggles (important and poorly served for everyone) and an overserved outcome,
#: so the landscape shows all regions: (importance shift, satisfaction shift) per outcome index.
MARKET = {1: (0.9, -0.5), 3: (1.1, -0.7), 13: (1.1, -0.6), 19: (1.0, -0.6), 6: (-0.6, 1.4)}
IMP_LABELS = {4: "Very important", 5: "Extremely important", 1: "Not at all important"}
SAT_LABELS = {1: "Not at all satisfied", 4: "Very satisfied", 5: "Extremely satisfied"}


def _means(seg: int, outcomes: list[str]) -> tuple[np.ndarray, np.ndarray]:
    m = len(outcomes)
    j1 = np.arange(m) < 10
    imp = np.full(m, 3.0)
    sat = np.full(m, 3.2)
    if seg == 0:
        imp[j1] += 1.7
        sat[j1] -= 1.3
        imp[~j1] -= 0.3
    elif seg == 1:
        imp[~j1] += 1.7
        sat[~j1] -= 1.3
        imp[j1] -= 0.3
    else:
        basics = np.array([j in BASICS for j in range(m)])
        imp[basics] += 1.4
        imp[~basics] -= 0.6
        sat += 0.9
    for j, (di, ds) in MARKET.items():
        imp[j] += di
        sat[j] += ds
    return imp, sat


def main() -> None:
    rng = np.random.default_rng(SEED)
    outcomes = OUTCOMES["J1"] + OUTCOMES["J2"]
    truth = rng.choice(3, N, p=SEGMENT_SHARES)
    style = rng.normal(0, 0.5, N)
    header = ["respondent_id", "age_band", "gender", "business_type", "industry", "region",
              "company_size"]
    header += [f"Importance - {o}" for o in outcomes]
    header += [f"Satisfaction - {o}" for o in outcomes]
    rows = []
    for r in range(N):
        seg = int(truth[r])
        small = rng.random() < (0.55 if seg == 1 else 0.45)  # weak relation only
        demo = [
            f"R{r + 1:04d}",
            rng.choice(["18-24", "25-34", "35-44", "45-54", "55+"], p=[.1, .3, .3, .2, .1]),
            rng.choice(["female", "male", "non-binary", "prefer not to say"],
                       p=[.47, .47, .03, .03]),
            "small business" if small else "freelancer",
            rng.choice(["design", "software", "consulting", "trades", "writing", "photography"]),
            rng.choice(["north", "south", "east", "west"]),
            ("2-9" if rng.random() < .7 else "10-49") if small else "1",
        ]
        mi, ms = _means(seg, outcomes)
        imp = np.clip(np.rint(mi + style[r] + rng.normal(0, 0.7, len(outcomes))), 1, 5)
        sat = np.clip(np.rint(ms + style[r] + rng.normal(0, 0.7, len(outcomes))), 1, 5)
        cells: list[str] = [str(int(v)) for v in imp] + [str(int(v)) for v in sat]
        for c in range(len(cells)):
            u = rng.random()
            if u < 0.012:
                cells[c] = rng.choice(["", "", "n/a", "-"])
            elif u < 0.017:
                labels = IMP_LABELS if c < len(outcomes) else SAT_LABELS
                v = int(cells[c])
                if v in labels:
                    cells[c] = labels[v] if rng.random() < .5 else f" {labels[v].upper()} "
            elif u < 0.020:
                cells[c] = cells[c] + "\u00a0"
        rows.append(demo + cells)
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / "survey_responses.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    truth_doc = {"segments": list(SEGMENTS),
                 "respondents": {f"R{r + 1:04d}": SEGMENTS[int(truth[r])] for r in range(N)}}
    (OUT / "survey_truth.json").write_text(json.dumps(truth_doc, indent=1) + "\n",
                                           encoding="utf-8")
    outcomes_doc = {"jobs": [{"job_id": j, "statement": JOBS[j], "outcomes": OUTCOMES[j]}
                             for j in JOBS]}
    (OUT / "outcomes.json").write_text(json.dumps(outcomes_doc, indent=2) + "\n",
                                       encoding="utf-8")
    print(f"wrote {N} respondents x {len(outcomes)} outcomes to {OUT}")


if __name__ == "__main__":
    main()
