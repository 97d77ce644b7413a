"""Importing importance/satisfaction survey responses.

:func:`load_responses` reads a table with one row per respondent and one importance and one
satisfaction column per desired outcome, understood by name:

* ``imp:<outcome>`` / ``sat:<outcome>``
* ``Importance - <outcome>`` / ``Satisfaction - <outcome>``
* ``<outcome> - Importance`` / ``<outcome> - Satisfaction`` (also ``<outcome> (Importance)``)
* a bare ``<outcome>`` column is the satisfaction rating when ``<outcome> - Importance`` exists

Case, spacing, ``:``/``-``/en-dash separators are tolerated. Ratings become ``int8`` codes,
``0`` meaning "no answer". Long tables (one row per respondent x outcome) are pivoted to this
layout by :mod:`jtbd.survey.longformat`.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from jtbd.errors import InputError
from jtbd.survey.labels import (FAMILIES, LabelFamily, check_scale, code_column, infer_scale,
                                normalise, resolve_family)
from jtbd.survey.tables import TableSource, find_id_column, read_table, respondent_ids


class NoRatingPairs(InputError):
    """The table has no importance/satisfaction column pairs (it may still hold plain items)."""

ACCEPTED_PATTERNS: tuple[str, ...] = (
    "imp:<outcome> / sat:<outcome>",
    "Importance - <outcome> / Satisfaction - <outcome>",
    "<outcome> - Importance / <outcome> - Satisfaction",
    "<outcome> - Importance with a bare <outcome> column for satisfaction",
)

_KIND = {"imp": "importance", "importance": "importance", "sat": "satisfaction",
         "satisfaction": "satisfaction"}
_SEP = r"\s*[:|/_\-]\s*"
_PATTERNS = (
    re.compile(rf"^(?P<k>importance|imp|satisfaction|sat){_SEP}(?P<o>.+)$"),
    re.compile(rf"^(?P<o>.+?){_SEP}(?P<k>importance|imp|satisfaction|sat)$"),
    re.compile(r"^(?P<o>.+?)\s*[\(\[]\s*(?P<k>importance|imp|satisfaction|sat)\s*[\)\]]$"),
)


@dataclass(frozen=True, eq=False)
class SurveyResponses:
    """Importance and satisfaction ratings: ``importance[r, j]`` is respondent ``r``'s rating of
    outcome ``j`` on ``1..scales[j]`` (``0`` = no answer)."""

    outcomes: tuple[str, ...]
    importance: np.ndarray
    satisfaction: np.ndarray
    scales: np.ndarray
    ids: np.ndarray
    attributes: pd.DataFrame
    source: str | None = None
    notes: tuple[str, ...] = ()
    columns: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def n_respondents(self) -> int:
        return int(self.importance.shape[0])

    @classmethod
    def from_arrays(cls, importance: np.ndarray, satisfaction: np.ndarray,
                    outcomes: Sequence[str], *, scale: int | Sequence[int] = 5,
                    ids: Sequence[str] | None = None,
                    attributes: pd.DataFrame | None = None) -> SurveyResponses:
        """Build responses from rating arrays (``0`` = no answer); validates shapes and scales."""
        imp = np.asarray(importance)
        sat = np.asarray(satisfaction)
        if imp.shape != sat.shape or imp.ndim != 2 or imp.shape[1] != len(outcomes):
            raise InputError(f"importance {imp.shape} and satisfaction {sat.shape} must both be "
                             f"(respondents, {len(outcomes)} outcomes)")
        scales = np.broadcast_to(np.asarray(scale, dtype=np.int16), (len(outcomes),)).copy()
        for arr, kind in ((imp, "importance"), (sat, "satisfaction")):
            if arr.size and (arr.min() < 0 or (arr.max(axis=0) > scales).any()):
                j = int(np.flatnonzero((arr.max(axis=0) > scales) | (arr.min(axis=0) < 0))[0])
                raise InputError(f"{kind} ratings of {outcomes[j]!r} fall outside 1-{scales[j]}")
        n = imp.shape[0]
        id_arr = (np.arange(1, n + 1).astype(str).astype(object) if ids is None
                  else np.asarray(ids, dtype=object))
        attrs = attributes.reset_index(drop=True) if attributes is not None else pd.DataFrame(
            index=pd.RangeIndex(n))
        return cls(outcomes=tuple(outcomes), importance=imp.astype(np.int8, copy=False),
                   satisfaction=sat.astype(np.int8, copy=False), scales=scales, ids=id_arr,
                   attributes=attrs)


def classify_header(header: str) -> tuple[str, str] | None:
    """``("importance"|"satisfaction", outcome)`` for a rating column header, else ``None``."""
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", str(header))
    text = re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()
    for pat in _PATTERNS:
        m = pat.match(text.lower())
        if m:
            start, end = m.span("o")
            outcome = text[start:end].strip(" -:")
            if outcome:
                return _KIND[m.group("k")], outcome
    return None


def _outcome_key(outcome: str) -> str:
    return normalise(outcome).strip(" -:.")


def _pair_columns(columns: Sequence[str], id_col: str | None,
                  path: str | None) -> dict[str, dict[str, str]]:
    """``{key: {"name": outcome, "importance": col, "satisfaction": col}}`` in column order."""
    pairs: dict[str, dict[str, str]] = {}
    for col in columns:
        if col == id_col:
            continue
        found = classify_header(col)
        if found is None:
            continue
        kind, outcome = found
        entry = pairs.setdefault(_outcome_key(outcome), {"name": outcome})
        if kind in entry:
            raise InputError(f"two {kind} columns for outcome {outcome!r} ({entry[kind]!r} and "
                             f"{col!r}); remove or rename one", path=path, column=col)
        entry[kind] = col
        if kind == "importance":
            entry["name"] = outcome
    bare = {_outcome_key(c): c for c in columns if c != id_col and classify_header(c) is None}
    for key, entry in pairs.items():
        if "satisfaction" not in entry and "importance" in entry and key in bare:
            entry["satisfaction"] = bare[key]
    for entry in pairs.values():
        for have, lack, example in (("importance", "satisfaction", "Satisfaction - "),
                                    ("satisfaction", "importance", "Importance - ")):
            if have in entry and lack not in entry:
                raise InputError(
                    f"outcome {entry['name']!r} has {have} ratings but no {lack} column; add a "
                    f"column named {example + entry['name']!r} or remove {entry[have]!r}",
                    path=path, column=entry[have])
    return pairs


def _joint_family(df: pd.DataFrame, cols: Sequence[str]) -> LabelFamily | None:
    labels: set[str] = set()
    for c in cols:
        if not pd.api.types.is_numeric_dtype(df[c].dtype):
            for u in pd.unique(df[c].dropna()):
                lab = normalise(u)
                if lab and not lab[0].isdigit() and lab[0] != "(" and lab not in {
                        "na", "n/a", "-", "nan", "none", "null"}:
                    labels.add(lab)
    # Importance/satisfaction scales are 5-point when labelled; prefer those families.
    five = [f for f in FAMILIES if f.scale == 5]
    return resolve_family(labels, five) or resolve_family(labels)


@dataclass(frozen=True, eq=False)
class CodedRatings:
    """Rating codes of the paired columns of one table (``0`` = no answer)."""

    outcomes: tuple[str, ...]
    importance: np.ndarray  # int8, (rows, outcomes)
    satisfaction: np.ndarray
    scales: np.ndarray  # int16, one per outcome
    columns: dict[str, tuple[str, str]]


def rating_pairs(columns: Sequence[str], id_col: str | None,
                 path: str | None) -> dict[str, dict[str, str]]:
    """The importance/satisfaction column pairs named by a header, ``{key: {"name": outcome,
    "importance": col, "satisfaction": col}}`` in column order; raises :class:`NoRatingPairs`
    when there are none and :class:`InputError` for an unpaired column."""
    pairs = _pair_columns(list(columns), id_col, path)
    if not pairs:
        raise NoRatingPairs(
            "no importance/satisfaction columns found; name them like "
            + "; ".join(ACCEPTED_PATTERNS)
            + ", or give a long table (respondent_id, outcome, importance, satisfaction)"
              ". For a table of plain ratings (e.g. satisfaction only) use "
              "`jtbd survey score --items` (load_items)", path=path)
    return pairs


def code_ratings(df: pd.DataFrame, pairs: Mapping[str, Mapping[str, str]], *,
                 path: str | None, scale: int | Mapping[str, int] | None = None
                 ) -> CodedRatings:
    """Code every paired column of ``df`` (labels or numbers -> ``1..scale``, 0 missing).

    The label family is chosen jointly over all importance columns (and over all
    satisfaction columns); each outcome's scale is ``scale`` or inferred from its highest
    answer and labels. Raises :class:`InputError` naming the column and row of a bad answer.
    """
    imp_fam = _joint_family(df, [e["importance"] for e in pairs.values()])
    sat_fam = _joint_family(df, [e["satisfaction"] for e in pairs.values()])
    n, m = len(df), len(pairs)
    imp = np.zeros((n, m), dtype=np.int8)
    sat = np.zeros((n, m), dtype=np.int8)
    scales = np.zeros(m, dtype=np.int16)
    outcomes: list[str] = []
    columns: dict[str, tuple[str, str]] = {}
    for j, entry in enumerate(pairs.values()):
        name = entry["name"]
        ci = code_column(df[entry["importance"]], column=entry["importance"], path=path,
                         family=imp_fam)
        cs = code_column(df[entry["satisfaction"]], column=entry["satisfaction"], path=path,
                         family=sat_fam)
        s = _scale_for(name, scale)
        if s is None:
            fam = ci.family or cs.family
            s = infer_scale(max(ci.max_code, cs.max_code), fam) or 10  # > 10 fails below
        for cc, col in ((ci, entry["importance"]), (cs, entry["satisfaction"])):
            check_scale(cc.codes, int(s), column=col, path=path)
        imp[:, j] = ci.codes
        sat[:, j] = cs.codes
        scales[j] = s
        outcomes.append(name)
        columns[name] = (entry["importance"], entry["satisfaction"])
    return CodedRatings(outcomes=tuple(outcomes), importance=imp, satisfaction=sat,
                        scales=scales, columns=columns)


def load_responses(source: TableSource, *, id_column: str | None = None,
                   scale: int | Mapping[str, int] | None = None) -> SurveyResponses:
    """Read importance/satisfaction responses from a CSV/XLSX file or a DataFrame.

    A long ("tidy") table with one row per respondent x outcome is recognised and pivoted
    (see :mod:`jtbd.survey.longformat`). ``scale`` overrides the per-outcome scale inference
    (5, 7 or 10 from the highest rating or the text labels); give one int for all outcomes or a
    mapping outcome -> scale. Raises
    :class:`InputError` naming the column and row for anything it cannot use.
    """
    df, path = read_table(source)
    id_col = find_id_column(df, id_column, path)
    try:
        pairs = rating_pairs(list(df.columns), id_col, path)
    except NoRatingPairs:
        # one row per respondent x outcome (long/tidy export): pivot it (survey/longformat.py)
        from jtbd.survey.longformat import load_long_responses

        long = load_long_responses(df, id_col=id_col, path=path, scale=scale)
        if long is None:
            raise
        return long
    notes: list[str] = []
    ids = respondent_ids(df, id_col, path)
    if id_col is None:
        notes.append(f"no respondent id column (respondent_id) found; used row numbers 1..{len(df)}"
                     " as ids — name yours with --id-column")
    coded = code_ratings(df, pairs, path=path, scale=scale)
    imp, sat, scales = coded.importance, coded.satisfaction, coded.scales
    n, m = len(df), len(pairs)
    used = {c for e in pairs.values() for c in (e["importance"], e["satisfaction"])}
    attr_cols = [c for c in df.columns if c not in used and c != id_col]
    distinct = sorted(set(scales.tolist()))
    notes.append(f"{m} outcomes, {n} respondents, scale(s) 1-" + "/1-".join(map(str, distinct)))
    n_missing = int((imp == 0).sum() + (sat == 0).sum())
    if n_missing:
        notes.append(f"{n_missing} missing ratings (scores use the respondents who answered)")
    return SurveyResponses(outcomes=coded.outcomes, importance=imp, satisfaction=sat,
                           scales=scales, ids=ids, attributes=df[attr_cols].reset_index(drop=True),
                           source=path, notes=tuple(notes), columns=coded.columns)


def _scale_for(outcome: str, scale: int | Mapping[str, int] | None) -> int | None:
    if scale is None:
        return None
    if isinstance(scale, Mapping):
        value = scale.get(outcome)
        if value is None:
            return None
    else:
        value = scale
    if int(value) < 2:
        raise InputError(f"scale {value} is too short; use 5, 7 or 10")
    return int(value)
