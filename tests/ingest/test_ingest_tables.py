"""CSV, XLSX and JSONL: one document per row."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from jtbd.errors import ImportFailed
from jtbd.ingest import read_path
from jtbd.model import Role, Turn


def test_csv_rows_metadata_and_skipped_rows(tmp_path: Path) -> None:
    f = tmp_path / "reviews.csv"
    f.write_text('id,Review,stars\n1,"Great, fast",5\n2,,3\n\n3,"Line one\nline two",1\n',
                 encoding="utf-8")
    docs = read_path(f)
    assert [(d.row, d.text, d.metadata) for d in docs] == [
        (0, "Great, fast", {"id": "1", "stars": "5"}),
        (2, "Line one\nline two", {"id": "3", "stars": "1"}),
    ]
    assert all(d.kind == "review" and d.source == str(f) for d in docs)
    assert docs[1].turns == (Turn(0, len(docs[1].text), None, Role.CUSTOMER),)


def test_csv_semicolon_bom_cp1252(tmp_path: Path) -> None:
    f = tmp_path / "tickets.csv"
    f.write_bytes("Kunde;Kommentar;Land\nA;Très “cher”;FR\nB;Zu teuer;DE\n".encode("cp1252"))
    docs = read_path(f, text_column="kommentar", kind="ticket")
    assert [(d.text, d.metadata, d.kind) for d in docs] == [
        ("Très “cher”", {"Kunde": "A", "Land": "FR"}, "ticket"),
        ("Zu teuer", {"Kunde": "B", "Land": "DE"}, "ticket")]
    g = tmp_path / "bom.csv"
    g.write_bytes("\ufefftext\tscore\nok\t4\n".encode("utf-8"))
    [doc] = read_path(g)
    assert (doc.text, doc.metadata) == ("ok", {"score": "4"})


def test_csv_too_many_fields_names_line(tmp_path: Path) -> None:
    f = tmp_path / "bad.csv"
    f.write_text("id,text\n1,fine\n2,too,many\n")
    with pytest.raises(ImportFailed, match="3 fields but the header has 2") as info:
        read_path(f)
    assert info.value.line == 3
    assert str(info.value).startswith(f"{f}, line 3")


def test_csv_unterminated_quote_names_line(tmp_path: Path) -> None:
    f = tmp_path / "quote.csv"
    f.write_text('id,text\n1,fine\n2,"never closed\n3,more\n')
    with pytest.raises(ImportFailed, match="quote") as info:
        read_path(f)
    assert info.value.line == 3


def test_missing_text_column_lists_columns(tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text("id,label\n1,hello\n")
    with pytest.raises(ImportFailed, match=r"'id', 'label'.*--text-column NAME"):
        read_path(f)
    with pytest.raises(ImportFailed, match=r"no column 'body'.*'label'.*--text-column") as i:
        read_path(f, text_column="body")
    assert i.value.column == "body"
    g = tmp_path / "two.csv"
    g.write_text("text,comment\na,b\n")
    with pytest.raises(ImportFailed, match="several columns"):
        read_path(g)


def test_header_only_and_all_empty(tmp_path: Path) -> None:
    f = tmp_path / "h.csv"
    f.write_text("id,text\n")
    with pytest.raises(ImportFailed, match="no data rows"):
        read_path(f)
    g = tmp_path / "e.csv"
    g.write_text("id,text\n1,\n2,  \n")
    with pytest.raises(ImportFailed, match="empty 'text'"):
        read_path(g)


def test_xlsx(tmp_path: Path) -> None:
    f = tmp_path / "survey.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["respondent", "Answer", "score", "when", "note"])
    sheet.append([101, "I want to feel in control", 4.0, date(2024, 5, 3), None])
    sheet.append([102, None, 2.5, None, "skipped"])
    sheet.append([103, "Less admin", 3, None, None])
    book.save(f)
    docs = read_path(f, kind="survey-answer")
    assert [(d.row, d.text, d.metadata, d.kind) for d in docs] == [
        (0, "I want to feel in control",
         {"respondent": "101", "score": "4", "when": "2024-05-03T00:00:00"}, "survey-answer"),
        (2, "Less admin", {"respondent": "103", "score": "3"}, "survey-answer"),
    ]


def test_jsonl(tmp_path: Path) -> None:
    f = tmp_path / "msgs.jsonl"
    rows = [{"message": "Cancel my plan", "user": 7, "tags": ["churn"], "vip": True,
             "extra": None}, {"message": "", "user": 8}, {"message": "Too slow", "user": 9}]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    docs = read_path(f)
    assert [(d.row, d.text, d.metadata) for d in docs] == [
        (0, "Cancel my plan", {"user": "7", "tags": '["churn"]', "vip": "true"}),
        (2, "Too slow", {"user": "9"}),
    ]


def test_jsonl_invalid_line(tmp_path: Path) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_text('{"text": "ok"}\n\n{"text": oops}\n')
    with pytest.raises(ImportFailed, match="not valid JSON") as info:
        read_path(f)
    assert info.value.line == 3
    assert str(info.value).startswith(f"{f}, line 3")
    g = tmp_path / "list.jsonl"
    g.write_text('["text"]\n')
    with pytest.raises(ImportFailed, match="not an object"):
        read_path(g)


def test_text_column_found_inside_a_longer_name(tmp_path: Path) -> None:
    p = tmp_path / "export.csv"
    p.write_text('id,rating,Review_Text,date\n1,2,"It crashes on start.",2024-01-01\n', encoding="utf-8")
    (doc,) = read_path(str(p))
    assert doc.text == "It crashes on start." and doc.metadata["rating"] == "2"


def test_longest_of_several_text_like_columns_wins(tmp_path: Path) -> None:
    p = tmp_path / "export.csv"
    p.write_text("review_title,review_text\nBad,The app crashes every time I open it and loses notes.\n"
                 "Good,Love it: it syncs fast across all of my devices now.\n", encoding="utf-8")
    docs = read_path(str(p))
    assert [d.text[:7] for d in docs] == ["The app", "Love it"]


def test_text_like_columns_of_similar_length_are_ambiguous(tmp_path: Path) -> None:
    p = tmp_path / "export.csv"
    p.write_text("user_comment,agent_response\nIt broke again today.,We are sorry to hear it.\n",
                 encoding="utf-8")
    with pytest.raises(ImportFailed, match="several columns could hold the text.*--text-column"):
        read_path(str(p))
