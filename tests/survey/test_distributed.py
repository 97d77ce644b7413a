"""score_dask: the Dask engine gives exactly the in-memory scores on partitioned files."""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from jtbd.cli import app
from jtbd.errors import InputError, MissingDependency
from jtbd.survey import load_responses, score
from jtbd.survey.scoring import OpportunityTable, OutcomeScore
from jtbd.survey.synthetic import planted_survey

IMP_LABELS = ["Not at all important", "Slightly important", "Moderately important",
              "Very important", "5 - Extremely important"]
SAT_LABELS = ["Very dissatisfied", "Somewhat dissatisfied", "Neither satisfied nor dissatisfied",
              "Somewhat satisfied", "Very satisfied"]
N_PARTS = 5
runner = CliRunner()


@pytest.fixture()
def dask_mod() -> ModuleType:
    return pytest.importorskip("dask")


def _survey_frame(n: int = 2400, m: int = 6, seed: int = 3) -> pd.DataFrame:
    """Mixed numbers and labels, blanks, a text and a numeric grouping column (with blanks)."""
    r, _ = planted_survey(n, m, seed=seed, missing=0.08)
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({"respondent_id": [f"R{i:05d}" for i in range(n)]})
    for j, o in enumerate(r.outcomes):
        imp, sat = r.importance[:, j], r.satisfaction[:, j]
        if j % 2 == 0:  # labelled outcome
            df[f"Importance - {o}"] = [IMP_LABELS[v - 1] if v else None for v in imp]
            df[f"Satisfaction - {o}"] = [SAT_LABELS[v - 1] if v else "Don't know" for v in sat]
        else:
            df[f"{o} - Importance"] = pd.Series(imp).replace(0, np.nan)
            df[f"{o} - Satisfaction"] = pd.Series(sat).replace(0, np.nan)
    region = r.attributes["region"].astype(str).to_numpy(dtype=object)
    region[rng.random(n) < 0.05] = None
    df["region"] = region
    wave = pd.array(rng.integers(1, 4, n), dtype="Int64")
    wave[-40:] = pd.NA  # written "1", "" ...; blanks only in the last partition, so the other
    df["wave"] = wave   # partitions read ints while the whole column reads 1.0, 2.0, 3.0
    return df


@pytest.fixture(scope="module")
def split(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The whole table as one CSV, and the same rows as N_PARTS partition CSVs."""
    d = tmp_path_factory.mktemp("dask")
    df = _survey_frame()
    df.to_csv(d / "all.csv", index=False)
    parts = d / "parts"
    parts.mkdir()
    # Partition 0 holds only top-box answers of the labelled outcomes: on its own it would
    # choose its label families from a few labels; all partitions together decide.
    order = np.argsort(~df["Satisfaction - Outcome 1"].isin(SAT_LABELS[3:]).to_numpy(),
                       kind="stable")
    for k, idx in enumerate(np.array_split(order, N_PARTS)):
        df.iloc[np.sort(idx)].to_csv(parts / f"part-{k}.csv", index=False)
    return d / "all.csv", parts


def assert_same(a: OpportunityTable, b: OpportunityTable, tol: float = 1e-12) -> None:
    """Every field of every outcome (overall and per group) equal; floats to ``tol``."""
    assert a.n_respondents == b.n_respondents and a.by == b.by
    assert a.group_sizes == b.group_sizes and list(a.groups) == list(b.groups)
    pairs = [(a.outcomes, b.outcomes)] + [(a.groups[g], b.groups[g]) for g in a.groups]
    for rows_a, rows_b in pairs:
        assert [o.outcome for o in rows_a] == [o.outcome for o in rows_b]
        for x, y in zip(rows_a, rows_b, strict=True):
            _same_row(x, y, tol)


def _same_row(x: OutcomeScore, y: OutcomeScore, tol: float) -> None:
    for key, vx in x.to_dict().items():
        vy = y.to_dict()[key]
        if isinstance(vx, float):
            assert math.isclose(vx, vy, rel_tol=0, abs_tol=tol), (x.outcome, key, vx, vy)
        elif isinstance(vx, list):
            assert np.allclose(vx, vy, rtol=0, atol=tol, equal_nan=True), (x.outcome, key)
        else:
            assert vx == vy, (x.outcome, key, vx, vy)


@pytest.mark.parametrize("by", [None, "region", "wave"])
def test_dask_equals_in_memory(dask_mod: ModuleType, split: tuple[Path, Path],
                               by: str | None) -> None:
    from jtbd.survey.distributed import score_dask

    whole, parts = split
    expected = score(load_responses(whole), by=by, ci=False)
    got = score_dask(str(parts / "part-*.csv"), by=by)
    assert_same(expected, got)
    assert got.to_dict() == expected.to_dict()
    if by == "wave":  # numbers with blanks are named as the whole column reads them
        assert set(got.groups) == {"1.0", "2.0", "3.0", "(missing)"}
    if by == "region":
        assert "(missing)" in got.groups and sum(got.group_sizes.values()) == 2400


def test_dask_bootstrap_intervals_identical(dask_mod: ModuleType,
                                            split: tuple[Path, Path]) -> None:
    from jtbd.survey.distributed import score_dask

    whole, parts = split
    files = sorted(str(p) for p in parts.glob("*.csv"))
    expected = score(load_responses(whole), by="region", ci=True, n_boot=200, seed=7)
    got = score_dask(files, by="region", ci=True, n_boot=200, seed=7, scheduler="sync")
    assert got.to_dict() == expected.to_dict()


def test_dask_on_a_distributed_cluster(dask_mod: ModuleType, split: tuple[Path, Path]) -> None:
    distributed = pytest.importorskip("distributed")
    from jtbd.survey.distributed import score_dask

    whole, parts = split
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        got = score_dask(str(parts / "*.csv"), by="region", scheduler=cluster.scheduler_address)
    assert_same(score(load_responses(whole), by="region", ci=False), got)


def test_dask_reads_parquet_partitions(dask_mod: ModuleType, split: tuple[Path, Path],
                                       tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from jtbd.survey.distributed import score_dask

    whole, parts = split
    for p in sorted(parts.glob("*.csv")):
        pd.read_csv(p).to_parquet(tmp_path / f"{p.stem}.parquet")
    got = score_dask(str(tmp_path / "*.parquet"), by="region")
    assert_same(score(load_responses(whole), by="region", ci=False), got)


def test_cli_engine_dask_json_matches_local(dask_mod: ModuleType,
                                            split: tuple[Path, Path]) -> None:
    whole, parts = split
    local = runner.invoke(app, ["survey", "score", str(whole), "--json", "--no-ci", "--by",
                                "region"])
    res = runner.invoke(app, ["survey", "score", str(parts / "part-*.csv"), "--engine", "dask",
                              "--json", "--no-ci", "--by", "region"])
    assert local.exit_code == 0 and res.exit_code == 0, res.output
    assert json.loads(res.stdout) == json.loads(local.stdout)
    files = [str(p) for p in sorted(parts.glob("*.csv"))]
    res = runner.invoke(app, ["survey", "score", *files, "--engine", "dask", "--no-ci"])
    assert res.exit_code == 0 and "Opportunity scores" in res.stdout and "dask" in res.stdout
    res = runner.invoke(app, ["survey", "score", *files, "--json"])
    assert res.exit_code == 2 and "--engine dask" in res.output


def test_bad_answer_named_by_file_row_and_column(dask_mod: ModuleType, tmp_path: Path) -> None:
    from jtbd.survey.distributed import score_dask

    (tmp_path / "a.csv").write_text("respondent_id,imp:x,sat:x\n1,5,4\n2,4,2\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("respondent_id,imp:x,sat:x\n3,5,4\n4,4,3\n5,2,11\n",
                                    encoding="utf-8")
    with pytest.raises(InputError) as err:
        score_dask(str(tmp_path / "*.csv"))
    assert err.value.path.endswith("b.csv") and err.value.row == 3
    assert err.value.column == "sat:x" and "11" in str(err.value)


def test_long_table_says_to_use_the_local_engine(dask_mod: ModuleType, tmp_path: Path) -> None:
    from jtbd.survey.distributed import score_dask

    (tmp_path / "long.csv").write_text("respondent,outcome,importance,satisfaction\n"
                                       "r1,Know who owes what,5,2\nr2,Know who owes what,4,1\n",
                                       encoding="utf-8")
    with pytest.raises(InputError, match="long table.*without --engine dask") as err:
        score_dask(str(tmp_path / "long.csv"))
    assert err.value.path.endswith("long.csv")
    (tmp_path / "wide.csv").write_text("respondent,colour\nr1,red\n", encoding="utf-8")
    with pytest.raises(InputError, match="no importance/satisfaction columns"):
        score_dask(str(tmp_path / "wide.csv"))  # other tables keep the general message


def test_partitions_must_share_a_header(dask_mod: ModuleType, tmp_path: Path) -> None:
    from jtbd.survey.distributed import score_dask

    (tmp_path / "a.csv").write_text("imp:x,sat:x\n5,4\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("imp:x,sat:x,imp:y,sat:y\n5,4,3,3\n", encoding="utf-8")
    with pytest.raises(InputError, match="same header"):
        score_dask([str(tmp_path / "a.csv"), str(tmp_path / "b.csv")])
    with pytest.raises(InputError, match="no files match"):
        score_dask(str(tmp_path / "nothing-*.csv"))


def test_missing_dask_names_the_install_command(monkeypatch: pytest.MonkeyPatch,
                                                tmp_path: Path) -> None:
    from jtbd.survey.distributed import score_dask

    for name in ("dask", "dask.bag"):
        monkeypatch.setitem(sys.modules, name, None)  # import dask -> ImportError
    with pytest.raises(MissingDependency, match=r"pip install 'jtbd\[distributed\]'"):
        score_dask(str(tmp_path / "*.csv"))
    res = runner.invoke(app, ["survey", "score", str(tmp_path / "x.csv"), "--engine", "dask"])
    assert res.exit_code != 0 and "jtbd[distributed]" in res.output
