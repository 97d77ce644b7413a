"""``jtbd demo``: build a study from the bundled sample and run every step on it."""
from __future__ import annotations

import shutil
import sys
import time
from importlib import resources
from pathlib import Path

from rich.console import Console
from rich.table import Table

from jtbd.config import CONFIG_NAME
from jtbd.services import Workbench, init_study, open_workbench


def sample_dir() -> Path:
    """The bundled sample study's evidence files."""
    return Path(str(resources.files("jtbd") / "sample"))


def run_demo(directory: Path, console: Console | None = None) -> dict[str, object]:
    console = console or Console()
    sample = sample_dir()
    directory = Path(directory)
    t0 = time.perf_counter()
    produced: list[tuple[str, str, str]] = []
    if (directory / CONFIG_NAME).exists():
        wb = open_workbench(directory)
        console.print(f"Using the existing demo study in {wb.path}")
    else:
        wb = init_study(directory, name="Tally switch study (sample)")
        console.print(f"Created the demo study in [bold]{wb.path}[/]")
    with wb:
        _step(console, "Importing the sample evidence")
        rep = wb.import_paths([str(sample / "interviews")])
        reviews = sample / "reviews.csv"
        tickets = sample / "tickets.jsonl"
        if reviews.exists():
            r2 = wb.import_paths([str(reviews)], text_column="text", kind="review")
            rep.imported += r2.imported
            rep.failures += r2.failures
        if tickets.exists():
            r3 = wb.import_paths([str(tickets)], text_column="body", kind="ticket")
            rep.imported += r3.imported
            rep.failures += r3.failures
        for f in rep.failures:
            console.print(f"[red]✗ {f.message}[/]")
        if (sample / "participants.csv").exists():
            wb.attach_participants(sample / "participants.csv")
        st = wb.status()
        produced.append(("Evidence", f"{st['documents']} documents ({', '.join(f'{n} {k}' for k, n in sorted(st['by_kind'].items()))}), "
                         f"{st['participants']} participants", str(wb.path)))

        _step(console, "Coding every customer sentence (local model, offline)")
        cr = wb.code_pending()
        st = wb.status()
        produced.append(("Codes", f"{st['excerpts']} excerpts, {sum(st['codes'].values())} codes by {cr.coder or 'the local coder'}",
                         "jtbd list / jtbd serve"))

        syn = _synthesize(wb, console)
        if syn:
            produced.append(("Synthesis", syn, "jtbd synthesize --json"))

        survey = _survey(wb, sample, console)
        if survey:
            produced.append(("Survey", survey, "jtbd survey score"))

        report = _report(wb, console)
        if report:
            produced.append(("Report", report, report))

    table = Table(title=f"jtbd demo — done in {time.perf_counter() - t0:.1f} s")
    table.add_column("step")
    table.add_column("what it produced")
    table.add_column("where / how to see it")
    for row in produced:
        table.add_row(*row)
    console.print(table)
    console.print(f"Open the report: [cyan]{directory / 'report.html'}[/] in a browser")
    console.print(f"Start the app:   [cyan]{_jtbd_command()} --study {directory} serve[/]  "
                  "(then open http://127.0.0.1:8765)")
    return {"study": str(directory), "steps": [p[0] for p in produced]}


def _jtbd_command() -> str:
    """How the user can run jtbd again: plain `jtbd` when it is on PATH, else its path."""
    exe = Path(sys.argv[0])
    if exe.name == "jtbd" and not shutil.which("jtbd"):
        try:
            return str(exe.resolve().relative_to(Path.cwd()))
        except ValueError:
            return str(exe)
    return "jtbd"


def _step(console: Console, text: str) -> None:
    console.print(f"[bold blue]→[/] {text}…")


def _synthesize(wb: Workbench, console: Console) -> str | None:
    try:
        from jtbd.synthesis import synthesize
    except ImportError:
        return None
    _step(console, "Synthesising jobs, job stories, forces, timelines, alternatives, job map, outcomes")
    syn = synthesize(wb.synthesis_input(seed=0)).to_dict()
    wb.save_artifact("synthesis", syn)
    return (f"{len(syn.get('jobs', []))} jobs, {len(syn.get('job_stories', []))} job stories, "
            f"{len(syn.get('outcomes', []))} outcome statements, {len(syn.get('alternatives', []))} alternatives")


def _survey(wb: Workbench, sample: Path, console: Console) -> str | None:
    responses = sample / "survey_responses.csv"
    if not responses.exists():
        return None
    from jtbd.services import import_survey

    _step(console, "Scoring the outcome survey and finding needs-based segments")
    return str(import_survey(wb, responses))


def _report(wb: Workbench, console: Console) -> str | None:
    try:
        from jtbd.report import write_report
    except ImportError:
        return None
    _step(console, "Writing the HTML report")
    out = wb.path / "report.html"
    write_report(wb, out)
    return str(out)
