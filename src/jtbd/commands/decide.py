"""Decision commands that act on the jobs: roadmap, messaging, offer."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from jtbd.commands import common
from jtbd.commands.common import console, err_console, handle_errors


def register(app: typer.Typer) -> None:
    app.command("roadmap")(roadmap)
    app.command("messaging")(messaging)
    app.command("offer")(offer)


def roadmap(
    ctx: typer.Context,
    features: Path = typer.Argument(..., help="CSV with columns feature, description and optional effort."),
    as_json: bool = typer.Option(False, "--json", help="Print the ranked features with their evidence as JSON."),
) -> None:
    """Rank features by the jobs, struggling moments, anxieties and underserved outcomes they
    address (not by request counts), showing the outcomes and quotes each one matches."""
    from jtbd.decide import load_context, read_features, score_features
    from jtbd.services import open_workbench

    with handle_errors():
        items = read_features(features)
        with open_workbench(common.state(ctx)) as wb:
            result = score_features(load_context(wb), items)
        if as_json:
            common.print_json(result.to_dict())
            return
        t = Table(title="Roadmap by job evidence", caption=result.formula)
        for col in ("#", "feature", "score", "job", "underserved outcomes", "struggles", "anxieties", "best quote"):
            t.add_column(col)
        for f in result.features:
            under = [o for o in f.outcomes if o.underserved]
            quote = (f.struggles or f.anxieties)
            t.add_row(str(f.rank), escape(f.feature.name), f"{f.score:.1f}", escape(f.job_statement or "-"),
                      escape("; ".join(f"{o.outcome} ({o.opportunity:.1f})" for o in under) or "-"),
                      f"{f.counts['push_participants']} p + {f.counts['push_documents']} docs",
                      f"{f.counts['anxiety_participants']} p + {f.counts['anxiety_documents']} docs",
                      escape(f"\u201c{quote[0].evidence.quote}\u201d" if quote else "-"))
        console.print(t)


def messaging(
    ctx: typer.Context,
    copy: Path = typer.Argument(..., help="Marketing copy as a .md or .txt file."),
    as_json: bool = typer.Option(False, "--json", help="Print the audit (scores, findings, suggestions) as JSON."),
) -> None:
    """Audit marketing copy against the jobs: names the job and progress, answers the anxieties,
    uses customers' words not jargon, and which forces it speaks to."""
    from jtbd.decide import audit_copy, load_context, read_copy
    from jtbd.services import open_workbench

    with handle_errors():
        text = read_copy(copy)
        with open_workbench(common.state(ctx)) as wb:
            audit = audit_copy(load_context(wb), text, source=str(copy))
        if as_json:
            common.print_json(audit.to_dict())
            return
        console.print(f"[bold]Messaging score {audit.score:.0f}/100[/] for {escape(str(copy))}")
        for c in audit.checks:
            console.print(f"\n[bold]{c.name}[/] {c.score:.2f} — {escape(c.summary)}")
            for f in c.findings:
                where = f"line {f.line}: " if f.line else ""
                console.print(f"  • {escape(where + f.message)}", highlight=False)
            for s in c.suggestions:
                console.print(f"  [green]→ {escape(s)}[/]", highlight=False)


def offer(
    ctx: typer.Context,
    text: str = typer.Argument(None, help="The customer's words (a review, ticket or chat message)."),
    file: Path = typer.Option(None, "--file", help="Read the customer's text from this file instead."),
    as_json: bool = typer.Option(False, "--json", help="Print the recognised job and offer as JSON."),
) -> None:
    """Recognise which job a customer's text shows and suggest what to offer, when and why."""
    from jtbd.decide import load_context, next_best_offer
    from jtbd.errors import InputError
    from jtbd.services import open_workbench

    if (text is None) == (file is None):
        err_console.print("[bold red]error:[/] give the customer's text, or --file FILE (not both)")
        raise typer.Exit(2)
    with handle_errors():
        if file is not None:
            try:
                text = file.read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                raise InputError(f"cannot read the file ({exc.strerror or exc})", path=str(file)) from None
            if not text.strip():
                raise InputError("the file is empty; give the customer's text", path=str(file))
        with open_workbench(common.state(ctx)) as wb:
            result = next_best_offer(load_context(wb), str(text))
        if as_json:
            common.print_json(result.to_dict())
            return
        if not result.clear:
            console.print(f"[yellow]No clear job[/]: {escape(result.why)}")
            return
        console.print(f"[bold]Job:[/] {escape(result.job_statement or '')} (fit {result.fit:.2f})")
        if result.moment:
            console.print(f"[bold]Moment ({result.force}):[/] \u201c{escape(result.moment)}\u201d")
        if result.outcome:
            console.print(f"[bold]Offer:[/] {escape(result.outcome['outcome'])}")
        if result.feature_area:
            console.print(f"[bold]Feature area (what they hire for):[/] {escape(str(result.feature_area['label']))}")
        if result.reassurance:
            console.print(f"[bold]Reassure about:[/] {escape(str(result.reassurance['label']))}")
        console.print(f"[bold]When:[/] {escape(result.when or '')}")
        console.print(f"[bold]Why:[/] {escape(result.why)}")
        for e in result.evidence:
            console.print(f"  \u201c{escape(e.quote)}\u201d — {escape(str(e.participant or e.source))}", highlight=False)
