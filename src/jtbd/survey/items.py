"""Plain rating items (not importance/satisfaction pairs): import and top-two-box scores.

Used for satisfaction-only sets (e.g. a 1-10 customer-satisfaction survey) and general Likert
batteries. Every column whose answers read as ratings (whole numbers 1..10 or known text
labels) is an item; other columns are respondent attributes. An item's scale is its label
family's length, else the highest answer seen (pass ``scale`` to override).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from jtbd.errors import InputError
from jtbd.survey.labels import code_column, top_two_threshold
from jtbd.survey.tables import TableSource, find_id_column, read_table, respondent_ids


@dataclass(frozen=True, eq=False)
class ItemResponses:
    """``codes[r, j]`` is respondent ``r``'s answer to item ``j`` on ``1..scales[j]`` (0 =
    missing); ``families[j]`` names the text-label family, or ``"numeric"``."""

    items: tuple[str, ...]
    codes: np.ndarray
    scales: np.ndarray
    families: tuple[str, ...]
    ids: np.ndarray
    attributes: pd.DataFrame
    source: str | None = None


@dataclass(frozen=True)
class ItemScore:
    """Top-two-box score (10 x share in the top two boxes) and mean of one item."""

    item: str
    n: int
    scale: int
    top_two_box: float
    mean: float
    family: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def load_items(source: TableSource, *, id_column: str | None = None,
               items: Sequence[str] | None = None, scale: int | None = None) -> ItemResponses:
    """Read a table of rating items. ``items`` restricts which columns are items."""
    df, path = read_table(source)
    id_col = find_id_column(df, id_column, path)
    ids = respondent_ids(df, id_col, path)
    wanted = list(items) if items is not None else [c for c in df.columns if c != id_col]
    missing = [c for c in wanted if c not in df.columns]
    if missing:
        raise InputError(f"item column(s) {missing} not found", path=path, column=missing[0])
    names: list[str] = []
    coded: list[np.ndarray] = []
    scales: list[int] = []
    families: list[str] = []
    for col in wanted:
        try:
            cc = code_column(df[col], column=col, path=path)
        except InputError:
            if items is not None:
                raise
            continue  # not a rating column: keep it as an attribute
        if cc.max_code < 2 or (cc.family is None and cc.max_code > 10):
            if items is not None:
                raise InputError("column does not hold ratings 1..10", path=path, column=col)
            continue
        s = scale or (cc.family.scale if cc.family is not None else cc.max_code)
        if cc.max_code > s:
            r = int(np.flatnonzero(cc.codes > s)[0])
            raise InputError(f"rating {int(cc.codes[r])} is outside the 1-{s} scale", path=path,
                             row=r + 1, column=col)
        names.append(col)
        coded.append(cc.codes.astype(np.int8))
        scales.append(s)
        families.append(cc.family.name if cc.family is not None else "numeric")
    if not names:
        raise InputError("no rating columns found (whole numbers 1..10 or labels such as "
                         "'Strongly agree')", path=path)
    attrs = df[[c for c in df.columns if c not in names and c != id_col]]
    return ItemResponses(items=tuple(names), codes=np.column_stack(coded),
                         scales=np.array(scales, dtype=np.int16), families=tuple(families),
                         ids=ids, attributes=attrs.reset_index(drop=True), source=path)


def score_items(responses: ItemResponses) -> list[ItemScore]:
    """Top-two-box score (0-10) and mean answer of every item, over those who answered."""
    out = []
    for j, name in enumerate(responses.items):
        col = responses.codes[:, j]
        answered = col > 0
        n = int(answered.sum())
        s = int(responses.scales[j])
        top = int((col >= top_two_threshold(s)).sum())
        out.append(ItemScore(item=name, n=n, scale=s,
                             top_two_box=10.0 * top / n if n else float("nan"),
                             mean=float(col[answered].mean()) if n else float("nan"),
                             family=responses.families[j]))
    return out
