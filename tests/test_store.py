"""The storage gateway: migrations, backups, atomic writes, human codes kept."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from jtbd.model import CodeResult, Excerpt, ParsedDocument, Role, Turn
from jtbd.store import Store
from jtbd.store import migrate


def _doc(text_: str = "Interviewer: Why?\nAna: It was slow.") -> ParsedDocument:
    i = text_.index("Why?")
    a = text_.index("It was slow.")
    return ParsedDocument(source="a.md", kind="interview", text=text_,
                          turns=(Turn(i, i + 4, "Interviewer", Role.INTERVIEWER), Turn(a, a + 12, "Ana", Role.CUSTOMER)))


def test_new_database_is_at_head_and_uses_wal(tmp_path: Path) -> None:
    st = Store.open(sqlite_file=tmp_path / "s.sqlite")
    assert migrate.current_revision(st.engine) == migrate.head_revision()
    with st.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert st.backup is None


def test_upgrade_backs_up_the_sqlite_file(tmp_path: Path) -> None:
    f = tmp_path / "s.sqlite"
    st = Store.open(sqlite_file=f)
    st.import_documents("a.md", "h1", "interview", [(_doc(), "c1")])
    with st.engine.begin() as c:  # pretend the file was made by an older jtbd
        c.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    st.close()
    from unittest import mock

    with mock.patch.object(migrate, "command") as cmd:
        st2 = Store.open(sqlite_file=f)
    assert st2.backup is not None and st2.backup.exists()
    assert "0000" in st2.backup.name
    cmd.upgrade.assert_called_once()


def test_import_is_deduplicated_by_content_hash(tmp_path: Path) -> None:
    st = Store.open(sqlite_file=tmp_path / "s.sqlite")
    assert st.import_documents("a.md", "f1", "interview", [(_doc(), "same")]) == (1, 0)
    assert st.import_documents("b.md", "f2", "interview", [(_doc(), "same")]) == (0, 1)
    assert st.count_documents() == 1
    d = st.list_documents()[0]
    assert [(s.name, s.role) for s in d.speakers] == [("Interviewer", "interviewer"), ("Ana", "customer")]


def test_recoding_keeps_human_decisions(tmp_path: Path) -> None:
    st = Store.open(sqlite_file=tmp_path / "s.sqlite")
    doc = _doc()
    st.import_documents("a.md", "f1", "interview", [(doc, "c")])
    doc_id = st.list_documents()[0].id
    t = doc.turns[1]
    ex = [Excerpt(t.start, t.end, doc.text[t.start:t.end], "Ana", Role.CUSTOMER, 1)]
    ai = CodeResult(("push", "emotional"), {"push": 0.9, "emotional": 0.6}, "jtbd-local", "1")
    st.save_coding(doc_id, ex, [ai], ["Why?"], [], "jtbd-local 1")
    rec = st.excerpts(document_id=doc_id)[0]
    push = next(c for c in rec.codes if c.code == "push")
    emo = next(c for c in rec.codes if c.code == "emotional")
    st.set_code_status(push.id, "accepted", "maria")
    st.set_code_status(emo.id, "rejected", "maria")
    st.add_human_code(rec.id, "trigger", "maria")
    # the AI runs again and would suggest push and emotional again
    st.save_coding(doc_id, ex, [ai], ["Why?"], [], "jtbd-local 1")
    rec = st.excerpts(document_id=doc_id)[0]
    assert rec.active_codes == ("push", "trigger")
    statuses = sorted((c.code, c.status, c.origin) for c in rec.codes)
    assert statuses == [("emotional", "rejected", "ai"), ("push", "accepted", "ai"), ("trigger", "added", "human")]
    assert rec.question == "Why?"
    assert len(st.edit_log()) == 3


def test_artifacts_round_trip_and_search(tmp_path: Path) -> None:
    st = Store.open(sqlite_file=tmp_path / "s.sqlite")
    st.save_artifact("synthesis", {"jobs": [{"id": "job-1"}]})
    st.save_artifact("synthesis", {"jobs": []})
    assert st.load_artifact("synthesis") == {"jobs": []}
    assert st.load_artifact("missing") is None
    doc = _doc()
    st.import_documents("a.md", "f1", "interview", [(doc, "c")])
    doc_id = st.list_documents()[0].id
    t = doc.turns[1]
    st.save_coding(doc_id, [Excerpt(t.start, t.end, "It was slow.", "Ana", Role.CUSTOMER, 1)],
                   [CodeResult((), {}, "x", "1")], [None], [], "x 1")
    assert [e.text for e in st.search("SLOW")] == ["It was slow."]
    assert st.search("nothing like this") == []
