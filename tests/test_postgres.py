"""The study database on a real PostgreSQL server (started by ``pg.py``): migrations, imports,
dedupe, coding with human review kept on recode, artifacts, search, stats and the CLI."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from jtbd.model import CodeResult, Excerpt, ParsedDocument, Role, Turn
from jtbd.store import Store, migrate
from pg import pg_cluster, pg_url  # noqa: F401  (pytest fixtures)

TEXT = ("Interviewer: What happened before you switched?\n"
        "Ana: Invoices were a mess and I kept forgetting to bill clients.\n"
        "Interviewer: What did you look at?\n"
        "Ana: I tried Wave, but I worried about moving my data. Ünïcode ✓ stays intact.")


def _doc(text_: str = TEXT, source: str = "ana.md", **meta: object) -> ParsedDocument:
    turns = []
    pos = 0
    for line in text_.split("\n"):
        name, _, said = line.partition(": ")
        start = pos + len(name) + 2
        role = Role.INTERVIEWER if name == "Interviewer" else Role.CUSTOMER
        turns.append(Turn(start, start + len(said), name, role))
        pos += len(line) + 1
    return ParsedDocument(source=source, kind="interview", text=text_, turns=tuple(turns),
                          title="Ana", metadata=dict(meta))


def _customer_excerpts(doc: ParsedDocument) -> list[Excerpt]:
    return [Excerpt(t.start, t.end, doc.text[t.start:t.end], t.speaker, t.role, i)
            for i, t in enumerate(doc.turns) if t.role == Role.CUSTOMER]


def _ai(*codes: str) -> CodeResult:
    return CodeResult(codes, {c: 0.8 for c in codes}, "jtbd-local", "1")


def test_open_migrates_a_fresh_database_to_head(pg_url: str) -> None:
    st = Store.open(pg_url)
    try:
        assert st.engine.dialect.name == "postgresql"
        assert st.sqlite_file is None and st.backup is None
        assert migrate.current_revision(st.engine) == migrate.head_revision()
        tables = set(inspect(st.engine).get_table_names())
        assert {"documents", "turns", "excerpts", "codes", "artifacts", "edit_log", "alembic_version"} <= tables
    finally:
        st.close()
    again = Store.open(pg_url)  # reopening an up-to-date database is a no-op
    assert migrate.current_revision(again.engine) == migrate.head_revision()
    again.close()


def test_import_dedupe_and_read_back(pg_url: str) -> None:
    st = Store.open(pg_url)
    try:
        doc = _doc(participant_id="p1", rating=4)
        assert st.import_documents("ana.md", "file-1", "interview", [(doc, "h-ana")]) == (1, 0)
        # same content from another file: counted as a duplicate, not stored twice
        other = _doc(TEXT.replace("Ana", "Ben"), "ben.md")
        assert st.import_documents("copy.md", "file-2", "interview", [(doc, "h-ana"), (other, "h-ben")]) == (1, 1)
        assert st.file_already_imported("file-1") and not st.file_already_imported("nope")
        assert st.count_documents() == 2 and st.count_documents("review") == 0

        listed = st.list_documents()
        assert [d.name for d in listed] == ["ana.md", "copy.md"]
        first = listed[0]
        assert first.meta == {"participant_id": "p1", "rating": 4}
        assert [(s.name, s.role) for s in first.speakers] == [("Interviewer", "interviewer"), ("Ana", "customer")]
        assert isinstance(first.imported_at, datetime)

        full = st.get_document(first.id)
        assert full is not None and full.text == TEXT  # unicode and newlines unchanged
        assert [(t.start, t.end, t.speaker, t.role) for t in full.turns] == [
            (t.start, t.end, t.speaker, t.role.value if t.role else None) for t in doc.turns]
        assert st.list_documents(limit=1, offset=1)[0].name == "copy.md"
    finally:
        st.close()


def test_recoding_keeps_human_review_on_postgres(pg_url: str) -> None:
    st = Store.open(pg_url)
    try:
        doc = _doc()
        st.import_documents("ana.md", "f1", "interview", [(doc, "h")])
        doc_id = st.pending_document_ids()[0]
        exs = _customer_excerpts(doc)
        st.save_coding(doc_id, exs, [_ai("push", "emotional"), _ai("anxiety")], [None, "What did you look at?"],
                       [], "jtbd-local 1")
        assert st.pending_document_ids() == []
        coded = st.excerpts(document_id=doc_id)
        assert [e.text for e in coded] == [e.text for e in exs]
        assert coded[1].question == "What did you look at?"
        push = next(c for c in coded[0].codes if c.code == "push")
        emo = next(c for c in coded[0].codes if c.code == "emotional")
        st.set_code_status(push.id, "accepted", "maria")
        st.set_code_status(emo.id, "rejected", "maria")
        human = st.add_human_code(coded[1].id, "habit", "maria")

        # the model now says something else: suggestions are replaced, human decisions kept
        st.save_coding(doc_id, exs, [_ai("push", "emotional", "trigger"), _ai("pull")], [None, None], [],
                       "jtbd-local 2")
        after = st.excerpts(document_id=doc_id)
        assert [e.id for e in after] == [e.id for e in coded]  # same spans, same rows
        first = {c.code: c for c in after[0].codes}
        assert first["push"].status == "accepted" and first["push"].reviewed_by == "maria"
        assert first["emotional"].status == "rejected"  # not suggested again
        assert first["trigger"].status == "suggested"
        assert sorted(after[0].active_codes) == ["push", "trigger"]
        second = {c.code: c for c in after[1].codes}
        assert set(second) == {"habit", "pull"} and second["habit"].id == human
        assert [e["action"] for e in st.edit_log()][:3] == ["code.add", "code.rejected", "code.accepted"]
    finally:
        st.close()


def test_artifacts_round_trip_json(pg_url: str) -> None:
    st = Store.open(pg_url)
    try:
        data = {"jobs": [{"id": "J1", "statement": "When invoices pile up, get paid ✓", "score": 0.5,
                          "tags": ["a", None, True], "nested": {"n": 3}}], "empty": {}, "unicode": "Zoë"}
        st.save_artifact("synthesis", data)
        st.save_artifact("synthesis", {**data, "version": 2})  # replaced, not duplicated
        st.save_artifact("coding_sheets", {"maria": [1, 2]})
        assert st.load_artifact("synthesis") == {**data, "version": 2}
        assert st.load_artifact("missing") is None
        assert st.artifact_names() == ["coding_sheets", "synthesis"]
        with st.engine.connect() as c:  # stored as real JSON, queryable by the server
            got = c.execute(text("SELECT data->>'unicode' FROM artifacts WHERE name = 'synthesis'")).scalar_one()
        assert got == "Zoë"
    finally:
        st.close()


def test_search_and_stats(pg_url: str) -> None:
    st = Store.open(pg_url)
    try:
        doc = _doc()
        st.import_documents("ana.md", "f1", "interview", [(doc, "h1")])
        review = ParsedDocument(source="r.csv", kind="review", text="100% WAVE fan_club", turns=(), row=0)
        st.import_documents("r.csv", "f2", "review", [(review, "h2")])
        ana_id = st.list_documents(kind="interview")[0].id
        rev_id = st.list_documents(kind="review")[0].id
        st.save_coding(ana_id, _customer_excerpts(doc), [_ai("push"), _ai("anxiety", "alternative")],
                       [None, None], [], "jtbd-local 1")
        st.save_coding(rev_id, [Excerpt(0, 18, review.text)], [_ai("pull")], [None], [], "jtbd-local 1")

        hits = st.search("wave")  # case-insensitive, on the excerpt text
        assert sorted(h.document_id for h in hits) == [ana_id, rev_id]
        assert st.search("  ") == [] and st.search("not there") == []
        assert [h.text for h in st.search("ünïcode")] == [_customer_excerpts(doc)[1].text]
        # LIKE wildcards in the query are matched literally
        assert [h.document_id for h in st.search("100%")] == [rev_id]
        assert [h.document_id for h in st.search("fan_club")] == [rev_id]
        assert st.search("wave_fan") == []  # `_` is not a wildcard

        stats = st.stats()
        assert stats["documents"] == 2 and stats["by_kind"] == {"interview": 1, "review": 1}
        assert stats["coded_documents"] == 2 and stats["excerpts"] == 3
        assert stats["codes"] == {"push": 1, "anxiety": 1, "alternative": 1, "pull": 1}
        assert stats["code_status"] == {"suggested": 4} and stats["participants"] == 0
        counts = {d.id: (d.excerpt_count, d.code_count) for d in st.list_documents()}
        assert counts == {ana_id: (2, 3), rev_id: (1, 1)}
    finally:
        st.close()


def test_cli_init_import_list_on_postgres(pg_url: str, tmp_path: Path, interview_file: Path) -> None:
    from jtbd.cli import app

    runner = CliRunner()
    study = tmp_path / "study"
    res = runner.invoke(app, ["--db", pg_url, "init", str(study)])
    assert res.exit_code == 0, res.output
    assert not (study / "study.sqlite").exists()  # the data lives on the server

    res = runner.invoke(app, ["--db", pg_url, "--study", str(study), "import", str(interview_file)])
    assert res.exit_code == 0, res.output
    assert "1 document(s)" in " ".join(res.output.split())  # rich wraps long lines
    res = runner.invoke(app, ["--db", pg_url, "--study", str(study), "import", str(interview_file)])
    assert res.exit_code == 0 and "already imported" in res.output

    res = runner.invoke(app, ["--db", pg_url, "--study", str(study), "list", "--json"])
    assert res.exit_code == 0, res.output
    docs = json.loads(res.stdout)["documents"]
    assert len(docs) == 1 and docs[0]["kind"] == "interview" and docs[0]["name"] == "zoe.md"

    # the URL came from JTBD_DATABASE_URL-free config: `init --db` remembered it for the study
    res = runner.invoke(app, ["--study", str(study), "list", "--json"])
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.stdout)["documents"]) == 1
    res = runner.invoke(app, ["--study", str(study), "list", "--json"], env={"JTBD_DATABASE_URL": pg_url})
    assert res.exit_code == 0 and len(json.loads(res.stdout)["documents"]) == 1


def test_search_matches_backslashes_literally(pg_url: str) -> None:
    st = Store.open(pg_url)
    try:
        doc = ParsedDocument(source="t.csv", kind="ticket", text=r"Export fails in C:\Users\ana\Invoices", turns=(), row=0)
        st.import_documents("t.csv", "f1", "ticket", [(doc, "h1")])
        doc_id = st.list_documents()[0].id
        st.save_coding(doc_id, [Excerpt(0, len(doc.text), doc.text)], [_ai("push")], [None], [], "jtbd-local 1")
        assert [h.document_id for h in st.search(r"c:\users")] == [doc_id]
    finally:
        st.close()


def test_unreachable_server_is_a_clear_input_error(tmp_path: Path) -> None:
    pytest.importorskip("psycopg", reason="psycopg is not installed; pip install 'jtbd[postgres]'")
    from jtbd.errors import InputError
    from pg import _free_port

    url = f"postgresql+psycopg://bob:s3cret@127.0.0.1:{_free_port()}/nothing"  # nobody listens there
    with pytest.raises(InputError) as err:
        Store.open(url)
    assert "s3cret" not in str(err.value)  # never echo the password
