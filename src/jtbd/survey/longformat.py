"""Long-format ("tidy") importance/satisfaction responses, pivoted to the wide layout.

Survey exports, data warehouses and R/pandas users often give one row per respondent x outcome
(or per respondent x outcome x metric) instead of one row per respondent. Three layouts are
recognised by their column names (case, spaces, ``_`` and ``-`` ignored):

* **paired**: ``respondent_id, outcome, importance, satisfaction``;
* **metric**: ``respondent_id, outcome, metric, value`` with metric ``importance``/``imp``/``I``
  or ``satisfaction``/``sat``/``S``;
* **question**: ``respondent_id, question, answer`` with questions named like wide columns
  (``Importance: <outcome>``, ``Satisfaction - <outcome>``, ``<outcome> (importance)``);
  other questions ("Age group", "Company size") become respondent attributes.

:func:`load_long_responses` pivots such a table into one row per respondent (respondents and
outcomes in order of first appearance) and codes it with
:func:`~jtbd.survey.responses.code_ratings`, so scales, labels and validation are those of a
wide file. Other columns must be constant per respondent (segment, company_size, ...) and
become respondent attributes. Errors name the row of the original table (row 1 = first data
row, as for wide files) and its column.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from jtbd.errors import InputError
from jtbd.survey.labels import normalise
from jtbd.survey.responses import (SurveyResponses, _outcome_key, classify_header, code_ratings)
from jtbd.survey.tables import DEFAULT_ID_COLUMNS

IMPORTANCE = "importance"
SATISFACTION = "satisfaction"
KINDS: tuple[str, str] = (IMPORTANCE, SATISFACTION)

#: Accepted column names per role (compared without case, spaces, ``_`` or ``-``).
OUTCOME_COLUMNS = ("outcome", "outcomes", "outcomename", "outcometext", "outcomestatement",
                   "desiredoutcome", "statement", "need")
IMPORTANCE_COLUMNS = ("importance", "imp", "importancerating", "importancescore")
SATISFACTION_COLUMNS = ("satisfaction", "sat", "satisfactionrating", "satisfactionscore")
METRIC_COLUMNS = ("metric", "measure", "kind", "type", "ratingtype", "dimension")
VALUE_COLUMNS = ("value", "rating", "score", "answer", "response", "responsevalue")
QUESTION_COLUMNS = ("question", "questiontext", "questionlabel", "item", "variable", "field")

#: Metric values (normalised) meaning importance or satisfaction.
METRIC_VALUES: Mapping[str, str] = {
    "importance": IMPORTANCE, "imp": IMPORTANCE, "i": IMPORTANCE,
    "satisfaction": SATISFACTION, "sat": SATISFACTION, "s": SATISFACTION,
}


@dataclass(frozen=True)
class LongLayout:
    """Which columns of a long table play which role (``None`` where the layout has none)."""

    kind: str  # "paired", "metric" or "question"
    outcome: str | None = None
    importance: str | None = None
    satisfaction: str | None = None
    metric: str | None = None
    value: str | None = None
    question: str | None = None

    @property
    def used(self) -> tuple[str, ...]:
        return tuple(c for c in (self.outcome, self.importance, self.satisfaction, self.metric,
                                 self.value, self.question) if c is not None)

    def describe(self) -> str:
        return ", ".join(f"{role}={col!r}" for role, col in (
            ("outcome", self.outcome), ("importance", self.importance),
            ("satisfaction", self.satisfaction), ("metric", self.metric),
            ("question", self.question), ("value", self.value)) if col is not None)


def _name_key(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", str(name)).lower()


def _metric_kind(value: object) -> str | None:
    return METRIC_VALUES.get(normalise(value).strip(" .:"))


def detect_layout(df: pd.DataFrame, id_col: str | None) -> LongLayout | None:
    """The long layout of ``df`` judged by its column names, or ``None`` when it is not long."""
    cols = [c for c in df.columns if c != id_col]

    def find(names: tuple[str, ...], exclude: tuple[str | None, ...] = ()) -> str | None:
        for c in cols:
            if _name_key(c) in names and c not in exclude:
                return c
        return None

    outcome = find(OUTCOME_COLUMNS)
    if outcome is not None:
        imp, sat = find(IMPORTANCE_COLUMNS), find(SATISFACTION_COLUMNS)
        if imp is not None and sat is not None:
            return LongLayout("paired", outcome=outcome, importance=imp, satisfaction=sat)
        value = find(VALUE_COLUMNS)
        if value is not None:
            metric = find(METRIC_COLUMNS, (outcome, value)) or _metric_by_content(
                df, [c for c in cols if c not in (outcome, value)])
            if metric is not None:
                return LongLayout("metric", outcome=outcome, metric=metric, value=value)
    question = find(QUESTION_COLUMNS)
    answer = find(VALUE_COLUMNS, (question,))
    if question is not None and answer is not None:
        if any(classify_header(q) is not None for q in pd.unique(df[question].dropna())[:1000]):
            return LongLayout("question", question=question, value=answer)
    return None


def _metric_by_content(df: pd.DataFrame, cols: list[str]) -> str | None:
    """A column whose answers are all importance/satisfaction words, both present."""
    for c in cols:
        uniq = pd.unique(df[c].dropna())
        if 0 < len(uniq) <= 12 and not pd.api.types.is_numeric_dtype(df[c].dtype):
            kinds = {_metric_kind(u) for u in uniq}
            if kinds == set(KINDS):
                return c
    return None


_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def _text(values: pd.Series, *, lower: bool = False) -> np.ndarray:
    """Stripped strings with all kinds of spaces collapsed (object array); ``""`` for blanks.
    Each distinct value is cleaned once."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    clean = [_SPACES.sub(" ", str(u)).strip() for u in uniques]
    if lower:
        clean = [c.lower() for c in clean]
    return np.array(clean + [""], dtype=object)[codes]


def _first_blank(values: np.ndarray, column: str, what: str, path: str | None) -> None:
    blank = values == ""
    if blank.any():
        r = int(np.flatnonzero(blank)[0])
        raise InputError(f"{what} is blank; fill it in or remove the row", path=path, row=r + 1,
                         column=column)


@dataclass(frozen=True)
class _Cells:
    """One rating per row of the original table: its row, respondent, outcome and value."""

    row: np.ndarray  # 0-based row of the original table
    resp: np.ndarray  # respondent index (order of first appearance)
    outcome: np.ndarray  # outcome text as written
    value: pd.Series  # raw answer, index 0..len-1
    column: str  # the column holding the values


def _cells(df: pd.DataFrame, layout: LongLayout, resp: np.ndarray,
           path: str | None) -> dict[str, _Cells]:
    """The importance and the satisfaction ratings of every row, per kind."""
    rows = np.arange(len(df))
    if layout.kind == "paired":
        assert layout.outcome and layout.importance and layout.satisfaction
        outcome = _text(df[layout.outcome])
        _first_blank(outcome, layout.outcome, "the outcome", path)
        return {k: _Cells(rows, resp, outcome, df[col].reset_index(drop=True), col)
                for k, col in ((IMPORTANCE, layout.importance),
                               (SATISFACTION, layout.satisfaction))}
    assert layout.value is not None
    if layout.kind == "metric":
        assert layout.outcome and layout.metric
        outcome = _text(df[layout.outcome])
        _first_blank(outcome, layout.outcome, "the outcome", path)
        factor, uniques = pd.factorize(df[layout.metric], use_na_sentinel=True)
        kinds = np.array([_metric_kind(u) for u in uniques] + [None], dtype=object)[factor]
        bad = pd.isna(kinds)
        if bad.any():
            r = int(np.flatnonzero(bad)[0])
            raw = df[layout.metric].iloc[r]
            shown = "blank" if pd.isna(raw) or str(raw).strip() == "" else repr(raw)
            raise InputError(f"metric {shown} is neither importance nor satisfaction; use "
                             "importance/satisfaction (or imp/sat, I/S), or remove the row",
                             path=path, row=r + 1, column=layout.metric)
        out = outcome
    else:
        assert layout.question
        question = _text(df[layout.question])
        _first_blank(question, layout.question, "the question", path)
        factor, uniques = pd.factorize(question)
        # questions that are not ratings are respondent attributes (see _question_attributes)
        found = [classify_header(q) or (None, None) for q in uniques]
        kinds = np.array([f[0] for f in found], dtype=object)[factor]
        out = np.array([f[1] for f in found], dtype=object)[factor]
    value = df[layout.value].reset_index(drop=True)
    result: dict[str, _Cells] = {}
    for k in KINDS:
        mask = kinds == k
        result[k] = _Cells(rows[mask], resp[mask], out[mask],
                           value[mask].reset_index(drop=True), layout.value)
    return result


def _check_duplicates(c: _Cells, keys: np.ndarray, kind: str, names: list[str],
                      ids: np.ndarray, path: str | None) -> np.ndarray:
    """Mask of the cells to keep: answered ones, first of repeated equal answers. Repeated
    answers that differ raise :class:`InputError` naming both rows."""
    text = _text(c.value, lower=True)
    frame = pd.DataFrame({"r": c.resp, "k": keys, "v": text})[text != ""]
    dup = frame.duplicated(["r", "k"], keep=False)
    if dup.any():
        d = frame[dup]
        conflict = d.groupby(["r", "k"], sort=False)["v"].transform("nunique") > 1
        if conflict.any():
            first = d.index[conflict.to_numpy()][0]
            same = d[(d["r"] == d.at[first, "r"]) & (d["k"] == d.at[first, "k"])]
            other = same.index[same["v"] != d.at[first, "v"]][0]
            r1, r2 = int(c.row[first]) + 1, int(c.row[other]) + 1
            raise InputError(
                f"respondent {ids[c.resp[first]]!r} has two different {kind} ratings of outcome "
                f"{names[keys[first]]!r} ({c.value.iloc[first]!r} in row {r1}, "
                f"{c.value.iloc[other]!r} in row {r2}); keep one of the rows",
                path=path, row=r2, column=c.column)
    keep = np.zeros(len(c.row), dtype=bool)
    keep[frame.index[~frame.duplicated(["r", "k"], keep="first")]] = True
    return keep


def _per_item(vals: pd.Series, item: np.ndarray | None) -> bool:
    """Whether ``vals`` has at most one value per outcome/question (outcome metadata such as
    an ``outcome_id`` or a ``job`` column)."""
    if item is None:
        return False
    given = pd.DataFrame({"i": item, "v": vals})[vals.notna().to_numpy()]
    return not given.drop_duplicates(["i", "v"]).duplicated("i").any()


def _attributes(df: pd.DataFrame, cols: list[str], resp: np.ndarray, ids: np.ndarray,
                path: str | None, item: np.ndarray | None = None) -> pd.DataFrame:
    """One value per respondent for each attribute column (first answer given). A column that
    changes within a respondent but is fixed per outcome (``item``: each row's outcome or
    question) describes the outcomes, not the respondents, and is left out."""
    out: dict[str, pd.Series] = {}
    for col in cols:
        vals = df[col].reset_index(drop=True)
        given = pd.DataFrame({"r": resp, "v": vals})[vals.notna().to_numpy()]
        distinct = given.drop_duplicates(["r", "v"])
        varying = distinct.duplicated("r", keep=False)
        if varying.any() and _per_item(vals, item):
            continue
        if varying.any():
            r0 = int(distinct["r"][varying].iloc[0])
            rows = distinct.index[(distinct["r"] == r0).to_numpy()][:2]
            a, b = vals.iloc[rows[0]], vals.iloc[rows[1]]
            raise InputError(
                f"column {col!r} changes within respondent {ids[r0]!r} ({a!r} in row "
                f"{rows[0] + 1}, {b!r} in row {rows[1] + 1}); a long table's extra columns "
                "must be respondent attributes, constant per respondent — fix the values or "
                "drop the column", path=path, row=int(rows[1]) + 1, column=col)
        out[col] = vals.groupby(resp).first().reindex(range(len(ids)))
    return pd.DataFrame(out, index=pd.RangeIndex(len(ids)))


def _question_attributes(df: pd.DataFrame, layout: LongLayout, resp: np.ndarray,
                          ids: np.ndarray, path: str | None) -> pd.DataFrame:
    """In the question layout, questions that are not importance/satisfaction ratings ("Age
    group", "Company size") are respondent attributes: one column per question, named by it,
    one answer per respondent (a respondent with two different answers is an error)."""
    if layout.kind != "question" or layout.question is None or layout.value is None:
        return pd.DataFrame(index=pd.RangeIndex(len(ids)))
    question = _text(df[layout.question])
    factor, uniques = pd.factorize(question)
    other = [i for i, q in enumerate(uniques) if classify_header(q) is None]
    out: dict[str, pd.Series] = {}
    value = df[layout.value].reset_index(drop=True)
    for i in other:
        rows = np.flatnonzero(factor == i)
        vals = value.iloc[rows]
        given = pd.DataFrame({"r": resp[rows], "v": vals.to_numpy(), "row": rows})[
            vals.notna().to_numpy()]
        distinct = given.drop_duplicates(["r", "v"])
        twice = distinct.duplicated("r", keep=False)
        if twice.any():
            first, second = distinct[twice].iloc[0], distinct[twice].iloc[1]
            raise InputError(
                f"respondent {ids[first['r']]!r} answers {uniques[i]!r} twice with different "
                f"values ({first['v']!r} in row {first['row'] + 1}, {second['v']!r} in row "
                f"{second['row'] + 1}); a question that is not an importance or satisfaction "
                "rating is read as a respondent attribute and needs one answer per respondent "
                "— keep one of the rows, or name a rating like 'Importance: <outcome>'",
                path=path, row=int(second["row"]) + 1, column=layout.value)
        out[str(uniques[i])] = given.groupby("r")["v"].first().reindex(range(len(ids)))
    return pd.DataFrame(out, index=pd.RangeIndex(len(ids)))


def load_long_responses(df: pd.DataFrame, *, id_col: str | None, path: str | None,
                        scale: int | Mapping[str, int] | None = None,
                        layout: LongLayout | None = None) -> SurveyResponses | None:
    """Responses from a long table, or ``None`` when ``df`` is not in a long layout.

    ``df`` and ``id_col`` come from :func:`~jtbd.survey.tables.read_table` and
    :func:`~jtbd.survey.tables.find_id_column`. Raises :class:`InputError` (original row and
    column) for a missing id column, blank ids/outcomes, unknown metrics or questions,
    conflicting repeated ratings, an outcome with only one of the two ratings, unreadable
    ratings, and extra columns that change within a respondent.
    """
    layout = layout or detect_layout(df, id_col)
    if layout is None:
        return None
    if id_col is None:
        raise InputError(
            f"this looks like a long table (one row per respondent x outcome: {layout.describe()})"
            f" but has no respondent id column ({', '.join(DEFAULT_ID_COLUMNS)}); name yours "
            "with --id-column / id_column=", path=path)
    raw_ids = _text(df[id_col])
    _first_blank(raw_ids, id_col, "the respondent id", path)
    resp, uniq_ids = pd.factorize(raw_ids)
    ids = np.asarray(uniq_ids, dtype=object)
    cells = _cells(df, layout, resp, path)

    # outcomes keyed like wide headers; named by their first importance spelling
    all_out = np.concatenate([cells[k].outcome for k in KINDS])
    all_rows = np.concatenate([cells[k].row for k in KINDS])
    order = np.argsort(all_rows, kind="stable")
    key_of = {t: _outcome_key(t) for t in pd.unique(all_out)}
    key_idx: dict[str, int] = {}
    for t in pd.unique(all_out[order]):
        key_idx.setdefault(key_of[t], len(key_idx))
    m = len(key_idx)
    names: list[str] = [""] * m
    for k in (SATISFACTION, IMPORTANCE):  # importance spelling wins, as for wide headers
        for t in pd.unique(cells[k].outcome)[::-1]:
            names[key_idx[key_of[t]]] = t
    keys: dict[str, np.ndarray] = {}
    for k in KINDS:
        codes, uniq = pd.factorize(cells[k].outcome)
        lut = np.array([key_idx[key_of[t]] for t in uniq], dtype=np.int64)
        keys[k] = lut[codes] if len(uniq) else np.zeros(0, dtype=np.int64)
    for have, lack in ((IMPORTANCE, SATISFACTION), (SATISFACTION, IMPORTANCE)):
        missing = np.setdiff1d(keys[have], keys[lack])
        if missing.size:
            j = int(missing[0])
            first = int(np.flatnonzero(keys[have] == j)[0])
            raise InputError(
                f"outcome {names[j]!r} has {have} ratings but no {lack} rating rows; add "
                f"{lack} rows for it or remove its {have} rows",
                path=path, row=int(cells[have].row[first]) + 1, column=cells[have].column)

    n = len(ids)
    wide: dict[str, pd.Series] = {}
    pairs: dict[str, dict[str, str]] = {}
    origin: dict[str, tuple[str, int]] = {}
    for k in KINDS:
        c = cells[k]
        keep = _check_duplicates(c, keys[k], k, names, ids, path)
        frame = pd.DataFrame({"r": c.resp[keep], "k": keys[k][keep], "v": c.value[keep]})
        table = frame.pivot(index="r", columns="k", values="v").reindex(
            index=range(n), columns=range(m))
        for j in range(m):
            col = f"{k.capitalize()} - {names[j]}"
            wide[col] = table[j].reset_index(drop=True)
            pairs.setdefault(str(j), {"name": names[j]})[k] = col
            origin[col] = (k, j)
    wide_df = pd.DataFrame(wide, index=pd.RangeIndex(n))
    try:
        coded = code_ratings(wide_df, pairs, path=path, scale=scale)
    except InputError as exc:
        if exc.row is None or exc.column not in origin:
            raise
        k, j = origin[exc.column]
        c = cells[k]
        hit = np.flatnonzero((c.resp == exc.row - 1) & (keys[k] == j)
                             & c.value.notna().to_numpy())
        row = int(c.row[hit[0]]) + 1 if hit.size else None
        raise InputError(f"{exc.args[0]} ({k} of outcome {names[j]!r}, respondent "
                         f"{ids[exc.row - 1]!r})", path=path, row=row,
                         column=c.column) from None

    used = set(layout.used) | {id_col}
    item_col = layout.outcome or layout.question
    item = _text(df[item_col]) if item_col is not None else None
    attrs = _attributes(df, [c for c in df.columns if c not in used], resp, ids, path, item)
    asked = _question_attributes(df, layout, resp, ids, path)
    clash = [c for c in asked.columns if c in attrs.columns]
    if clash:
        raise InputError(f"{clash[0]!r} is both a column and a question of this long table; "
                         "rename one of them", path=path, column=clash[0])
    attrs = pd.concat([attrs, asked], axis=1)
    scales = coded.scales
    distinct = sorted(set(scales.tolist()))
    notes = [f"long format ({layout.describe()}): {len(df)} rows pivoted to one row per "
             "respondent",
             f"{m} outcomes, {n} respondents, scale(s) 1-" + "/1-".join(map(str, distinct))]
    if len(asked.columns):
        notes.append("questions read as respondent attributes (not importance/satisfaction "
                     "ratings): " + ", ".join(map(repr, asked.columns)))
    n_missing = int((coded.importance == 0).sum() + (coded.satisfaction == 0).sum())
    if n_missing:
        notes.append(f"{n_missing} missing ratings (scores use the respondents who answered)")
    columns = {names[j]: (cells[IMPORTANCE].column, cells[SATISFACTION].column) for j in range(m)}
    return SurveyResponses(outcomes=coded.outcomes, importance=coded.importance,
                           satisfaction=coded.satisfaction, scales=scales, ids=ids,
                           attributes=attrs, source=path, notes=tuple(notes), columns=columns)
