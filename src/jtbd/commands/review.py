"""Human review of codes: show, accept, reject, add; blind coding sheets and agreement."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import typer
from rich.table import Table

from jtbd.commands import common
from jtbd.commands.common import console, handle_errors
from jtbd.config import atomic_write_text

codes_app = typer.Typer(help="Review codes: show, accept, reject, add; blind coding sheets; agreement.",
                        no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(codes_app, name="codes")


def _wb(ctx: typer.Context):
    from jtbd.services import open_workbench

    return open_workbench(common.state(ctx))


@codes_app.command("show")
def show(ctx: typer.Context, document: int = typer.Argument(..., help="Document id (see `jtbd list`)."),
         as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Show a document's customer excerpts with their codes and code ids."""
    with handle_errors():
        wb = _wb(ctx)
        doc = wb.document(document)
        exs = wb.excerpts(document)
        if as_json:
            common.print_json({"document": doc.to_dict(), "excerpts": [
                {"id": e.id, "start": e.start, "end": e.end, "speaker": e.speaker, "role": e.role, "text": e.text,
                 "codes": [{"id": c.id, "code": c.code, "confidence": c.confidence, "coder": c.coder,
                            "origin": c.origin, "status": c.status} for c in e.codes]} for e in exs]})
            return
        t = Table(title=f"{doc.name}: {len(exs)} excerpts", show_lines=False)
        t.add_column("excerpt", justify="right")
        t.add_column("speaker")
        t.add_column("text", ratio=3)
        t.add_column("codes (id:code status)", ratio=2)
        for e in exs:
            if e.role == "interviewer":
                continue
            chips = " ".join(f"{c.id}:{c.code}{'' if c.status == 'suggested' else ' ' + c.status}" for c in e.codes)
            t.add_row(str(e.id), e.speaker or "", e.text, chips)
        console.print(t)


def _review(ctx: typer.Context, code_ids: list[int], decision: str, analyst: str) -> None:
    with handle_errors():
        wb = _wb(ctx)
        for cid in code_ids:
            wb.review_code(cid, decision, analyst)
        console.print(f"{decision.capitalize()}ed {len(code_ids)} code(s)")


@codes_app.command("accept")
def accept(ctx: typer.Context, code_ids: list[int] = typer.Argument(..., help="Code ids to accept."),
           analyst: str = typer.Option("analyst", "--as", help="Your name, stored with the decision.")) -> None:
    """Accept AI codes (they then survive every re-run of the AI)."""
    _review(ctx, code_ids, "accept", analyst)


@codes_app.command("reject")
def reject(ctx: typer.Context, code_ids: list[int] = typer.Argument(..., help="Code ids to reject."),
           analyst: str = typer.Option("analyst", "--as", help="Your name, stored with the decision.")) -> None:
    """Reject (remove) codes; the AI will not suggest them again on that excerpt."""
    _review(ctx, code_ids, "reject", analyst)


@codes_app.command("add")
def add(ctx: typer.Context, excerpt: int = typer.Argument(..., help="Excerpt id."),
        codes: list[str] = typer.Argument(..., help="Codes to add (push pull anxiety habit trigger workaround "
                                          "alternative outcome emotional social)."),
        analyst: str = typer.Option("analyst", "--as", help="Your name, stored as the coder.")) -> None:
    """Add codes to an excerpt as a human coder."""
    with handle_errors():
        wb = _wb(ctx)
        for c in codes:
            wb.add_code(excerpt, c.lower(), analyst)
        console.print(f"Added {', '.join(codes)} to excerpt {excerpt}")


@codes_app.command("sheet")
def sheet(ctx: typer.Context, out: Path = typer.Option(..., "--out", help="CSV file to write."),
          document: list[int] = typer.Option(None, "--document", help="Only these document ids.")) -> None:
    """Export a blind coding sheet (no AI codes shown) for an analyst to fill in."""
    from jtbd.model import CODES
    from jtbd.services import coding_sheet_rows

    with handle_errors():
        rows = coding_sheet_rows(_wb(ctx), document or None)
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=["excerpt_id", "document", "speaker", "question", "text", *CODES])
        w.writeheader()
        w.writerows(rows)
        atomic_write_text(out, buf.getvalue())
        console.print(f"Wrote {len(rows)} excerpts to {out}; mark codes with x, then "
                      f"`jtbd codes import-sheet {out} --as YOUR-NAME`")


@codes_app.command("import-sheet")
def import_sheet(ctx: typer.Context, path: Path = typer.Argument(..., help="The filled-in sheet (CSV)."),
                 analyst: str = typer.Option(..., "--as", help="The analyst who coded it.")) -> None:
    """Import an analyst's blind coding sheet (atomic; replaces that analyst's earlier codes)."""
    from jtbd.services import import_coding_sheet

    with handle_errors():
        n = import_coding_sheet(_wb(ctx), path, analyst)
        console.print(f"Imported {n} code(s) by {analyst}")


@codes_app.command("agreement")
def agreement_cmd(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print JSON."),
                  coders: list[str] = typer.Option(None, "--coder", help="Only these coders (repeat).")) -> None:
    """Inter-coder agreement (Cohen's kappa per code) between analysts and the AI."""
    from jtbd.agreement import interpret_kappa
    from jtbd.services import coder_agreement

    with handle_errors():
        pairs = coder_agreement(_wb(ctx), coders or None)
        if as_json:
            common.print_json({"pairs": [p.to_dict() for p in pairs]})
            return
        for p in pairs:
            t = Table(title=f"{p.coder_a} vs {p.coder_b}: {p.excerpts} shared excerpts, mean kappa "
                      f"{'n/a' if p.mean_kappa is None else f'{p.mean_kappa:.2f}'} ({interpret_kappa(p.mean_kappa)})")
            for col in ("code", "kappa", "agreement", p.coder_a, p.coder_b):
                t.add_column(col)
            for code, v in p.per_code.items():
                k = v["kappa"]
                t.add_row(code, "n/a" if k is None else f"{k:.2f}",
                          "n/a" if v["agreement"] is None else f"{v['agreement']:.0%}", str(v["a_count"]),
                          str(v["b_count"]))
            console.print(t)
            if p.disagreements:
                console.print(f"{len(p.disagreements)} excerpt(s) to discuss, e.g.: {p.disagreements[0]['text']!r}")
