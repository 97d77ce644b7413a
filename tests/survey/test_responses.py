"""Importing responses: column patterns, scales, text labels, missing answers, errors."""
from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from jtbd.errors import ImportFailed, InputError
from jtbd.survey import load_items, load_responses, score, score_items
from jtbd.survey.responses import classify_header


def _write(tmp_path: Path, text: str, name: str = "r.csv") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(("header", "expected"), [
    ("imp:Fast invoices", ("importance", "Fast invoices")),
    ("SAT: Fast invoices", ("satisfaction", "Fast invoices")),
    ("Importance - Fast invoices", ("importance", "Fast invoices")),
    ("Satisfaction – Fast invoices", ("satisfaction", "Fast invoices")),  # en dash
    ("Fast invoices - Importance", ("importance", "Fast invoices")),
    ("Fast  invoices\u00a0-\u00a0satisfaction", ("satisfaction", "Fast invoices")),
    ("Fast invoices (Importance)", ("importance", "Fast invoices")),
    ("region", None),
    ("respondent_id", None),
])
def test_classify_header(header: str, expected: tuple[str, str] | None) -> None:
    assert classify_header(header) == expected


def test_patterns_pair_case_and_dash_insensitively(tmp_path: Path) -> None:
    p = _write(tmp_path, "respondent_id,region,Importance - Get paid fast,"
                         "get paid FAST – satisfaction,imp:Track cash,sat:track cash\n"
                         "a,north,5,1,4,4\nb,south,2,2,5,1\n")
    r = load_responses(p)
    assert r.outcomes == ("Get paid fast", "Track cash")
    assert list(r.ids) == ["a", "b"]
    assert list(r.attributes.columns) == ["region"]
    assert r.importance.dtype == np.int8
    assert r.importance.tolist() == [[5, 4], [2, 5]]


def test_bare_outcome_column_is_satisfaction(tmp_path: Path) -> None:
    p = _write(tmp_path, "Advising,Bursar,Advising - Importance,Bursar - Importance\n"
                         "7,1,7,6\n3,6,6,7\n")
    r = load_responses(p)
    assert r.outcomes == ("Advising", "Bursar")
    assert r.satisfaction.tolist() == [[7, 1], [3, 6]]
    assert r.scales.tolist() == [7, 7]
    assert any("row numbers" in n for n in r.notes)
    assert list(r.ids) == ["1", "2"]


def test_scale_inference_and_override(tmp_path: Path) -> None:
    p = _write(tmp_path, "imp:a,sat:a,imp:b,sat:b\n10,9,5,4\n3,1,7,2\n")
    r = load_responses(p)
    assert r.scales.tolist() == [10, 7]
    row_a, row_b = score(r, ci=False).outcomes
    assert row_a.importance == 5.0 and row_a.satisfaction == 5.0  # 9-10 is top-two on 1-10
    assert row_b.importance == 5.0  # 6-7 on 1-7
    r10 = load_responses(p, scale=10)
    assert r10.scales.tolist() == [10, 10]
    with pytest.raises(InputError, match=r"rating 7 is outside the 1-5 scale") as e:
        load_responses(p, scale={"b": 5})
    assert e.value.column == "imp:b" and e.value.row == 2


def test_text_labels_nbsp_and_missing(tmp_path: Path) -> None:
    text = ("respondent_id,imp:a,sat:a,imp:b,sat:b\n"
            "1,Extremely important,Not at all satisfied,  very\u00a0IMPORTANT ,n/a\n"
            "2,Not at all important,Very satisfied,4\u00a0,-\n"
            "3,,Extremely satisfied,NA,Slightly satisfied\n")
    r = load_responses(_write(tmp_path, text))
    assert r.importance.tolist() == [[5, 4], [1, 4], [0, 0]]
    assert r.satisfaction.tolist() == [[1, 0], [4, 0], [5, 2]]
    a, b = score(r, ci=False).outcomes
    assert (a.n_importance, a.n_satisfaction, b.n_importance, b.n_satisfaction) == (2, 3, 2, 1)
    assert a.importance == 5.0 and b.importance == 10.0


def test_agreement_labels(tmp_path: Path) -> None:
    text = ("imp:a,sat:a\nStrongly agree,Strongly disagree\nAgree,Disagree\n"
            "Neither agree nor disagree,Strongly agree\n")
    r = load_responses(_write(tmp_path, text))
    assert r.importance[:, 0].tolist() == [5, 4, 3]
    assert r.satisfaction[:, 0].tolist() == [1, 2, 5]


def test_dissatisfied_satisfied_family(tmp_path: Path) -> None:
    text = "imp:a,sat:a\n5,Very satisfied\n5,Somewhat satisfied\n5,Very dissatisfied\n"
    r = load_responses(_write(tmp_path, text))
    assert r.satisfaction[:, 0].tolist() == [5, 4, 1]


def test_out_of_scale_names_column_row_value(tmp_path: Path) -> None:
    p = _write(tmp_path, "respondent_id,imp:a,sat:a\nx,5,3\ny,12,3\n")
    with pytest.raises(InputError) as e:
        load_responses(p)
    msg = str(e.value)
    assert "imp:a" in msg and "row 2" in msg and "12" in msg and "scale" in msg


def test_zero_and_fraction_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="rating 0"):
        load_responses(_write(tmp_path, "imp:a,sat:a\n0,3\n"))
    with pytest.raises(InputError, match="not a whole number"):
        load_responses(_write(tmp_path, "imp:a,sat:a\n3.5,3\n", "f.csv"))


def test_unknown_label_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="'Meh'") as e:
        load_responses(_write(tmp_path, "imp:a,sat:a\nMeh,3\n"))
    assert e.value.row == 1 and e.value.column == "imp:a"


def test_importance_without_satisfaction(tmp_path: Path) -> None:
    p = _write(tmp_path, "imp:a,sat:a,Importance - b\n5,3,4\n")
    with pytest.raises(InputError, match="'b' has importance ratings but no satisfaction") as e:
        load_responses(p)
    assert e.value.column == "Importance - b" and "Satisfaction - b" in str(e.value)


def test_satisfaction_without_importance(tmp_path: Path) -> None:
    p = _write(tmp_path, "imp:a,sat:a,sat:b\n5,3,4\n")
    with pytest.raises(InputError, match="no importance column"):
        load_responses(p)


def test_duplicate_ids_name_rows(tmp_path: Path) -> None:
    p = _write(tmp_path, "respondent_id,imp:a,sat:a\nr1,5,3\nr2,4,4\nr1,1,1\n")
    with pytest.raises(InputError, match=r"'r1' appears in rows \[1, 3\]"):
        load_responses(p)


def test_id_column_option(tmp_path: Path) -> None:
    p = _write(tmp_path, "who,imp:a,sat:a\nann,5,3\nbob,4,4\n")
    assert list(load_responses(p, id_column="who").ids) == ["ann", "bob"]
    with pytest.raises(InputError, match="id column 'nope' not found"):
        load_responses(p, id_column="nope")


def test_empty_file_and_header_only(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="empty"):
        load_responses(_write(tmp_path, ""))
    with pytest.raises(ImportFailed, match="no responses"):
        load_responses(_write(tmp_path, "imp:a,sat:a\n", "h.csv"))


def test_no_rating_columns_lists_patterns(tmp_path: Path) -> None:
    with pytest.raises(InputError) as e:
        load_responses(_write(tmp_path, "q1,q2\n3,4\n"))
    assert "Importance - <outcome>" in str(e.value) and "--items" in str(e.value)


def test_gzip_and_xlsx_and_dataframe(tmp_path: Path) -> None:
    text = "respondent_id,imp:a,sat:a\n1,5,2\n2,4,5\n"
    gz = tmp_path / "r.csv.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write(text)
    xlsx = tmp_path / "r.xlsx"
    pd.read_csv(_write(tmp_path, text)).to_excel(xlsx, index=False)
    df = pd.DataFrame({"respondent_id": [1, 2], "imp:a": [5, 4], "sat:a": [2, 5]})
    for src in (gz, xlsx, df):
        r = load_responses(src)
        assert r.importance[:, 0].tolist() == [5, 4] and r.satisfaction[:, 0].tolist() == [2, 5]


def test_items_mode(tmp_path: Path) -> None:
    p = _write(tmp_path, "country,q1,q2\nCA,Strongly agree,9\nUS,Disagree,10\nMX,,2\n")
    items = load_items(p)
    assert items.items == ("q1", "q2")
    assert list(items.attributes.columns) == ["country"]
    q1, q2 = score_items(items)
    assert q1.scale == 4 and q1.n == 2 and q1.top_two_box == 5.0
    assert q2.scale == 10 and q2.top_two_box == pytest.approx(20 / 3)
