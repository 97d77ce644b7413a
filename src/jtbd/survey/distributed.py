"""Opportunity scores for response sets too big for one machine, on Dask.

:func:`score_dask` reads a survey split over many files (CSV, gzipped CSV, Excel or Parquet;
one file = one partition, each small enough for one worker) and returns the same
:class:`~jtbd.survey.scoring.OpportunityTable` as ``score(load_responses(all rows))``:

1. **map** (one Dask task per file): read the file with the same reader as
   :func:`~jtbd.survey.responses.load_responses`, find the id column and the
   importance/satisfaction pairs with the same rules, and count respondents per
   ``(group value, importance answer, satisfaction answer)`` for every outcome, keyed by the
   *raw* answers (labels are not coded yet: the label family and the scale are chosen over
   all rows, so one partition alone cannot decide them);
2. **reduce** (a Dask tree fold): add the counts up; they stay small (distinct answers);
3. **finish** (here): code the distinct answers with
   :func:`~jtbd.survey.responses.code_ratings` — same label families, scale inference and
   errors as in memory — fold the counts into the nine answer categories and build the table
   with :func:`~jtbd.survey.scoring.table_from_counts`, the code ``score()`` itself uses.
   The bootstrap intervals (``ci=True``) resample those counts, so they are identical too.

Runs on Dask's local threaded scheduler by default, or on a ``dask.distributed`` cluster
(``scheduler="tcp://host:8786"``; every worker needs jtbd installed and must see the files at
the same paths). Install with ``pip install 'jtbd[distributed]'``.

Not checked across partitions (each file is checked on its own): duplicate respondent ids.
Long tables (a row per respondent and outcome) are read by the local engine only: a
respondent's rows may span files, so they would need a shuffle; a long file gets a clear error.
"""
from __future__ import annotations

import glob
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from jtbd.errors import InputError, MissingDependency
from jtbd.survey.longformat import detect_layout
from jtbd.survey.responses import code_ratings, rating_pairs
from jtbd.survey.scoring import OpportunityTable, group_label, table_from_counts
from jtbd.survey.tables import find_id_column, read_table, respondent_ids

INSTALL = "pip install 'jtbd[distributed]'"
_PARQUET = (".parquet", ".pq")
Key = tuple[Any, Any, Any]  # (group value, importance answer, satisfaction answer); None = blank


@dataclass(frozen=True, eq=False)
class PartialCounts:
    """Counts of one or more partitions (what the map step returns and the fold adds up)."""

    paths: tuple[str, ...]
    header: tuple[str, ...]
    id_column: str | None
    pairs: dict[str, dict[str, str]]
    n_rows: int
    numeric: dict[str, bool]  # rating column -> read as numbers in every partition
    cells: tuple[dict[Key, int], ...]  # per outcome
    groups: dict[Any, int]  # group value (None = blank) -> respondents


def expand_paths(paths_or_glob: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]
                 ) -> list[str]:
    """Files named by a glob, a path, or a list of either (globs sorted, order kept)."""
    items = ([paths_or_glob] if isinstance(paths_or_glob, str | os.PathLike)
             else list(paths_or_glob))
    out: list[str] = []
    for item in items:
        text = os.path.expanduser(os.fspath(item))
        if any(ch in text for ch in "*?["):
            found = sorted(glob.glob(text))
            if not found:
                raise InputError(f"no files match {text!r}; check the pattern (quote it so the "
                                 "shell passes it on unexpanded)", path=text)
            out.extend(found)
        else:
            out.append(text)
    if not out:
        raise InputError("no response files given; pass a glob such as 'responses/*.csv' or "
                         "a list of files")
    seen: set[str] = set()
    for p in out:
        if os.path.abspath(p) in seen:
            raise InputError("file given twice (its respondents would count twice); list each "
                             "partition once", path=p)
        seen.add(os.path.abspath(p))
    return out


def read_partition(path: str) -> pd.DataFrame:
    """One partition, read like :func:`~jtbd.survey.tables.read_table` (Parquet too)."""
    if path.lower().endswith(_PARQUET):
        try:
            raw = pd.read_parquet(path)
        except ImportError as exc:
            raise MissingDependency(f"reading Parquet needs pyarrow ({exc}); install it with "
                                    f"{INSTALL}") from None
        except (OSError, ValueError) as exc:
            raise InputError(f"could not read the Parquet file ({exc})", path=path) from None
        try:
            return read_table(raw)[0]
        except InputError as exc:
            raise type(exc)(exc.args[0], path=path) from None
    return read_table(path)[0]


def _count_partition(path: str, *, by: str | None, id_column: str | None) -> PartialCounts:
    """Map step: raw-answer counts of one file (validates header, ids and ``by`` as in memory)."""
    df = read_partition(path)
    id_col = find_id_column(df, id_column, path)
    try:
        pairs = rating_pairs(list(df.columns), id_col, path)
    except InputError:
        if detect_layout(df, id_col) is not None:
            raise InputError("this is a long table (a row per respondent and outcome); the Dask "
                             "engine reads wide tables (a row per respondent) only. Score it "
                             "without --engine dask, or pivot it to a row per respondent",
                             path=path) from None
        raise
    respondent_ids(df, id_col, path)  # blank and duplicate ids within this file
    used = {c for e in pairs.values() for c in (e["importance"], e["satisfaction"])}
    if by is not None:
        attrs = [c for c in df.columns if c not in used and c != id_col]
        if by not in attrs:
            raise InputError(f"no respondent attribute {by!r} to group by; the attributes are: "
                             f"{', '.join(map(repr, attrs)) or '(none)'}", path=path, column=by)
        g_codes, g_uniques = pd.factorize(df[by], use_na_sentinel=True)
        g_keys: list[Any] = [None, *g_uniques.tolist()]
    else:
        g_codes, g_keys = np.zeros(len(df), dtype=np.intp), [None, None]
    g_idx = g_codes.astype(np.int64) + 1
    groups = {g_keys[k]: int(c) for k, c in enumerate(np.bincount(g_idx, minlength=len(g_keys)))
              if c}
    cells: list[dict[Key, int]] = []
    for entry in pairs.values():
        fi, ui = pd.factorize(df[entry["importance"]], use_na_sentinel=True)
        fs, us = pd.factorize(df[entry["satisfaction"]], use_na_sentinel=True)
        ki, ks = [None, *ui.tolist()], [None, *us.tolist()]
        ni, ns = len(ki), len(ks)
        idx = (g_idx * ni + (fi.astype(np.int64) + 1)) * ns + (fs.astype(np.int64) + 1)
        counts = np.bincount(idx, minlength=len(g_keys) * ni * ns)
        nz = np.flatnonzero(counts)
        g, rest = np.divmod(nz, ni * ns)
        i, s = np.divmod(rest, ns)
        cells.append({(g_keys[a], ki[b], ks[c]): int(n) for a, b, c, n in
                      zip(g.tolist(), i.tolist(), s.tolist(), counts[nz].tolist(), strict=True)})
    numeric = {c: bool(pd.api.types.is_numeric_dtype(df[c].dtype)) for c in used}
    return PartialCounts(paths=(path,), header=tuple(df.columns), id_column=id_col, pairs=pairs,
                         n_rows=len(df), numeric=numeric, cells=tuple(cells), groups=groups)


def _merge(a: PartialCounts, b: PartialCounts) -> PartialCounts:
    """Reduce step: add two partials; their files must share one header layout."""
    if set(a.header) != set(b.header):
        extra = sorted(set(b.header) - set(a.header))[:5]
        lack = sorted(set(a.header) - set(b.header))[:5]
        raise InputError(f"the columns differ from those of {a.paths[0]} (extra: {extra}, "
                         f"missing: {lack}); every partition needs the same header",
                         path=b.paths[0])
    if a.id_column != b.id_column or a.pairs != b.pairs:
        raise InputError(f"the respondent id column ({b.id_column!r}) or the rating pairs differ "
                         f"from those found in {a.paths[0]} ({a.id_column!r}); name the id with "
                         "--id-column and give every partition the same header",
                         path=b.paths[0])
    b_pos = {key: j for j, key in enumerate(b.pairs)}  # b's columns may come in another order
    cells = []
    for key, ca in zip(a.pairs, a.cells, strict=True):
        cb = b.cells[b_pos[key]]
        merged = dict(ca)
        for key, n in cb.items():
            merged[key] = merged.get(key, 0) + n
        cells.append(merged)
    groups = dict(a.groups)
    for key, n in b.groups.items():
        groups[key] = groups.get(key, 0) + n
    return PartialCounts(paths=a.paths + b.paths, header=a.header, id_column=a.id_column,
                         pairs=a.pairs, n_rows=a.n_rows + b.n_rows,
                         numeric={c: v and b.numeric[c] for c, v in a.numeric.items()},
                         cells=tuple(cells), groups=groups)


def _distinct_answers(total: PartialCounts) -> pd.DataFrame:
    """One column per rating column holding its distinct answers (NaN-padded), typed as the
    whole column would be read: numbers when every partition read numbers."""
    values: dict[str, dict[Any, None]] = {}
    for entry, cells in zip(total.pairs.values(), total.cells, strict=True):
        imp = values.setdefault(entry["importance"], {})
        sat = values.setdefault(entry["satisfaction"], {})
        for _, vi, vs in cells:
            if vi is not None:
                imp.setdefault(vi, None)
            if vs is not None:
                sat.setdefault(vs, None)
    length = max((len(v) for v in values.values()), default=0)
    cols = {}
    for col, vals in values.items():
        pad = [None] * (length - len(vals))
        cols[col] = (pd.Series(list(vals) + [np.nan] * len(pad), dtype="float64")
                     if total.numeric[col] else pd.Series(list(vals) + pad, dtype=object))
    return pd.DataFrame(cols, index=pd.RangeIndex(length))


def _find_answer(path: str, *, column: str, value: Any) -> int | None:
    """1-based row of the first ``value`` in ``column`` of one partition, else ``None``."""
    col = read_partition(path)[column]
    hit = (col == value).to_numpy() | (col.astype(str) == str(value)).to_numpy()
    return int(np.flatnonzero(hit)[0]) + 1 if hit.any() else None


def _compute(obj: Any, scheduler: Any) -> Any:
    """Compute a Dask collection on ``scheduler``: None = local threads, an address
    (``tcp://host:8786``) = a dask.distributed cluster, else anything Dask accepts."""
    if isinstance(scheduler, str) and "://" in scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise MissingDependency("a Dask cluster address needs dask.distributed; install it "
                                    f"with {INSTALL}") from None
        try:
            client = Client(scheduler, timeout="20s", set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"could not connect to the Dask scheduler at {scheduler} ({exc}); "
                             "start one with `dask scheduler` and workers with `dask worker "
                             f"{scheduler}`, or check the address") from None
        with client:
            return obj.compute(scheduler=client)
    return obj.compute(scheduler=scheduler or "threads")


def score_dask(paths_or_glob: str | Sequence[str], *, by: str | None = None,
               id_column: str | None = None, scheduler: Any = None,
               scale: int | Mapping[str, int] | None = None, ci: bool = False,
               n_boot: int = 1000, confidence: float = 0.95, seed: int = 0) -> OpportunityTable:
    """Opportunity scores of a response set split over many files, computed on Dask.

    Same result as ``score(load_responses(<all rows>), by=by, ci=ci, ...)``: I, S,
    opportunity, bands, flags, ``n`` per outcome and the ``by`` groups. ``paths_or_glob`` is a
    glob (``"responses/*.csv"``), a file, or a list of them; ``scheduler`` is ``None`` (local
    threads), ``"tcp://host:8786"`` (a dask.distributed cluster), ``"processes"``, ``"sync"``
    or a ``distributed.Client``. Raises :class:`MissingDependency` without Dask and
    :class:`InputError` naming the file, row and column of a bad answer.
    """
    try:
        import dask.bag as db
    except ImportError:
        raise MissingDependency(f"the Dask engine needs dask; install it with {INSTALL}"
                                ) from None
    paths = expand_paths(paths_or_glob)
    bag = db.from_sequence(paths, npartitions=len(paths))
    total: PartialCounts = _compute(bag.map(_count_partition, by=by, id_column=id_column)
                                    .fold(_merge), scheduler)
    source = paths_or_glob if isinstance(paths_or_glob, str) else f"{len(paths)} files"
    answers = _distinct_answers(total)
    try:
        coded = code_ratings(answers, total.pairs, path=source, scale=scale)
    except InputError as exc:
        raise _located(exc, answers, paths, bag, scheduler) from None
    code_of = {}
    for j, entry in enumerate(total.pairs.values()):
        for col, codes in ((entry["importance"], coded.importance[:, j]),
                           (entry["satisfaction"], coded.satisfaction[:, j])):
            code_of[col] = dict(zip(answers[col].tolist(), codes.tolist(), strict=True))
            code_of[col][None] = 0
    group_names, group_index, sizes = _groups(total.groups) if by is not None else ([], {}, [])
    m = len(total.pairs)
    overall = np.zeros((1, m, 9), dtype=np.int64)
    grouped = np.zeros((max(len(group_names), 1), m, 9), dtype=np.int64)
    for j, (entry, cells) in enumerate(zip(total.pairs.values(), total.cells, strict=True)):
        thr = int(coded.scales[j]) - 1
        ci_map, cs_map = code_of[entry["importance"]], code_of[entry["satisfaction"]]
        for (g, vi, vs), n in cells.items():
            a, b = ci_map[vi], cs_map[vs]
            cat = 3 * ((a > 0) + (a >= thr)) + (b > 0) + (b >= thr)
            overall[0, j, cat] += n
            if by is not None:
                grouped[group_index[g], j, cat] += n
    return table_from_counts(coded.outcomes, coded.scales, overall, n_respondents=total.n_rows,
                             by=by, group_counts=grouped if by is not None else None,
                             group_names=group_names, group_sizes=sizes, ci=ci, n_boot=n_boot,
                             confidence=confidence, seed=seed)


def _groups(counts: Mapping[Any, int]) -> tuple[list[str], dict[Any, int], list[int]]:
    """Sorted group names, value -> group index, and respondents per group. The values are
    typed together as one column would be (ints and blanks -> floats) before naming them."""
    keys = [k for k in counts if k is not None]
    blank = None in counts
    typed = pd.Series(keys + ([np.nan] if blank else []), dtype=object).infer_objects()
    labels = [group_label(v) for v in typed.tolist()]
    names = sorted(set(labels))
    pos = {name: i for i, name in enumerate(names)}
    index = {k: pos[lab] for k, lab in zip(keys, labels, strict=False)}
    if blank:
        index[None] = pos[labels[-1]]
    sizes = [0] * len(names)
    for k, n in counts.items():
        sizes[index[k]] += n
    return names, index, sizes


def _located(exc: InputError, answers: pd.DataFrame, paths: list[str], bag: Any,
             scheduler: Any) -> InputError:
    """Re-point an error about a distinct answer at the first file and row holding it."""
    if exc.column is None or exc.row is None or exc.column not in answers.columns:
        return exc
    value = answers[exc.column].iloc[exc.row - 1]
    rows = _compute(bag.map(_find_answer, column=exc.column, value=value), scheduler)
    for path, row in zip(paths, rows, strict=True):
        if row is not None:
            return type(exc)(exc.args[0], path=path, row=row, column=exc.column)
    return type(exc)(exc.args[0], path=exc.path, column=exc.column)
