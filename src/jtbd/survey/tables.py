"""Reading a response table (CSV, gzipped CSV, Excel or a DataFrame) and finding its id column."""
from __future__ import annotations

from os import PathLike
from pathlib import Path

import numpy as np
import pandas as pd

from jtbd.errors import ImportFailed, InputError

#: Column names taken as the respondent id when ``id_column`` is not given (compared
#: case-insensitively, ignoring spaces and underscores).
DEFAULT_ID_COLUMNS: tuple[str, ...] = ("respondent_id", "respondentid", "respondent", "response_id",
                                        "responseid", "id")

TableSource = str | PathLike[str] | pd.DataFrame


def read_table(source: TableSource) -> tuple[pd.DataFrame, str | None]:
    """Read ``source`` into a DataFrame; return it with the path (``None`` for a DataFrame)."""
    if isinstance(source, pd.DataFrame):
        df = source.copy()
        df.columns = [str(c) for c in df.columns]
        path = None
    else:
        p = Path(source)
        path = str(p)
        if not p.is_file():
            raise ImportFailed("file not found; check the path", path=path)
        name = p.name.lower()
        try:
            if name.endswith((".xlsx", ".xlsm")):
                df = pd.read_excel(p, dtype=object)
            elif name.endswith((".csv", ".csv.gz", ".txt", ".tsv", ".tsv.gz")):
                sep = "\t" if ".tsv" in name else ","
                df = _read_csv(p, sep)
            else:
                raise ImportFailed("unknown file type; save the responses as .csv, .csv.gz or "
                                   ".xlsx", path=path)
        except pd.errors.EmptyDataError:
            raise ImportFailed("the file is empty; export the survey responses with a header "
                               "row and one row per respondent", path=path) from None
        except pd.errors.ParserError as exc:
            raise ImportFailed(f"not a readable CSV file ({exc}); check the delimiter and "
                               "quoting", path=path) from None
        except (ValueError, OSError) as exc:
            if isinstance(exc, ImportFailed):
                raise
            raise ImportFailed(f"could not read the file ({exc})", path=path) from None
        df.columns = [str(c).replace("\ufeff", "").strip() for c in df.columns]
    if df.shape[1] == 0:
        raise ImportFailed("the file is empty; export the survey responses with a header row "
                           "and one row per respondent", path=path)
    if len(df) == 0:
        raise ImportFailed("the file has a header but no responses; add one row per "
                           "respondent", path=path)
    return df.reset_index(drop=True), path


def _read_csv(p: Path, sep: str) -> pd.DataFrame:
    try:
        return pd.read_csv(p, sep=sep, skipinitialspace=False, low_memory=False,
                           encoding="utf-8-sig")
    except UnicodeDecodeError:
        return pd.read_csv(p, sep=sep, low_memory=False, encoding="cp1252")


def _id_key(name: str) -> str:
    return name.strip().lower().replace(" ", "").replace("_", "")


def find_id_column(df: pd.DataFrame, id_column: str | None, path: str | None) -> str | None:
    """The respondent-id column: ``id_column`` if given (must exist), else a default name."""
    if id_column is not None:
        if id_column in df.columns:
            return id_column
        matches = [c for c in df.columns if _id_key(c) == _id_key(id_column)]
        if matches:
            return matches[0]
        raise InputError(f"id column {id_column!r} not found; the columns are: "
                         f"{', '.join(map(repr, df.columns[:20]))}", path=path, column=id_column)
    keys = {_id_key(c): c for c in df.columns}
    for cand in DEFAULT_ID_COLUMNS:
        if _id_key(cand) in keys:
            return keys[_id_key(cand)]
    # A column named like "StudentId" whose values are all present and unique.
    for key, col in keys.items():
        if key.endswith("id") and df[col].notna().all() and df[col].is_unique:
            return col
    return None


def respondent_ids(df: pd.DataFrame, id_col: str | None, path: str | None) -> np.ndarray:
    """Respondent ids as strings; row numbers 1..n without an id column. Blank or duplicate
    ids raise :class:`InputError` naming the rows."""
    if id_col is None:
        return np.arange(1, len(df) + 1).astype(str).astype(object)
    raw = df[id_col]
    ids = raw.astype(str).str.strip().to_numpy(dtype=object)
    blank = raw.isna().to_numpy() | (ids == "")
    if blank.any():
        rows = (np.flatnonzero(blank)[:5] + 1).tolist()
        raise InputError(f"respondent id is blank in rows {rows}; give every respondent an id "
                         "(or drop the id column to use row numbers)", path=path,
                         row=rows[0], column=id_col)
    dup = pd.Series(ids).duplicated(keep=False).to_numpy()
    if dup.any():
        first = ids[np.flatnonzero(dup)[0]]
        rows = (np.flatnonzero(ids == first) + 1).tolist()
        n_dup = int(pd.Series(ids[dup]).nunique())
        raise InputError(f"respondent id {first!r} appears in rows {rows} "
                         f"({n_dup} duplicated id(s) in all); ids must be unique — remove the "
                         "repeated responses or fix the ids", path=path, row=rows[0],
                         column=id_col)
    return ids
