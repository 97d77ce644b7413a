"""The service layer: every use case the CLI and the web app offer, over one study.

``Workbench`` ties a study folder (config + database) to the pipeline parts (readers, coder,
synthesis, survey). Adapters call one method and translate :class:`jtbd.errors.JtbdError`.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jtbd import config as cfgmod
from sqlalchemy.engine import make_url

from jtbd.errors import ImportFailed, InputError, JtbdError, StudyExists
from jtbd.model import CODES, CodedExcerpt, ParsedDocument, Role, Turn
from jtbd.store import DocumentRecord, ExcerptRecord, Store

if TYPE_CHECKING:  # pragma: no cover
    from jtbd.coding import Coder
    from jtbd.synthesis.inputs import SynthesisInput

#: progress(done, total, label)
Progress = Callable[[int, int, str], None]


@dataclass
class FileFailure:
    path: str
    message: str


@dataclass
class ImportReport:
    imported: list[tuple[str, int, int]] = field(default_factory=list)  # (path, added, duplicates)
    failures: list[FileFailure] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(a for _, a, _ in self.imported)

    @property
    def duplicates(self) -> int:
        return sum(d for _, _, d in self.imported)

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass
class ParticipantReport:
    matched: list[str]
    unmatched: list[str]


@dataclass
class CodingReport:
    documents: int = 0
    excerpts: int = 0
    codes: int = 0
    coder: str = ""
    skipped_language: list[str] = field(default_factory=list)


def init_study(path: str | os.PathLike[str], *, name: str | None = None, db: str | None = None) -> Workbench:
    """Create a study folder with its config and database."""
    p = Path(path).expanduser().resolve()
    if (p / cfgmod.CONFIG_NAME).exists():
        raise StudyExists(f"{p} already holds a study ({cfgmod.CONFIG_NAME} exists)")
    created = not p.exists()
    p.mkdir(parents=True, exist_ok=True)
    try:
        store = Store.open(db, sqlite_file=p / cfgmod.DB_NAME)  # fail before writing any config
    except JtbdError:
        if created:
            shutil.rmtree(p, ignore_errors=True)
        raise
    store.close()
    # never write a password into the study folder: it comes from JTBD_DATABASE_URL or ~/.pgpass
    saved = make_url(db).set(password=None).render_as_string(hide_password=False) if db else None
    cfg = cfgmod.write_new_config(p, name=name, database_url=saved)
    return Workbench(p, cfg, db_url=db)


def open_workbench(state: Any = None, *, db: str | None = None) -> Workbench:
    """Open the study named by a CLI state (``.study``, ``.db``), a path, or the current dir."""
    study = getattr(state, "study", state)
    db = getattr(state, "db", None) or db
    path = cfgmod.resolve_study_dir(study)
    cfg = cfgmod.load_config(path)
    return Workbench(path, cfg, db_url=db or cfg.database_url)


def content_hash(doc: ParsedDocument) -> str:
    h = hashlib.sha256()
    h.update(doc.kind.encode())
    h.update(b"\0")
    h.update(doc.text.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(json.dumps(doc.metadata, sort_keys=True, default=str).encode())
    return h.hexdigest()


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files given directly, plus the supported files inside folders (sorted)."""
    from jtbd.ingest import SUPPORTED_EXTENSIONS

    out: list[str] = []
    for p in paths:
        pp = Path(p)
        if pp.is_dir():
            out.extend(str(f) for f in sorted(pp.rglob("*"))
                       if f.is_file() and f.suffix.lower() in SUPPORTED_EXTENSIONS and not f.name.startswith("."))
        else:
            out.append(str(p))
    return out


class Workbench:
    """One open study."""

    def __init__(self, path: Path, config: cfgmod.StudyConfig, db_url: str | None = None) -> None:
        self.path = path
        self.config = config
        self.store = Store.open(db_url, sqlite_file=path / cfgmod.DB_NAME)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ import
    def import_paths(self, paths: Sequence[str | os.PathLike[str]], *, text_column: str | None = None,
                     kind: str | None = None, max_mb: float | None = None,
                     progress: Progress | None = None) -> ImportReport:
        """Import files (each atomically). Bad files are reported, good ones imported."""
        from jtbd.ingest import max_bytes_from_env, read_path

        report = ImportReport()
        files = expand_paths(paths)
        limit = (int(max_mb * 1024 * 1024) if max_mb is not None
                 else max_bytes_from_env(int(self.config.max_import_mb * 1024 * 1024)))
        for i, f in enumerate(files):
            if progress:
                progress(i, len(files), f)
            try:
                report.imported.append(self._import_one(f, read_path, text_column, kind, limit))
            except ImportFailed as exc:
                report.failures.append(FileFailure(f, str(exc)))
            except OSError as exc:
                report.failures.append(FileFailure(f, f"{f}: cannot read the file ({exc.strerror or exc})"))
        if progress:
            progress(len(files), len(files), "done")
        return report

    def _import_one(self, f: str, read_path: Callable[..., list[ParsedDocument]], text_column: str | None,
                    kind: str | None, limit: int) -> tuple[str, int, int]:
        p = Path(f)
        if not p.exists():
            raise ImportFailed("no such file; check the path", path=f)
        if p.is_file() and p.stat().st_size > limit:
            raise ImportFailed(
                f"the file is {p.stat().st_size / 1e6:.1f} MB, over the import limit of {limit / 1e6:.0f} MB; "
                "raise it with --max-size MB or JTBD_MAX_IMPORT_MB", path=f)
        data = p.read_bytes()
        fh = hashlib.sha256(data + b"\0" + (text_column or "").encode() + b"\0" + (kind or "").encode()).hexdigest()
        if self.store.file_already_imported(fh):
            return (f, 0, 0)
        docs = read_path(f, text_column=text_column, kind=kind, max_bytes=limit, roles=self.config.roles or None)
        if not docs:
            raise ImportFailed("no documents found in the file (is every text cell empty?)", path=f)
        added, dup = self.store.import_documents(f, fh, docs[0].kind, [(d, content_hash(d)) for d in docs])
        return (f, added, dup)

    def attach_participants(self, csv_path: str | os.PathLike[str]) -> ParticipantReport:
        """Attach participant attributes to documents and speakers (atomic). Records match a
        document by file name (``document`` column), a speaker name (``speaker``), or an id held
        in a document's metadata (participant_id / participant / user_id / author / respondent_id)."""
        from jtbd.ingest import read_participants

        records = read_participants(csv_path)
        index = self.store.documents_index()
        id_keys = ("participant_id", "participant", "user_id", "author", "author_id", "respondent_id", "customer_id")
        links = []
        matched: list[str] = []
        unmatched: list[str] = []
        for rec in records:
            targets: list[tuple[int, str | None]] = []
            for doc_id, name, source, meta, spk in index:
                doc_match = rec.document is not None and rec.document.strip() and (
                    rec.document.strip().lower() in (name.lower(), source.lower(), Path(name).stem.lower()))
                spk_match = [x for x in spk if rec.speaker and x.lower() == rec.speaker.strip().lower()]
                meta_match = any(str(meta.get(k, "")).strip() == rec.id for k in id_keys)
                if doc_match and (spk_match or not rec.speaker):
                    targets.append((doc_id, spk_match[0] if spk_match else None))
                elif not rec.document and spk_match:
                    targets.append((doc_id, spk_match[0]))
                elif meta_match:
                    targets.append((doc_id, None))
            if targets:
                matched.append(rec.id)
                links.append((rec.id, rec.speaker, rec.document, dict(rec.attributes), targets))
            else:
                unmatched.append(rec.id)
        if not links:
            raise InputError(
                f"none of the {len(records)} participant ids match a document or speaker in this study "
                f"(e.g. {', '.join(unmatched[:3])}); import the transcripts first, and make the `document` "
                "column hold the transcript's file name and `speaker` the name used in it", path=str(csv_path))
        self.store.attach_participants(links)
        return ParticipantReport(matched, unmatched)

    # ------------------------------------------------------------------- reads
    def list_documents(self, **kw: Any) -> list[DocumentRecord]:
        return self.store.list_documents(**kw)

    def document(self, doc_id: int) -> DocumentRecord:
        d = self.store.get_document(doc_id)
        if d is None:
            raise InputError(f"no document with id {doc_id}; see `jtbd list`")
        return d

    def status(self) -> dict[str, Any]:
        st = self.store.stats()
        st["study"] = str(self.path)
        st["name"] = self.config.name
        return st

    # ------------------------------------------------------------------ coding
    def parsed_document(self, rec: DocumentRecord) -> ParsedDocument:
        turns = tuple(Turn(t.start, t.end, t.speaker, Role(t.role) if t.role else None) for t in rec.turns)
        return ParsedDocument(source=rec.source, kind=rec.kind, text=rec.text, turns=turns, row=rec.row,
                              title=rec.title, metadata=dict(rec.meta))

    def code_pending(self, coder: Coder | None = None, progress: Progress | None = None,
                     recode: bool = False) -> CodingReport:
        """Code every document not coded yet (or all with ``recode``). Resumable: each document
        is stored in its own transaction. Human codes are never overwritten."""
        from jtbd.coding import extract_alternatives, get_coder, segment_document
        from jtbd.coding.context import excerpt_questions

        coder = coder or get_coder(self.config.coder)
        ids = self.store.pending_document_ids(recode=recode)
        report = CodingReport(coder=f"{coder.name} {coder.version}")
        for i, doc_id in enumerate(ids):
            if progress:
                progress(i, len(ids), f"document {doc_id}")
            rec = self.store.get_document(doc_id)
            if rec is None:
                continue
            doc = self.parsed_document(rec)
            supports = getattr(coder, "supports", None)
            if callable(supports) and not supports(doc):
                report.skipped_language.append(rec.source if rec.row is None else f"{rec.source} (row {rec.row})")
            excerpts = segment_document(doc)
            results = coder.code_document(doc, excerpts) if excerpts else []
            questions = excerpt_questions(doc, excerpts)
            mentions = extract_alternatives(doc, excerpts) if excerpts else []
            self.store.save_coding(doc_id, excerpts, results, questions, mentions, f"{coder.name} {coder.version}")
            report.documents += 1
            report.excerpts += len(excerpts)
            report.codes += sum(len(r.codes) for r in results)
        if progress:
            progress(len(ids), len(ids), "done")
        return report

    def coded_excerpts(self, *, customer_only: bool = True) -> list[CodedExcerpt]:
        docs = {d.id: d for d in self.store.list_documents(with_counts=False)}
        out = []
        for ex in self.store.excerpts(customer_only=customer_only):
            d = docs[ex.document_id]
            participant = d.participant
            for sp in d.speakers:
                if sp.name == ex.speaker and sp.participant:
                    participant = sp.participant
            out.append(CodedExcerpt(
                document_id=ex.document_id, source=d.source if d.row is None else f"{d.source}#row{d.row}",
                start=ex.start, end=ex.end, text=ex.text, speaker=ex.speaker,
                role=Role(ex.role) if ex.role else None, codes=ex.active_codes,
                scores={c.code: float(c.confidence or 1.0) for c in ex.codes if c.active},
                participant=participant, kind=d.kind, turn_index=ex.turn_index, question=ex.question))
        return out

    def excerpts(self, document_id: int | None = None) -> list[ExcerptRecord]:
        return self.store.excerpts(document_id=document_id)

    def review_code(self, code_id: int, decision: str, actor: str = "analyst") -> None:
        self.store.set_code_status(code_id, {"accept": "accepted", "reject": "rejected"}.get(decision, decision), actor)

    def add_code(self, excerpt_id: int, code: str, actor: str = "analyst") -> int:
        if code not in CODES:
            raise InputError(f"unknown code {code!r}; use one of {', '.join(CODES)}")
        return self.store.add_human_code(excerpt_id, code, actor)

    def search(self, query: str, limit: int = 100) -> list[ExcerptRecord]:
        return self.store.search(query, limit)

    # --------------------------------------------------------------- synthesis
    def synthesis_input(self, seed: int = 0) -> SynthesisInput:
        from jtbd.synthesis.inputs import DocumentInfo, SynthesisInput

        participants = self.store.participants()
        texts = self.store.document_texts()
        infos = []
        for d in self.store.list_documents(with_counts=False):
            pid = d.participant or next((sp.participant for sp in d.speakers if sp.participant), None)
            attrs = {k: str(v) for k, v in participants.get(pid, {}).items()} if pid else {}
            infos.append(DocumentInfo(id=d.id, source=d.source, kind=d.kind, text=texts[d.id],
                                      participant=pid, attributes=attrs))
        return SynthesisInput(documents=infos, excerpts=self.coded_excerpts(),
                              alternatives=self.store.alternatives(), seed=seed)

    def save_artifact(self, name: str, data: dict[str, Any], actor: str = "jtbd") -> None:
        self.store.save_artifact(name, data, actor)

    def load_artifact(self, name: str) -> dict[str, Any] | None:
        return self.store.load_artifact(name)

    def outcome_statements(self) -> list[tuple[str, str]]:
        """(job id, statement) of the synthesised desired-outcome statements."""
        syn = self.load_artifact("synthesis") or {}
        return [(str(o.get("job") or ""), str(o["statement"])) for o in syn.get("outcomes", []) if o.get("statement")]


# ---------------------------------------------------------------- blind coding
_TRUE = {"x", "1", "yes", "y", "true", "✓", "✔"}


def coding_sheet_rows(wb: Workbench, document_ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Rows of a blind coding sheet: customer excerpts with no codes shown, one column per code."""
    docs = {d.id: d for d in wb.store.list_documents(with_counts=False)}
    rows = []
    for ex in wb.store.excerpts(customer_only=True):
        if document_ids and ex.document_id not in document_ids:
            continue
        d = docs[ex.document_id]
        row: dict[str, Any] = {"excerpt_id": ex.id, "document": d.name if d.row is None else f"{d.name}#{d.row}",
                               "speaker": ex.speaker or "", "question": ex.question or "", "text": ex.text}
        row.update({c: "" for c in CODES})
        rows.append(row)
    return rows


def import_coding_sheet(wb: Workbench, path: str | os.PathLike[str], analyst: str) -> int:
    """Import one analyst's filled-in sheet (per-code columns marked x/1/yes, or a `codes`
    column with ; separated codes). Atomic; replaces that analyst's earlier codes."""
    import csv

    from jtbd.ingest import decode_bytes

    p = Path(path)
    try:
        text = decode_bytes(p.read_bytes(), str(p))
    except OSError as exc:
        raise ImportFailed(f"cannot read the sheet ({exc.strerror})", path=str(p)) from None
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or "excerpt_id" not in reader.fieldnames:
        raise ImportFailed("the sheet has no `excerpt_id` column; start from `jtbd codes sheet`", path=str(p))
    coded: dict[int, set[str]] = {}
    for i, row in enumerate(reader):
        try:
            ex_id = int(str(row["excerpt_id"]).strip())
        except ValueError:
            raise ImportFailed(f"excerpt_id {row['excerpt_id']!r} is not a number", path=str(p), row=i) from None
        codes: set[str] = set()
        if row.get("codes"):
            for c in str(row["codes"]).replace(",", ";").split(";"):
                c = c.strip().lower()
                if c and c not in CODES:
                    raise ImportFailed(f"unknown code {c!r}; use {', '.join(CODES)}", path=str(p), row=i,
                                       column="codes")
                if c:
                    codes.add(c)
        for c in CODES:
            if str(row.get(c) or "").strip().lower() in _TRUE:
                codes.add(c)
        coded[ex_id] = codes
    n = wb.store.replace_analyst_codes(analyst, coded)
    sheets = wb.load_artifact("coding_sheets") or {}
    sheets[analyst] = sorted(set(sheets.get(analyst, [])) | set(coded))
    wb.save_artifact("coding_sheets", sheets, actor=analyst)
    return n


def coder_agreement(wb: Workbench, coders: Sequence[str] | None = None) -> list[Any]:
    """Agreement between analysts who coded blind, and with the AI coder, on shared excerpts."""
    from jtbd.agreement import agreement

    sheets: dict[str, list[int]] = wb.load_artifact("coding_sheets") or {}
    excerpts = wb.store.excerpts(customer_only=True)
    coded: dict[str, dict[int, set[str]]] = {a: {e: set() for e in ids} for a, ids in sheets.items()}
    ai: dict[int, set[str]] = {}
    for ex in excerpts:
        for c in ex.codes:
            if c.origin == "human" and c.coder in coded and ex.id in coded[c.coder]:
                coded[c.coder][ex.id].add(c.code)
        ai[ex.id] = {c.code for c in ex.codes if c.origin == "ai"}  # what the AI said, reviewed or not
    if ai:
        coded["AI"] = ai
    if coders:
        coded = {k: v for k, v in coded.items() if k in coders}
    if len(coded) < 2:
        raise InputError("agreement needs at least two coders: have analysts fill `jtbd codes sheet` blind and "
                         "import it with `jtbd codes import-sheet FILE --as NAME`")
    return agreement(coded, {e.id: e.text for e in excerpts})


# ---------------------------------------------------------------------- survey
STUDY_RESPONSES = cfgmod.STUDY_RESPONSES


@dataclass
class SurveySummary:
    respondents: int
    outcomes: int
    underserved: int
    segments: int | None
    notes: list[str]

    def __str__(self) -> str:
        seg = f", {self.segments} needs-based segments" if self.segments else ""
        return f"{self.respondents} respondents x {self.outcomes} outcomes, {self.underserved} underserved{seg}"


def import_survey(wb: Workbench, path: str | os.PathLike[str], *, id_column: str | None = None,
                  k: int | None = None, seed: int = 0) -> SurveySummary:
    """Check a responses table, keep a copy in the study, and store its analysis: opportunity
    scores ("survey_scores"), needs-based segments ("survey_segments") and job significance
    ("job_significance"). Nothing is stored when the table is invalid."""
    from jtbd.survey import load_responses, score, segment
    from jtbd.survey.tables import read_table

    src = Path(path)
    data = load_responses(src, id_column=id_column)
    table = score(data, ci=True, seed=seed)
    seg = segment(data, k=k, seed=seed) if data.n_respondents >= 20 else None
    dest = wb.path / STUDY_RESPONSES
    if src.suffix.lower() == ".csv":
        cfgmod.atomic_write_bytes(dest, src.read_bytes())
    else:
        df, _ = read_table(src)
        cfgmod.atomic_write_text(dest, df.to_csv(index=False))
    scores = table.to_dict()
    wb.save_artifact("survey", {"source": str(src), "id_column": id_column, "respondents": data.n_respondents,
                                "outcomes": list(data.outcomes), "notes": list(data.notes)})
    wb.save_artifact("survey_scores", scores)
    if seg is not None:
        wb.save_artifact("survey_segments", seg.to_dict())
    refresh_job_significance(wb)
    rows = scores.get("outcomes", [])
    return SurveySummary(respondents=data.n_respondents, outcomes=len(data.outcomes),
                         underserved=sum(1 for r in rows if r.get("underserved")),
                         segments=seg.k if seg is not None else None, notes=list(data.notes))


def refresh_job_significance(wb: Workbench) -> list[dict[str, Any]] | None:
    """Rank the synthesised jobs by significance, from the coded evidence and (when there is
    one) the survey; each survey outcome is assigned to the job whose language it shares most."""
    from jtbd.survey import JobEvidence, job_significance, load_responses, score

    syn = wb.load_artifact("synthesis")
    if not syn or not syn.get("jobs"):
        return None
    jobs = syn["jobs"]
    excerpts = wb.coded_excerpts()
    by_participant: dict[str, set[str]] = {}
    for ex in excerpts:
        if ex.participant:
            by_participant.setdefault(ex.participant, set()).update(ex.codes)
    evidence = []
    for j in jobs:
        parts = [str(p) for p in j.get("participants", [])]
        pset = set(parts)
        mine = [e for e in excerpts if e.participant in pset]
        evidence.append(JobEvidence(
            job_id=str(j.get("id")), statement=str(j.get("statement", "")), participants=len(parts),
            mentions=sum(1 for e in mine if e.codes),
            push_count=sum(1 for e in mine if "push" in e.codes),
            workaround_count=sum(1 for e in mine if "workaround" in e.codes)))
    table = outcome_jobs = None
    resp = wb.path / STUDY_RESPONSES
    if resp.exists():
        table = score(load_responses(resp), ci=False)
        outcome_jobs = _assign_outcomes_to_jobs([o.outcome for o in table.outcomes], jobs, syn.get("outcomes", []))
    total = len({str(p) for j in jobs for p in j.get("participants", [])}) or None
    ranked = [r.to_dict() for r in job_significance(evidence, scores=table, outcome_jobs=outcome_jobs,
                                                     total_participants=total)]
    wb.save_artifact("job_significance", {"jobs": ranked})
    return ranked


def _assign_outcomes_to_jobs(outcomes: Sequence[str], jobs: Sequence[dict[str, Any]],
                             syn_outcomes: Sequence[dict[str, Any]]) -> dict[str, str]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    docs = []
    for j in jobs:
        parts = [str(j.get("statement", ""))]
        parts += [str(o.get("statement", "")) for o in syn_outcomes if o.get("job") == j.get("id")]
        parts += [str(e.get("quote", "")) for e in j.get("evidence", [])]
        for dim in (j.get("dimensions") or {}).values():
            if isinstance(dim, dict):
                parts += [str(e.get("quote", "")) for e in dim.get("evidence", [])]
        docs.append(" ".join(parts))
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(docs + list(outcomes))
    sims = cosine_similarity(vec.transform(list(outcomes)), vec.transform(docs))
    return {o: str(jobs[int(sims[i].argmax())].get("id")) for i, o in enumerate(outcomes)}
