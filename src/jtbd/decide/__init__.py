"""Decision aids that put the jobs to work ("Act"): roadmap scoring, messaging audit and
next best offer. Each reads a study's artefacts through :func:`load_context` and returns typed
results with ``to_dict()``; all matching is local TF-IDF similarity (:class:`TextMatcher`).

    from jtbd.services import open_workbench
    from jtbd.decide import load_context, read_features, score_features

    ctx = load_context(open_workbench("my-study"))
    roadmap = score_features(ctx, read_features("features.csv"))
"""
from __future__ import annotations

from jtbd.decide.context import DecisionContext, Evidence, TextMatcher, load_context
from jtbd.decide.messaging import JARGON, MessagingAudit, audit_copy, read_copy
from jtbd.decide.offer import Offer, next_best_offer
from jtbd.decide.roadmap import Feature, FeatureScore, Roadmap, read_features, score_features

__all__ = ["DecisionContext", "Evidence", "Feature", "FeatureScore", "JARGON", "MessagingAudit", "Offer",
           "Roadmap", "TextMatcher", "audit_copy", "load_context", "next_best_offer", "read_copy",
           "read_features", "score_features"]
