"""Turning survey answers (numbers or text labels) into integer codes.

Codes are ``1..scale``; ``0`` means "no answer". Text labels are matched case- and
whitespace-insensitively (non-breaking and stray spaces, curly apostrophes and numeric prefixes
such as ``"(6) Very useful"`` or ``"5 - Extremely important"`` are understood).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from jtbd.errors import InputError

#: Answers that mean "no answer" (after normalisation).
MISSING_TOKENS: frozenset[str] = frozenset({
    "", "na", "n/a", "n.a.", "nan", "none", "null", "-", "--", "–", "—", ".", "?",
    "don't know", "dont know", "dk", "prefer not to say", "not applicable",
    "don't know what it is", "skipped", "no answer",
})

#: The standard lengths of an importance/satisfaction rating scale.
STANDARD_SCALES: tuple[int, ...] = (5, 7, 10)


@dataclass(frozen=True)
class LabelFamily:
    """An ordered set of text labels; ``levels[i]`` holds the synonyms of code ``i + 1``."""

    name: str
    levels: tuple[tuple[str, ...], ...]

    @property
    def scale(self) -> int:
        return len(self.levels)

    def lookup(self) -> dict[str, int]:
        return {label: i + 1 for i, syns in enumerate(self.levels) for label in syns}


#: Known label families, in order of preference when several fit the same labels.
FAMILIES: tuple[LabelFamily, ...] = (
    LabelFamily("importance", (
        ("not at all important", "not important", "unimportant"),
        ("slightly important", "not very important", "of little importance", "low importance"),
        ("moderately important", "somewhat important", "neutral"),
        ("very important", "important"),
        ("extremely important", "critically important", "most important"),
    )),
    LabelFamily("satisfaction (dissatisfied-satisfied)", (
        ("very dissatisfied", "extremely dissatisfied", "completely dissatisfied"),
        ("somewhat dissatisfied", "dissatisfied", "slightly dissatisfied"),
        ("neither satisfied nor dissatisfied", "neither dissatisfied nor satisfied", "neutral"),
        ("somewhat satisfied", "satisfied", "slightly satisfied"),
        ("very satisfied", "extremely satisfied", "completely satisfied"),
    )),
    LabelFamily("satisfaction (not at all-extremely)", (
        ("not at all satisfied", "not satisfied"),
        ("slightly satisfied",),
        ("moderately satisfied",),
        ("very satisfied",),
        ("extremely satisfied", "completely satisfied"),
    )),
    LabelFamily("agreement (5-point)", (
        ("strongly disagree",),
        ("disagree", "somewhat disagree"),
        ("neither agree nor disagree", "neither disagree nor agree", "neutral"),
        ("agree", "somewhat agree"),
        ("strongly agree", "strong agree"),
    )),
    LabelFamily("agreement (4-point)", (
        ("strongly disagree",),
        ("disagree",),
        ("agree",),
        ("strongly agree", "strong agree"),
    )),
    LabelFamily("frequency (year-week)", (
        ("never or almost never", "never"),
        ("a few times a year",),
        ("about once a month",),
        ("several times a month",),
        ("several times a week",),
    )),
    LabelFamily("frequency (month-day)", (
        ("never or almost never", "never"),
        ("several times a month",),
        ("several times a week",),
        ("several times a day",),
    )),
    LabelFamily("lessons", (
        ("never or hardly ever",), ("some lessons",), ("most lessons",), ("all lessons",),
    )),
    LabelFamily("frequency (never-always)", (
        ("almost never", "never"), ("sometimes",), ("often",), ("almost always", "always"),
    )),
)

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u2009\u200b\ufeff]+")
_NUMERIC = re.compile(r"^\(?\s*(-?\d+(?:\.\d+)?)\s*\)?(?:\s*[-–—=:.)]\s*|\s+|$)")


def normalise(text: object) -> str:
    """Lower-case, collapse all kinds of spaces, unify apostrophes and dashes."""
    s = str(text).replace("\u2019", "'").replace("\u2018", "'")
    s = _SPACES.sub(" ", s).strip().lower()
    return s


def parse_number(label: str) -> float | None:
    """The number a normalised label starts with (``"5 - extremely important"`` -> 5.0)."""
    m = _NUMERIC.match(label)
    return float(m.group(1)) if m else None


def resolve_family(labels: Iterable[str], families: Sequence[LabelFamily] = FAMILIES
                   ) -> LabelFamily | None:
    """The label family that covers every given (normalised) text label, or ``None``.

    When several families cover them, the one whose levels are best covered wins, then the
    earlier one in :data:`FAMILIES`.
    """
    wanted = set(labels)
    if not wanted:
        return None
    best: tuple[float, int] | None = None
    chosen: LabelFamily | None = None
    for order, fam in enumerate(families):
        look = fam.lookup()
        if not wanted <= set(look):
            continue
        coverage = len({look[w] for w in wanted}) / fam.scale
        key = (coverage, -order)
        if best is None or key > best:
            best, chosen = key, fam
    return chosen


@dataclass(frozen=True)
class CodedColumn:
    """One column of answers as codes (0 = missing) plus what was learnt about it."""

    codes: np.ndarray  # int16, 0 = missing
    max_code: int
    family: LabelFamily | None
    n_text_labels: int


def _first_row(factor_codes: np.ndarray, idx: int) -> int:
    return int(np.flatnonzero(factor_codes == idx)[0])


def code_column(values: pd.Series, *, column: str, path: str | None = None,
                family: LabelFamily | None = None,
                families: Sequence[LabelFamily] = FAMILIES) -> CodedColumn:
    """Convert one column of raw answers to integer codes (not yet checked against a scale).

    ``family`` forces a label family; otherwise one is chosen from the column's own labels.
    Raises :class:`InputError` naming the column, row and value for anything unreadable.
    """
    if pd.api.types.is_numeric_dtype(values.dtype):
        arr = values.to_numpy(dtype="float64", na_value=np.nan)
        missing = np.isnan(arr)
        bad = ~missing & (arr != np.round(arr))
        if bad.any():
            r = int(np.flatnonzero(bad)[0])
            raise InputError(f"rating {arr[r]:g} is not a whole number; ratings must be whole "
                             "numbers on the scale (e.g. 1-5)", path=path, row=r + 1,
                             column=column)
        codes = np.where(missing, 0, arr).astype(np.int64)
        return _checked(codes, column=column, path=path, raw=arr, family=None, n_text=0)

    factor, uniques = pd.factorize(values, use_na_sentinel=True)
    norm = [normalise(u) for u in uniques]
    lut = np.zeros(len(uniques) + 1, dtype=np.int64)  # last slot: NaN sentinel (-1)
    text_labels: dict[str, int] = {}
    for i, lab in enumerate(norm):
        if lab in MISSING_TOKENS:
            continue
        num = parse_number(lab)
        if num is not None:
            if num != round(num):
                raise InputError(f"rating {uniques[i]!r} is not a whole number; ratings must be "
                                 "whole numbers on the scale (e.g. 1-5)", path=path,
                                 row=_first_row(factor, i) + 1, column=column)
            lut[i] = int(num)
        else:
            text_labels[lab] = i
    fam = family
    if text_labels:
        if fam is None or not set(text_labels) <= set(fam.lookup()):
            fam = resolve_family(text_labels)
        if fam is None:
            look_all = {lab for f in families for lab in f.lookup()}
            unknown = sorted(set(text_labels) - look_all) or sorted(text_labels)
            i = text_labels[unknown[0]]
            raise InputError(
                f"answer {uniques[i]!r} is not a rating this tool knows (unknown or mixed label "
                f"sets: {', '.join(repr(u) for u in unknown[:5])}); use numbers, or labels such "
                "as 'Not at all important' .. 'Extremely important', 'Strongly disagree' .. "
                "'Strongly agree', 'Very dissatisfied' .. 'Very satisfied'",
                path=path, row=_first_row(factor, i) + 1, column=column)
        look = fam.lookup()
        for lab, i in text_labels.items():
            lut[i] = look[lab]
    codes = lut[factor]  # factor == -1 indexes the last slot (0)
    return _checked(codes, column=column, path=path, raw=None, family=fam, n_text=len(text_labels),
                    factor=factor, uniques=uniques)


def _checked(codes: np.ndarray, *, column: str, path: str | None, raw: np.ndarray | None,
             family: LabelFamily | None, n_text: int, factor: np.ndarray | None = None,
             uniques: object = None) -> CodedColumn:
    bad = codes < 0
    if bad.any():
        r = int(np.flatnonzero(bad)[0])
        raise InputError(f"rating {int(codes[r])} is below 1; ratings start at 1 (leave the cell "
                         "blank for no answer)", path=path, row=r + 1, column=column)
    # A literal 0 in the data is out of every scale (0 is our "missing" code).
    zero_given = (codes == 0)
    if raw is not None:
        zero_given &= ~np.isnan(raw)
    elif factor is not None and uniques is not None:
        zero_idx = [i for i, u in enumerate(uniques)  # type: ignore[arg-type]
                    if parse_number(normalise(u)) == 0]
        zero_given &= np.isin(factor, zero_idx) if zero_idx else False
    if np.any(zero_given):
        r = int(np.flatnonzero(zero_given)[0])
        raise InputError("rating 0 is outside the scale; ratings start at 1 (leave the cell "
                         "blank for no answer)", path=path, row=r + 1, column=column)
    max_code = int(codes.max()) if codes.size else 0
    return CodedColumn(codes=codes.astype(np.int16), max_code=max_code, family=family,
                       n_text_labels=n_text)


def infer_scale(max_code: int, family: LabelFamily | None) -> int | None:
    """The standard scale (5, 7 or 10) that holds ``max_code``; a text family's own length."""
    if family is not None:
        return max(family.scale, max_code)
    for s in STANDARD_SCALES:
        if max_code <= s:
            return s
    return None


def check_scale(codes: np.ndarray, scale: int, *, column: str, path: str | None) -> None:
    """Raise :class:`InputError` naming the first rating above ``scale``."""
    over = codes > scale
    if over.any():
        r = int(np.flatnonzero(over)[0])
        raise InputError(f"rating {int(codes[r])} is outside the 1-{scale} scale; fix the value "
                         f"or pass the right scale (e.g. scale=10 / --scale 10)",
                         path=path, row=r + 1, column=column)


def top_two_threshold(scale: int) -> int:
    """Lowest code counted in the top two boxes: 4 on 1-5, 6 on 1-7, 9 on 1-10."""
    return scale - 1
