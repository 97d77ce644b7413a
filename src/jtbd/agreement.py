"""Inter-coder agreement: how far analysts (and the AI) agree, code by code.

Each coder's codes are a set of labels per excerpt. For every pair of coders and every code we
compare the binary decisions over the excerpts both have coded and report percent agreement and
Cohen's kappa (chance-corrected). Disagreements are listed so the team can discuss them.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from jtbd.model import CODES


@dataclass
class PairAgreement:
    coder_a: str
    coder_b: str
    excerpts: int
    per_code: dict[str, dict[str, float | int | None]] = field(default_factory=dict)
    mean_kappa: float | None = None
    disagreements: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"coders": [self.coder_a, self.coder_b], "excerpts": self.excerpts, "mean_kappa": self.mean_kappa,
                "per_code": self.per_code, "disagreements": self.disagreements}


def cohen_kappa(a: Sequence[bool], b: Sequence[bool]) -> float | None:
    """Cohen's kappa for two binary raters; None when undefined (both constant and equal)."""
    n = len(a)
    if n == 0:
        return None
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    if pe >= 1.0:
        return None
    return (po - pe) / (1 - pe)


def agreement(coded: Mapping[str, Mapping[int, set[str]]], texts: Mapping[int, str] | None = None,
              codes: Sequence[str] = CODES, max_disagreements: int = 50) -> list[PairAgreement]:
    """``coded[coder][excerpt_id] = set of codes``. Compares every pair of coders on the
    excerpts both coded (an excerpt a coder looked at and left empty must be present as an
    empty set)."""
    out = []
    for ca, cb in combinations(sorted(coded), 2):
        shared = sorted(set(coded[ca]) & set(coded[cb]))
        pair = PairAgreement(ca, cb, len(shared))
        kappas = []
        for code in codes:
            a = [code in coded[ca][e] for e in shared]
            b = [code in coded[cb][e] for e in shared]
            k = cohen_kappa(a, b)
            agree = sum(x == y for x, y in zip(a, b, strict=True)) / len(shared) if shared else None
            pair.per_code[code] = {"kappa": k, "agreement": agree, "a_count": sum(a), "b_count": sum(b)}
            if k is not None and (sum(a) or sum(b)):
                kappas.append(k)
        pair.mean_kappa = sum(kappas) / len(kappas) if kappas else None
        for e in shared:
            if coded[ca][e] != coded[cb][e] and len(pair.disagreements) < max_disagreements:
                pair.disagreements.append({"excerpt": e, "text": (texts or {}).get(e), ca: sorted(coded[ca][e]),
                                           cb: sorted(coded[cb][e])})
        out.append(pair)
    return out


def interpret_kappa(k: float | None) -> str:
    """Landis & Koch's conventional reading of kappa."""
    if k is None:
        return "n/a"
    if k < 0.2:
        return "poor"
    if k < 0.4:
        return "fair"
    if k < 0.6:
        return "moderate"
    if k < 0.8:
        return "substantial"
    return "almost perfect"
