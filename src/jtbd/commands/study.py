"""Study commands: init, import, list, status, guide, demo."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from jtbd.commands import common
from jtbd.commands.common import console, err_console, handle_errors
from jtbd.commands.progress import progress_bar
from jtbd.config import atomic_write_text


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("import")(import_)
    app.command("list")(list_)
    app.command("status")(status)
    app.command("guide")(guide)
    app.command("demo")(demo)


def init(
    ctx: typer.Context,
    directory: Path = typer.Argument(..., help="Folder for the new study (created if missing)."),
    name: str = typer.Option(None, help="Study name (default: the folder name)."),
) -> None:
    """Create a study: a folder with a small config file (jtbd.toml) and a SQLite database."""
    from jtbd.services import init_study

    with handle_errors():
        wb = init_study(directory, name=name, db=common.state(ctx).db)
        console.print(f"Created study [bold]{wb.config.name}[/] in {wb.path}")
        console.print(f"Next: [cyan]jtbd --study {directory} import FILES...[/]")


def import_(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(None, help="Files or folders: .txt .md .vtt .srt .docx .pdf transcripts; "
                                       ".csv .xlsx .jsonl tables (one document per row)."),
    text_column: str = typer.Option(None, "--text-column", help="Column holding the text in tabular files."),
    kind: str = typer.Option(None, "--kind", help="Kind of tabular evidence: review, ticket or survey-answer "
                             "(transcripts are always interviews)."),
    participants: Path = typer.Option(None, "--participants", help="CSV of participant attributes to attach "
                                      "(participant_id, speaker, document, then any attributes)."),
    max_size: float = typer.Option(None, "--max-size", help="Largest file to accept, in MB "
                                   "(default 50, or JTBD_MAX_IMPORT_MB, or the study config)."),
) -> None:
    """Import customer evidence into the study. Each file is imported atomically; importing the
    same content again is a no-op. Bad files are reported, good ones kept; exits 1 on any failure."""
    from jtbd.model import DOCUMENT_KINDS
    from jtbd.services import open_workbench

    if kind and kind not in DOCUMENT_KINDS:
        err_console.print(f"[bold red]error:[/] --kind must be one of {', '.join(DOCUMENT_KINDS)}, not {kind!r}")
        raise typer.Exit(2)
    if not paths and not participants:
        err_console.print("[bold red]error:[/] give files to import, or --participants FILE.csv")
        raise typer.Exit(2)
    with handle_errors():
        wb = open_workbench(common.state(ctx))
        failed = False
        if paths:
            with progress_bar("Importing") as update:
                report = wb.import_paths([str(p) for p in paths], text_column=text_column, kind=kind,
                                         max_mb=max_size, progress=update)
            for path, added, dup in report.imported:
                note = f", {dup} already in the study" if dup else ""
                if added == 0 and dup == 0:
                    note = " (already imported; nothing to do)"
                console.print(f"[green]✓[/] {escape(path)}: {added} document(s){note}")
            for f in report.failures:
                err_console.print(f"[bold red]✗[/] {escape(f.message)}", highlight=False)
            failed = not report.ok
        if participants:
            pr = wb.attach_participants(participants)
            console.print(f"[green]✓[/] {participants}: attached {len(pr.matched)} participant(s)")
            if pr.unmatched:
                err_console.print(f"[yellow]warning:[/] {len(pr.unmatched)} participant id(s) matched no document or "
                                  f"speaker: {', '.join(pr.unmatched[:10])}")
        if failed:
            err_console.print(f"[bold red]{len(report.failures)} file(s) failed[/]; the others were imported. "
                              "Fix them and run the same command again.")
            raise typer.Exit(1)


def list_(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print JSON: {\"documents\": [...]}."),
    kind: str = typer.Option(None, "--kind", help="Only documents of this kind."),
) -> None:
    """List the study's documents."""
    from jtbd.services import open_workbench

    with handle_errors():
        wb = open_workbench(common.state(ctx))
        docs = wb.list_documents(kind=kind)
        if as_json:
            common.print_json({"documents": [d.to_dict() for d in docs]})
            return
        t = Table(title=f"{len(docs)} document(s)")
        for col in ("id", "kind", "source", "speakers", "participant", "excerpts", "codes"):
            t.add_column(col)
        for d in docs:
            src = d.source if d.row is None else f"{d.source} (row {d.row})"
            t.add_row(str(d.id), d.kind, src, ", ".join(f"{s.name} ({s.role[0]})" for s in d.speakers),
                      d.participant or "", str(d.excerpt_count), str(d.code_count))
        console.print(t)


def status(ctx: typer.Context) -> None:
    """Summarise the study for people: documents, coding progress, artefacts."""
    from jtbd.services import open_workbench

    with handle_errors():
        wb = open_workbench(common.state(ctx))
        st = wb.status()
        console.print(f"[bold]{st['name']}[/]  ({st['study']})")
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(st["by_kind"].items())) or "none yet"
        console.print(f"Documents: {st['documents']} ({kinds}); participants: {st['participants']}")
        console.print(f"Coded: {st['coded_documents']} of {st['documents']} documents, {st['excerpts']} excerpts")
        if st["codes"]:
            console.print("Codes: " + ", ".join(f"{k} {v}" for k, v in sorted(st["codes"].items(), key=lambda x: -x[1])))
        rev = st["code_status"]
        if rev:
            console.print("Review: " + ", ".join(f"{k} {v}" for k, v in sorted(rev.items())))
        console.print("Artefacts: " + (", ".join(st["artifacts"]) or "none yet (run `jtbd synthesize`)"))
        if st["documents"] == 0:
            console.print("Next: [cyan]jtbd import FILES...[/]")
        elif st["coded_documents"] < st["documents"]:
            console.print("Next: [cyan]jtbd code[/]")
        elif "synthesis" not in st["artifacts"]:
            console.print("Next: [cyan]jtbd synthesize[/]")


def guide(
    product: str = typer.Option(..., "--product", help="The product (or category) the switch is about."),
    category: str = typer.Option(None, "--category", help="What the product helps with, in plain words."),
    minutes: int = typer.Option(60, "--minutes", help="Planned interview length."),
    out: Path = typer.Option(None, "--out", help="Write the guide to this file instead of printing it."),
) -> None:
    """Write a switch-interview guide in Markdown: objectives, assumptions, recruiting screener,
    the timeline structure with probes, and probes for the forces and emotional/social dimensions."""
    from jtbd.guide import GuideOptions, interview_guide

    text = interview_guide(GuideOptions(product=product, category=category, minutes=minutes))
    if out:
        atomic_write_text(out, text)
        console.print(f"Wrote the interview guide to {out}")
    else:
        typer.echo(text)


def demo(
    directory: Path = typer.Argument(Path("demo-study"), help="Folder for the demo study."),
) -> None:
    """Create a study from the bundled sample (a fictional invoicing app, 12 switch interviews,
    reviews, tickets, a survey) and run every step: import, code, synthesise, score, report."""
    from jtbd.demo import run_demo

    with handle_errors():
        run_demo(directory, console=console)
