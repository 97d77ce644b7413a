"""The storage gateway: the only place in jtbd that talks SQL.

``Store`` opens a study database (SQLite in the study folder by default, or any SQLAlchemy URL
such as PostgreSQL), keeps the schema current with Alembic, and offers one method per use.
Every write that must be all-or-nothing runs in a single transaction.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, insert, or_, select, update
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from jtbd.errors import InputError
from jtbd.model import AlternativeMention, CodeResult, Excerpt, ParsedDocument
from jtbd.store import migrate
from jtbd.store import schema as s
from jtbd.store.records import (
    ACTIVE_STATUSES,
    CodeRecord,
    DocumentRecord,
    ExcerptRecord,
    SpeakerRecord,
    TurnRecord,
)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _hide_password(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


class Store:
    """Gateway over one study database."""

    def __init__(self, engine: Engine, sqlite_file: Path | None = None) -> None:
        self.engine = engine
        self.sqlite_file = sqlite_file
        self.backup: Path | None = migrate.upgrade(engine, sqlite_file)

    @classmethod
    def open(cls, url: str | None = None, sqlite_file: Path | None = None) -> Store:
        if url is None:
            if sqlite_file is None:
                raise ValueError("give a database URL or a SQLite file")
            url = f"sqlite:///{sqlite_file}"
        elif not url.startswith("sqlite"):
            sqlite_file = None
        try:
            engine = create_engine(url, future=True)
        except (ArgumentError, NoSuchModuleError) as exc:
            raise InputError(f"cannot use database URL {_hide_password(url)!r}: {exc}") from None
        except ImportError as exc:  # the dialect's driver is not installed
            raise InputError(f"cannot use database URL {_hide_password(url)!r}: {exc}; for PostgreSQL "
                             "install the driver with `pip install 'jtbd[postgres]'`") from None
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        try:
            return cls(engine, sqlite_file)
        except OperationalError as exc:
            engine.dispose()
            shown = engine.url.render_as_string(hide_password=True)
            raise InputError(f"cannot open the database {shown}: {str(exc.orig).strip().splitlines()[0]}; "
                             "check the URL, that the server is running, and the credentials "
                             "(put the password in JTBD_DATABASE_URL or ~/.pgpass)") from None

    def close(self) -> None:
        self.engine.dispose()

    # ----------------------------------------------------------------- imports
    def file_already_imported(self, file_hash: str) -> bool:
        with self.engine.connect() as c:
            return c.execute(select(s.imports.c.id).where(s.imports.c.file_hash == file_hash)).first() is not None

    def import_documents(self, source: str, file_hash: str, kind: str,
                         docs: Sequence[tuple[ParsedDocument, str]]) -> tuple[int, int]:
        """Store the documents of one file atomically. ``docs`` pairs each document with its
        content hash. Returns (added, duplicates)."""
        added = dup = 0
        now = _now()
        with self.engine.begin() as c:
            hashes = [h for _, h in docs]
            existing: set[str] = set()
            for i in range(0, len(hashes), 500):
                chunk = hashes[i:i + 500]
                existing.update(r[0] for r in c.execute(
                    select(s.documents.c.content_hash).where(s.documents.c.content_hash.in_(chunk))))
            import_id = c.execute(insert(s.imports).values(
                source=source, file_hash=file_hash, kind=kind, documents=0, imported_at=now
            ).returning(s.imports.c.id)).scalar_one()
            name = Path(source).name
            for doc, h in docs:
                if h in existing:
                    dup += 1
                    continue
                existing.add(h)
                doc_id = c.execute(insert(s.documents).values(
                    import_id=import_id, source=source, name=name, kind=doc.kind, content_hash=h,
                    title=doc.title, row=doc.row, text=doc.text, meta=dict(doc.metadata),
                    imported_at=now,
                ).returning(s.documents.c.id)).scalar_one()
                if doc.turns:
                    c.execute(insert(s.turns), [
                        {"document_id": doc_id, "idx": i, "start": t.start, "end": t.end,
                         "speaker": t.speaker, "role": t.role.value if t.role else None}
                        for i, t in enumerate(doc.turns)
                    ])
                roles: dict[str, str] = {}
                for t in doc.turns:
                    if t.speaker and t.speaker not in roles:
                        roles[t.speaker] = t.role.value if t.role else "customer"
                if roles:
                    c.execute(insert(s.speakers), [
                        {"document_id": doc_id, "name": n, "role": r} for n, r in roles.items()])
                added += 1
            c.execute(update(s.imports).where(s.imports.c.id == import_id).values(documents=added))
        return added, dup

    # ------------------------------------------------------------ participants
    def documents_index(self) -> list[tuple[int, str, str, dict[str, Any], list[str]]]:
        """(id, name, source, metadata, customer speaker names) for every document."""
        with self.engine.connect() as c:
            sp: dict[int, list[str]] = defaultdict(list)
            for doc_id, name, role in c.execute(select(s.speakers.c.document_id, s.speakers.c.name, s.speakers.c.role)):
                sp[doc_id].append(name)
            return [(r.id, r.name, r.source, r.meta or {}, sp.get(r.id, []))
                    for r in c.execute(select(s.documents.c.id, s.documents.c.name, s.documents.c.source, s.documents.c.meta))]

    def attach_participants(self, links: Sequence[tuple[str, str | None, str | None, dict[str, Any],
                                                        list[tuple[int, str | None]]]]) -> int:
        """Store participants and link them, atomically. Each link is (external id, speaker,
        document, attributes, [(document id, speaker name or None)])."""
        with self.engine.begin() as c:
            for ext_id, speaker, document, attrs, targets in links:
                row = c.execute(select(s.participants.c.id).where(s.participants.c.external_id == ext_id)).first()
                if row:
                    pid = row[0]
                    c.execute(update(s.participants).where(s.participants.c.id == pid).values(
                        speaker=speaker, document=document, attributes=attrs))
                else:
                    pid = c.execute(insert(s.participants).values(
                        external_id=ext_id, speaker=speaker, document=document, attributes=attrs
                    ).returning(s.participants.c.id)).scalar_one()
                for doc_id, sp_name in targets:
                    if sp_name is None:
                        c.execute(update(s.documents).where(s.documents.c.id == doc_id).values(participant_id=pid))
                    else:
                        c.execute(update(s.speakers).where(
                            (s.speakers.c.document_id == doc_id) & (s.speakers.c.name == sp_name)
                        ).values(participant_id=pid))
                        c.execute(update(s.documents).where(s.documents.c.id == doc_id).values(participant_id=pid))
        return len(links)

    def participants(self) -> dict[str, dict[str, Any]]:
        with self.engine.connect() as c:
            return {r.external_id: dict(r.attributes or {}) for r in c.execute(select(s.participants))}

    # --------------------------------------------------------------- documents
    def _participant_names(self, c: Connection) -> dict[int, str]:
        return {r.id: r.external_id for r in c.execute(select(s.participants.c.id, s.participants.c.external_id))}

    def list_documents(self, *, kind: str | None = None, limit: int | None = None, offset: int = 0,
                       with_counts: bool = True) -> list[DocumentRecord]:
        with self.engine.connect() as c:
            pnames = self._participant_names(c)
            q = select(s.documents.c.id, s.documents.c.source, s.documents.c.name, s.documents.c.kind,
                       s.documents.c.title, s.documents.c.row, s.documents.c.meta, s.documents.c.participant_id,
                       s.documents.c.coded_by, s.documents.c.imported_at,
                       func.length(s.documents.c.text).label("chars")).order_by(s.documents.c.id)
            if kind:
                q = q.where(s.documents.c.kind == kind)
            if limit is not None:
                q = q.limit(limit).offset(offset)
            rows = c.execute(q).all()
            ids = [r.id for r in rows]
            sp: dict[int, list[SpeakerRecord]] = defaultdict(list)
            counts: dict[int, tuple[int, int]] = {}
            if ids:
                sq = select(s.speakers).order_by(s.speakers.c.id)
                if limit is not None:
                    sq = sq.where(s.speakers.c.document_id.in_(ids))
                for r in c.execute(sq):
                    sp[r.document_id].append(SpeakerRecord(r.name, r.role, pnames.get(r.participant_id)))
                if with_counts:
                    eq = select(s.excerpts.c.document_id, func.count(s.excerpts.c.id)).group_by(s.excerpts.c.document_id)
                    cq = (select(s.excerpts.c.document_id, func.count(s.codes.c.id))
                          .join(s.codes, s.codes.c.excerpt_id == s.excerpts.c.id)
                          .where(s.codes.c.status.in_(ACTIVE_STATUSES)).group_by(s.excerpts.c.document_id))
                    if limit is not None:
                        eq = eq.where(s.excerpts.c.document_id.in_(ids))
                        cq = cq.where(s.excerpts.c.document_id.in_(ids))
                    ec = dict(c.execute(eq).all())
                    cc = dict(c.execute(cq).all())
                    counts = {i: (ec.get(i, 0), cc.get(i, 0)) for i in ids}
            return [DocumentRecord(
                id=r.id, source=r.source, name=r.name, kind=r.kind, title=r.title, row=r.row,
                meta=r.meta or {}, participant=pnames.get(r.participant_id), speakers=tuple(sp.get(r.id, [])),
                coded_by=r.coded_by, imported_at=r.imported_at,
                excerpt_count=counts.get(r.id, (0, 0))[0], code_count=counts.get(r.id, (0, 0))[1],
            ) for r in rows]

    def count_documents(self, kind: str | None = None) -> int:
        with self.engine.connect() as c:
            q = select(func.count(s.documents.c.id))
            if kind:
                q = q.where(s.documents.c.kind == kind)
            return int(c.execute(q).scalar_one())

    def get_document(self, doc_id: int) -> DocumentRecord | None:
        with self.engine.connect() as c:
            r = c.execute(select(s.documents).where(s.documents.c.id == doc_id)).first()
            if r is None:
                return None
            pnames = self._participant_names(c)
            speakers = tuple(SpeakerRecord(x.name, x.role, pnames.get(x.participant_id)) for x in c.execute(
                select(s.speakers).where(s.speakers.c.document_id == doc_id).order_by(s.speakers.c.id)))
            turns = tuple(TurnRecord(t.idx, t.start, t.end, t.speaker, t.role) for t in c.execute(
                select(s.turns).where(s.turns.c.document_id == doc_id).order_by(s.turns.c.idx)))
            return DocumentRecord(
                id=r.id, source=r.source, name=r.name, kind=r.kind, title=r.title, row=r.row, meta=r.meta or {},
                participant=pnames.get(r.participant_id), speakers=speakers, coded_by=r.coded_by,
                imported_at=r.imported_at, text=r.text, turns=turns)

    def document_texts(self) -> dict[int, str]:
        with self.engine.connect() as c:
            return dict(c.execute(select(s.documents.c.id, s.documents.c.text)).all())

    # ------------------------------------------------------------------ coding
    def pending_document_ids(self, *, recode: bool = False) -> list[int]:
        with self.engine.connect() as c:
            q = select(s.documents.c.id).order_by(s.documents.c.id)
            if not recode:
                q = q.where(s.documents.c.coded_at.is_(None))
            return [r[0] for r in c.execute(q)]

    def save_coding(self, doc_id: int, excerpts: Sequence[Excerpt], results: Sequence[CodeResult],
                    questions: Sequence[str | None], mentions: Iterable[AlternativeMention], coder: str) -> None:
        """Store one document's AI coding atomically. AI suggestions are replaced; codes people
        added, accepted or rejected are kept, and a rejected code is not suggested again."""
        now = _now()
        with self.engine.begin() as c:
            old = {(r.start, r.end): r.id for r in c.execute(
                select(s.excerpts.c.id, s.excerpts.c.start, s.excerpts.c.end).where(s.excerpts.c.document_id == doc_id))}
            reviewed: dict[int, set[str]] = defaultdict(set)
            if old:
                ids = list(old.values())
                c.execute(delete(s.codes).where(s.codes.c.excerpt_id.in_(ids) & (s.codes.c.origin == "ai")
                                                & (s.codes.c.status == "suggested")))
                for ex_id, code in c.execute(select(s.codes.c.excerpt_id, s.codes.c.code).where(s.codes.c.excerpt_id.in_(ids))):
                    reviewed[ex_id].add(code)
            code_rows = []
            for ex, res, q in zip(excerpts, results, questions, strict=True):
                key = (ex.start, ex.end)
                ex_id = old.get(key)
                if ex_id is None:
                    ex_id = c.execute(insert(s.excerpts).values(
                        document_id=doc_id, start=ex.start, end=ex.end, speaker=ex.speaker,
                        role=ex.role.value if ex.role else None, turn_index=ex.turn_index, question=q,
                    ).returning(s.excerpts.c.id)).scalar_one()
                for code in res.codes:
                    if code in reviewed.get(ex_id, ()):
                        continue
                    code_rows.append({"excerpt_id": ex_id, "code": code, "confidence": float(res.scores.get(code, 1.0)),
                                      "coder": res.coder, "coder_version": res.coder_version, "origin": "ai",
                                      "status": "suggested", "updated_at": now})
            if code_rows:
                c.execute(insert(s.codes), code_rows)
            c.execute(delete(s.alternatives).where(s.alternatives.c.document_id == doc_id))
            alt_rows = [{"document_id": doc_id, "name": m.name, "kind": m.kind, "start": m.start, "end": m.end,
                         "surface": m.surface} for m in mentions]
            if alt_rows:
                c.execute(insert(s.alternatives), alt_rows)
            c.execute(update(s.documents).where(s.documents.c.id == doc_id).values(coded_by=coder, coded_at=now))

    def excerpts(self, *, document_id: int | None = None, customer_only: bool = False,
                 excerpt_ids: Sequence[int] | None = None) -> list[ExcerptRecord]:
        with self.engine.connect() as c:
            q = select(s.excerpts).order_by(s.excerpts.c.document_id, s.excerpts.c.start)
            cq = select(s.codes).order_by(s.codes.c.id)
            if document_id is not None:
                q = q.where(s.excerpts.c.document_id == document_id)
                cq = cq.join(s.excerpts, s.excerpts.c.id == s.codes.c.excerpt_id).where(s.excerpts.c.document_id == document_id)
            if excerpt_ids is not None:
                q = q.where(s.excerpts.c.id.in_(list(excerpt_ids)))
                cq = cq.where(s.codes.c.excerpt_id.in_(list(excerpt_ids)))
            if customer_only:
                q = q.where(or_(s.excerpts.c.role.is_(None), s.excerpts.c.role == "customer"))
            rows = c.execute(q).all()
            codes: dict[int, list[CodeRecord]] = defaultdict(list)
            for r in c.execute(cq):
                codes[r.excerpt_id].append(CodeRecord(r.id, r.excerpt_id, r.code, r.confidence, r.coder,
                                                      r.coder_version, r.origin, r.status, r.reviewed_by))
            doc_ids = {r.document_id for r in rows}
            texts: dict[int, str] = {}
            if doc_ids:
                texts = dict(c.execute(select(s.documents.c.id, s.documents.c.text).where(
                    s.documents.c.id.in_(list(doc_ids)))).all())
            return [ExcerptRecord(r.id, r.document_id, r.start, r.end, texts[r.document_id][r.start:r.end],
                                  r.speaker, r.role, r.turn_index, r.question, tuple(codes.get(r.id, [])))
                    for r in rows]

    def alternatives(self) -> list[tuple[int, AlternativeMention]]:
        with self.engine.connect() as c:
            return [(r.document_id, AlternativeMention(r.name, r.kind, r.start, r.end, r.surface))
                    for r in c.execute(select(s.alternatives).order_by(s.alternatives.c.id))]

    # ----------------------------------------------------------- human review
    def excerpt_document(self, excerpt_id: int) -> int | None:
        with self.engine.connect() as c:
            return c.execute(select(s.excerpts.c.document_id).where(s.excerpts.c.id == excerpt_id)).scalar_one_or_none()

    def set_code_status(self, code_id: int, status: str, actor: str) -> CodeRecord:
        if status not in ("accepted", "rejected"):
            raise InputError(f"unknown review status {status!r}; use accepted or rejected")
        with self.engine.begin() as c:
            r = c.execute(select(s.codes).where(s.codes.c.id == code_id)).first()
            if r is None:
                raise InputError(f"no code with id {code_id}")
            c.execute(update(s.codes).where(s.codes.c.id == code_id).values(
                status=status, reviewed_by=actor, updated_at=_now()))
            self._log(c, actor, f"code.{status}", f"code:{code_id}", {"excerpt": r.excerpt_id, "code": r.code})
            return CodeRecord(r.id, r.excerpt_id, r.code, r.confidence, r.coder, r.coder_version, r.origin,
                              status, actor)

    def add_human_code(self, excerpt_id: int, code: str, actor: str) -> int:
        with self.engine.begin() as c:
            if c.execute(select(s.excerpts.c.id).where(s.excerpts.c.id == excerpt_id)).first() is None:
                raise InputError(f"no excerpt with id {excerpt_id}")
            existing = c.execute(select(s.codes.c.id).where(
                (s.codes.c.excerpt_id == excerpt_id) & (s.codes.c.code == code) & (s.codes.c.coder == actor))).first()
            if existing:
                c.execute(update(s.codes).where(s.codes.c.id == existing[0]).values(status="added", updated_at=_now()))
                code_id = existing[0]
            else:
                code_id = c.execute(insert(s.codes).values(
                    excerpt_id=excerpt_id, code=code, confidence=1.0, coder=actor, coder_version=None,
                    origin="human", status="added", reviewed_by=actor, updated_at=_now(),
                ).returning(s.codes.c.id)).scalar_one()
            self._log(c, actor, "code.add", f"excerpt:{excerpt_id}", {"code": code})
            return int(code_id)

    def replace_analyst_codes(self, analyst: str, coded: dict[int, set[str]]) -> int:
        """Atomically set one analyst's codes on the given excerpts (blind coding sheets)."""
        now = _now()
        with self.engine.begin() as c:
            ids = list(coded)
            known = {r[0] for r in c.execute(select(s.excerpts.c.id).where(s.excerpts.c.id.in_(ids)))}
            missing = [i for i in ids if i not in known]
            if missing:
                raise InputError(f"excerpt id(s) {', '.join(map(str, missing[:5]))} are not in this study; "
                                 "export a fresh sheet with `jtbd codes sheet`")
            c.execute(delete(s.codes).where(s.codes.c.excerpt_id.in_(ids) & (s.codes.c.origin == "human")
                                            & (s.codes.c.coder == analyst)))
            rows = [{"excerpt_id": e, "code": code, "confidence": 1.0, "coder": analyst, "coder_version": None,
                     "origin": "human", "status": "added", "reviewed_by": analyst, "updated_at": now}
                    for e, cs in coded.items() for code in sorted(cs)]
            if rows:
                c.execute(insert(s.codes), rows)
            self._log(c, analyst, "codes.sheet", f"excerpts:{len(ids)}", {"codes": len(rows)})
            return len(rows)

    # --------------------------------------------------------------- artifacts
    def save_artifact(self, name: str, data: dict[str, Any], actor: str = "jtbd") -> None:
        with self.engine.begin() as c:
            c.execute(delete(s.artifacts).where(s.artifacts.c.name == name))
            c.execute(insert(s.artifacts).values(name=name, data=data, updated_at=_now()))
            self._log(c, actor, "artifact.save", name, {})

    def load_artifact(self, name: str) -> dict[str, Any] | None:
        with self.engine.connect() as c:
            r = c.execute(select(s.artifacts.c.data).where(s.artifacts.c.name == name)).first()
            return dict(r[0]) if r else None

    def artifact_names(self) -> list[str]:
        with self.engine.connect() as c:
            return [r[0] for r in c.execute(select(s.artifacts.c.name).order_by(s.artifacts.c.name))]

    def log_edit(self, actor: str, action: str, target: str, detail: dict[str, Any]) -> None:
        with self.engine.begin() as c:
            self._log(c, actor, action, target, detail)

    def _log(self, c: Connection, actor: str, action: str, target: str, detail: dict[str, Any]) -> None:
        c.execute(insert(s.edit_log).values(at=_now(), actor=actor, action=action, target=target, detail=detail))

    def edit_log(self, limit: int = 100) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            return [dict(r._mapping) for r in c.execute(
                select(s.edit_log).order_by(s.edit_log.c.id.desc()).limit(limit))]

    # ------------------------------------------------------------------ search
    def search(self, query: str, limit: int = 100) -> list[ExcerptRecord]:
        """Excerpts whose text contains ``query`` (case-insensitive)."""
        needle = query.strip().lower()
        if not needle:
            return []
        hits: list[int] = []
        with self.engine.connect() as c:
            q = (select(s.excerpts.c.id, s.excerpts.c.start, s.excerpts.c.end, s.documents.c.text)
                 .join(s.documents, s.documents.c.id == s.excerpts.c.document_id)
                 .order_by(s.excerpts.c.document_id, s.excerpts.c.start))
            if needle.isascii():  # SQL lower() is ASCII-only on SQLite: prefilter only then
                q = q.where(func.lower(s.documents.c.text).contains(needle, autoescape=True))
            rows = c.execute(q)
            for ex_id, start, end, text in rows:
                if needle in text[start:end].lower():
                    hits.append(ex_id)
                    if len(hits) >= limit:
                        break
        return self.excerpts(excerpt_ids=hits) if hits else []

    # ------------------------------------------------------------------- stats
    def stats(self) -> dict[str, Any]:
        with self.engine.connect() as c:
            by_kind = dict(c.execute(select(s.documents.c.kind, func.count()).group_by(s.documents.c.kind)).all())
            coded = c.execute(select(func.count()).where(s.documents.c.coded_at.is_not(None))).scalar_one()
            n_ex = c.execute(select(func.count(s.excerpts.c.id))).scalar_one()
            by_code = dict(c.execute(select(s.codes.c.code, func.count()).where(
                s.codes.c.status.in_(ACTIVE_STATUSES)).group_by(s.codes.c.code)).all())
            by_status = dict(c.execute(select(s.codes.c.status, func.count()).group_by(s.codes.c.status)).all())
            n_part = c.execute(select(func.count(s.participants.c.id))).scalar_one()
            arts = [r[0] for r in c.execute(select(s.artifacts.c.name))]
        return {"documents": sum(by_kind.values()), "by_kind": by_kind, "coded_documents": coded,
                "excerpts": n_ex, "codes": by_code, "code_status": by_status, "participants": n_part,
                "artifacts": sorted(arts)}
