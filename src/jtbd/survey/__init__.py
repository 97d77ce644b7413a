"""Quantify jobs: outcome surveys, opportunity scores, needs-based segments, job significance.

Typical use::

    from jtbd.survey import load_responses, score, segment
    responses = load_responses("responses.csv")
    table = score(responses, by="region")        # OpportunityTable
    segs = segment(responses)                     # Segmentation
"""
from __future__ import annotations

from jtbd.survey.demographics import AttributeFit, DemographicsVsNeeds, demographics_vs_needs
from jtbd.survey.draft import SurveyDraft, draft_survey
from jtbd.survey.items import ItemResponses, ItemScore, load_items, score_items
from jtbd.survey.responses import SurveyResponses, load_responses
from jtbd.survey.scoring import (BANDS, EXTREME, HIGH, UNATTRACTIVE, WORTH_CONSIDERING,
                                 OpportunityTable, OutcomeScore, band_of, opportunity, score)
from jtbd.survey.segments import Segment, Segmentation, segment
from jtbd.survey.significance import JobEvidence, JobSignificance, job_significance

__all__ = [
    "AttributeFit", "BANDS", "DemographicsVsNeeds", "EXTREME", "HIGH", "ItemResponses",
    "ItemScore", "JobEvidence", "JobSignificance", "OpportunityTable", "OutcomeScore", "Segment",
    "Segmentation", "SurveyDraft", "SurveyResponses", "UNATTRACTIVE", "WORTH_CONSIDERING",
    "band_of", "demographics_vs_needs", "draft_survey", "job_significance", "load_items",
    "load_responses", "opportunity", "score", "score_items", "segment",
]
