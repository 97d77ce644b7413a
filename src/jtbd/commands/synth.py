"""``jtbd synthesize``: themes, jobs, job stories, forces, timelines, alternatives, job map
and outcome statements from the study's coded evidence (see :mod:`jtbd.synthesis`)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from jtbd.commands import common
from jtbd.commands.common import (LlmApiKey, LlmBaseUrl, LlmModel, LlmProvider, err_console, handle_errors,
                                  llm_options)
from jtbd.errors import InputError

if TYPE_CHECKING:
    from jtbd.synthesis import Synthesis
    from jtbd.synthesis.wording_llm import LLMWordingImprover


def register(app: typer.Typer) -> None:
    """Add ``jtbd synthesize`` and ``jtbd export synthesis`` to the app."""
    export_app = typer.Typer(help="Export saved results (no recomputation).", no_args_is_help=True)
    app.add_typer(export_app, name="export")

    @export_app.command("synthesis")
    def export_synthesis(
        ctx: typer.Context,
        fmt: str = typer.Option("md", "--format", help="json or md."),
        out: Path = typer.Option(None, "--out", help="Write to this file instead of stdout."),
    ) -> None:
        """Export the last synthesis (from `jtbd synthesize`) as JSON or Markdown."""
        from jtbd.services import open_workbench
        from jtbd.synthesis import Synthesis

        with handle_errors():
            if fmt not in ("json", "md"):
                raise InputError(f"--format must be json or md, not {fmt!r}")
            wb = open_workbench(common.state(ctx))
            try:
                data = wb.load_artifact("synthesis")
            finally:
                wb.close()
            if data is None:
                raise InputError("no synthesis saved yet; run `jtbd synthesize` first")
            if fmt == "json":
                import json

                text = json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
            else:
                text = Synthesis.from_dict(data).to_markdown()
            if out is None:
                sys.stdout.write(text)
                return
            try:
                out.write_text(text, encoding="utf-8")
            except OSError as exc:
                raise InputError(f"cannot write the export ({exc.strerror or exc}); check the folder exists",
                                 path=str(out)) from None
            err_console.print(f"Synthesis exported to {out}")

    @app.command("synthesize")
    def synthesize_cmd(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help="Print the synthesis as one JSON object on stdout."),
        seed: int = typer.Option(0, "--seed", help="Random seed for clustering (same seed, same result)."),
        out: Path = typer.Option(None, "--out", help="Also write a Markdown export to this file (e.g. synthesis.md)."),
        llm: bool = typer.Option(False, "--llm/--no-llm", help="Let an LLM polish the wording of job statements, "
                                 "job stories and outcome statements (kept only when they pass the linters). "
                                 "Default: no LLM, fully local and deterministic."),
        provider: LlmProvider = None,
        model: LlmModel = None,
        base_url: LlmBaseUrl = None,
        api_key: LlmApiKey = None,
    ) -> None:
        """Synthesise jobs, job stories, forces, timelines, alternatives, the job map and
        desired-outcome statements from the coded evidence, and save them in the study.
        With --llm, a configured LLM may improve the wording; on any LLM failure the local
        wording stays and a warning says why."""
        from jtbd.commands.progress import progress_bar
        from jtbd.services import open_workbench
        from jtbd.synthesis import synthesize

        with handle_errors():
            if out is not None and out.suffix.lower() not in (".md", ".markdown"):
                raise InputError("--out takes a Markdown file name ending in .md, e.g. --out synthesis.md",
                                 path=str(out))
            given = llm_options(provider=provider, model=model, base_url=base_url, api_key=api_key)
            if not llm and given:
                raise typer.BadParameter("--provider/--model/--base-url/--api-key apply to --llm")
            wb = open_workbench(common.state(ctx))
            improver = None
            try:
                inp = wb.synthesis_input(seed=seed)
                if not inp.excerpts:
                    raise InputError("the study has no coded excerpts yet; import evidence with "
                                     "`jtbd import` and code it with `jtbd code` first")
                if llm:
                    improver = _wording_llm(given)
                with progress_bar("Synthesising") as update:
                    syn = synthesize(inp, progress=lambda label, frac: update(round(frac * 100), 100, label),
                                     improve_wording=improver)
                wb.save_artifact("synthesis", syn.to_dict())
            finally:
                wb.close()
                if improver is not None:
                    improver.close()
            if improver is not None:
                _llm_summary(improver, syn)
            if out is not None:
                try:
                    out.write_text(syn.to_markdown(), encoding="utf-8")
                except OSError as exc:
                    raise InputError(f"cannot write the Markdown export ({exc.strerror or exc}); "
                                     "check the folder exists and is writable", path=str(out)) from None
            if as_json:
                common.print_json(syn.to_dict())
                return
            _summary(syn, out)


def _wording_llm(options: dict[str, object]) -> LLMWordingImprover:
    from jtbd.synthesis.wording_llm import LLMWordingImprover

    def warn(message: str) -> None:
        err_console.print(f"[yellow]warning:[/] {escape(message)}", highlight=False, soft_wrap=True)

    return LLMWordingImprover(on_warning=warn, **options)  # type: ignore[arg-type]


def _llm_summary(improver: LLMWordingImprover, syn: Synthesis) -> None:
    texts = ({j.statement for j in syn.jobs} | {s.text for s in syn.job_stories}
             | {o.statement for o in syn.outcomes})
    err_console.print(f"LLM wording: {improver.asked} statements sent, {len(improver.proposals)} reworded, "
                      f"{improver.accepted(texts)} kept after the linters.", highlight=False)


def _summary(syn: object, out: Path | None) -> None:
    from rich.table import Table

    from jtbd.synthesis import Synthesis

    assert isinstance(syn, Synthesis)
    table = Table(title="Jobs", show_lines=False)
    for col in ("id", "job statement", "participants", "push+pull", "anxiety+habit"):
        table.add_column(col)
    for j in syn.jobs:
        b = j.force_balance
        table.add_row(j.id, j.statement, str(len(j.participants)), f"{b.progress:.2f}" if b else "",
                      f"{b.resistance:.2f}" if b else "")
    common.console.print(table)
    common.console.print(
        f"{len(syn.job_stories)} job stories, {len(syn.outcomes)} outcome statements, {len(syn.themes)} themes, "
        f"{len(syn.timelines)} timelines, {len(syn.alternatives)} alternatives, {len(syn.warnings)} warnings.")
    for w in syn.warnings[:10]:
        err_console.print(f"[yellow]warning:[/] {w.message}", highlight=False, soft_wrap=True)
    if out is not None:
        common.console.print(f"Markdown export written to {out}")
