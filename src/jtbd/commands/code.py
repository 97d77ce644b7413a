"""``jtbd code``: code evidence with the local (or LLM) coder.

* ``jtbd code FILE... --jsonl`` codes files stand-alone (no study) and prints one JSON object
  per excerpt on stdout (see :mod:`jtbd.coding.standalone`);
* ``jtbd code`` without files codes the study's pending documents (``--recode``: all of them;
  human codes are never overwritten).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from jtbd.commands import common
from jtbd.commands.common import (LLM_PANEL, LlmApiKey, LlmBaseUrl, LlmModel, LlmProvider, err_console, handle_errors,
                                  llm_options)
from jtbd.errors import InputError, JtbdError


def parse_roles_option(value: str | None) -> dict[str, str] | None:
    """``"Anna=interviewer,Ben=customer"`` → ``{"Anna": "interviewer", "Ben": "customer"}``."""
    if not value:
        return None
    out: dict[str, str] = {}
    for part in value.split(","):
        if not part.strip():
            continue
        name, sep, role = part.partition("=")
        if not sep or not name.strip() or role.strip().lower() not in ("interviewer", "customer"):
            raise InputError(f"--roles: cannot read {part.strip()!r}; write NAME=interviewer or "
                             "NAME=customer, comma-separated, e.g. 'Anna=interviewer,Ben=customer'")
        out[name.strip()] = role.strip().lower()
    return out


def register(app: typer.Typer) -> None:
    """Add ``jtbd code`` to the app."""

    @app.command("code")
    def code(
        ctx: typer.Context,
        files: list[Path] = typer.Argument(
            None, help="Files to code stand-alone (.txt .md .vtt .srt .docx .pdf .csv .xlsx .jsonl). "
            "Without files, code the study's pending documents."),
        jsonl: bool = typer.Option(False, "--jsonl", help="Print one JSON object per excerpt on stdout."),
        text_column: str = typer.Option(None, "--text-column", help="Column holding the text in a table."),
        kind: str = typer.Option(None, "--kind", help="Document kind: interview, review, ticket, "
                                 "survey-answer or document (default: from the file type)."),
        coder_name: str = typer.Option("local", "--coder", help="Coder: local (offline, default) or llm."),
        fast: bool = typer.Option(False, "--fast", help="Local coder: the linear model only, without "
                                  "the fine-tuned MiniLM model (about 3x faster, less accurate)."),
        roles: str = typer.Option(None, "--roles", help="Speaker roles, e.g. 'Anna=interviewer,Ben=customer'."),
        recode: bool = typer.Option(False, "--recode", help="Study mode: re-run AI codes for every "
                                    "document (human codes are kept)."),
        provider: LlmProvider = None,
        model: LlmModel = None,
        base_url: LlmBaseUrl = None,
        api_key: LlmApiKey = None,
        batch_size: int = typer.Option(None, "--batch-size", help="LLM coder: excerpts per request.",
                                        rich_help_panel=LLM_PANEL),
        cache_dir: Path = typer.Option(None, "--cache-dir", help="LLM coder: cache folder, so an "
                                       "interrupted run resumes (study mode: inside the study).",
                                       rich_help_panel=LLM_PANEL),
    ) -> None:
        """Code customer evidence with JTBD codes (forces, trigger, workaround, alternative,
        outcome, emotional, social). With FILEs: stand-alone, JSON lines on stdout."""
        from jtbd.coding import get_coder

        with handle_errors():
            options: dict[str, object] = {}
            given = llm_options(provider=provider, model=model, base_url=base_url, api_key=api_key,
                                batch_size=batch_size, cache_dir=cache_dir)
            if coder_name.strip().lower() == "llm":
                options = given
                if "cache_dir" not in options and not files:
                    options["cache_dir"] = _study_cache_dir(ctx)
            elif given:
                raise typer.BadParameter("--provider/--model/--base-url/--api-key/--batch-size/--cache-dir "
                                         "apply to --coder llm")
            if fast:
                if coder_name.strip().lower() == "llm":
                    raise typer.BadParameter("--fast applies to the local coder")
                options["transformer"] = False
            coder = get_coder(coder_name, **options)
            if files:
                raise typer.Exit(_code_files([str(f) for f in files], jsonl=jsonl,
                                             text_column=text_column, kind=kind, coder=coder,
                                             roles=parse_roles_option(roles)))
            _code_study(ctx, coder, recode)


def _code_files(paths: list[str], *, jsonl: bool, text_column: str | None, kind: str | None,
                coder: object, roles: dict[str, str] | None) -> int:
    from jtbd.coding.standalone import code_files
    from jtbd.commands.progress import progress_bar

    failed: list[str] = []

    def on_error(path: str, exc: JtbdError) -> None:
        failed.append(path)
        msg = str(exc)
        err_console.print(f"[bold red]error:[/] {msg if path in msg else f'{path}: {msg}'}",
                          highlight=False, soft_wrap=True)

    def on_warning(message: str) -> None:
        err_console.print(f"[yellow]warning:[/] {message}", highlight=False, soft_wrap=True)

    out = sys.stdout
    counts: dict[str, int] = {}
    with progress_bar("Coding") as update:
        for rec in code_files(paths, text_column=text_column, kind=kind, coder=coder,  # type: ignore[arg-type]
                              roles=roles, on_error=on_error, on_warning=on_warning,
                              progress=update):
            if jsonl:
                out.write(json.dumps(rec, ensure_ascii=False))
                out.write("\n")
            for c in rec["codes"]:
                counts[c] = counts.get(c, 0) + 1
    if not jsonl:
        summary = ", ".join(f"{c} {n}" for c, n in sorted(counts.items(), key=lambda kv: -kv[1]))
        common.console.print(f"coded {len(paths) - len(failed)} file(s): {summary or 'no codes'}"
                             " (use --jsonl for every excerpt)")
    out.flush()
    return 1 if failed else 0


def _study_cache_dir(ctx: typer.Context) -> Path:
    from jtbd.config import resolve_study_dir

    return resolve_study_dir(common.state(ctx).study) / ".jtbd" / "llm-cache"


def _code_study(ctx: typer.Context, coder: object, recode: bool) -> None:
    try:
        from jtbd.services import open_workbench
    except ImportError as exc:  # the study layer is optional for stand-alone coding
        raise JtbdError("study coding is not available in this build; pass FILEs to code "
                        f"them stand-alone ({exc})") from exc
    from jtbd.commands.progress import progress_bar

    wb = open_workbench(common.state(ctx))
    with progress_bar("Coding") as update:
        report = wb.code_pending(coder=coder, progress=update, recode=recode)  # type: ignore[arg-type]
    docs = getattr(report, "documents", "?")
    excerpts = getattr(report, "excerpts", "?")
    codes = getattr(report, "codes", "?")
    common.console.print(f"[green]✓[/] coded {docs} document(s), {excerpts} excerpt(s), "
                         f"{codes} code(s) with {getattr(report, 'coder', '')}")
    skipped = getattr(report, "skipped_language", [])
    if skipped:
        err_console.print(f"[yellow]warning:[/] {len(skipped)} document(s) do not look like English and were left "
                          f"uncoded (the local coder supports English only; try --coder llm): "
                          f"{', '.join(skipped[:5])}{' …' if len(skipped) > 5 else ''}", highlight=False)
