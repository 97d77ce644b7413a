"""Synthesis: themes, jobs, job stories, forces, timelines, alternatives, job map, outcomes.

    from jtbd.synthesis import synthesize
    syn = synthesize(inp)          # inp: SynthesisInput (see jtbd.synthesis.inputs)
    syn.to_dict(); syn.to_markdown()

Local only (scikit-learn TF-IDF/LSA + k-means and word heuristics); deterministic per seed.
"""
from __future__ import annotations

from jtbd.synthesis.inputs import DocumentInfo, SynthesisInput
from jtbd.synthesis.lint import lint_job_statement, lint_outcome_statement
from jtbd.synthesis.pipeline import Progress, WordingImprover, synthesize
from jtbd.synthesis.result import SECTIONS, Evidence, Synthesis

__all__ = [
    "SECTIONS", "DocumentInfo", "Evidence", "Progress", "Synthesis", "SynthesisInput", "WordingImprover",
    "lint_job_statement", "lint_outcome_statement", "synthesize",
]
