"""Helpers shared by the CLI command modules."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from jtbd.errors import JtbdError

T = TypeVar("T")

# ------------------------------------------------------------------ LLM options
# Declared once for every command that can call an LLM (`jtbd code --coder llm`,
# `jtbd synthesize --llm`): use as ``provider: LlmProvider = None``. Each command checks that
# they are only given together with its LLM switch. ``--help`` lists them under LLM_PANEL.
LLM_PANEL = "LLM options"
LlmProvider = Annotated[str | None, typer.Option(
    "--provider", help="LLM provider: openai (default; any OpenAI-compatible endpoint: OpenAI, Ollama, "
    "vLLM, llama.cpp server) or anthropic.", rich_help_panel=LLM_PANEL)]
LlmModel = Annotated[str | None, typer.Option("--model", help="LLM model name.", rich_help_panel=LLM_PANEL)]
LlmBaseUrl = Annotated[str | None, typer.Option(
    "--base-url", help="LLM endpoint, e.g. http://localhost:11434/v1 (env JTBD_LLM_BASE_URL).",
    rich_help_panel=LLM_PANEL)]
LlmApiKey = Annotated[str | None, typer.Option(
    "--api-key", help="LLM API key (better: set OPENAI_API_KEY, ANTHROPIC_API_KEY or JTBD_LLM_API_KEY, "
    "which stay out of shell history).", rich_help_panel=LLM_PANEL)]


def llm_options(**values: object) -> dict[str, object]:
    """The LLM options the user gave (those not ``None``), as keyword arguments for the
    LLM client, e.g. ``llm_options(provider=provider, model=model)``."""
    return {k: v for k, v in values.items() if v is not None}


console = Console()
err_console = Console(stderr=True)


@dataclass
class CliState:
    study: str | None = None
    db: str | None = None


def state(ctx: typer.Context) -> CliState:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, CliState) else CliState()


@contextmanager
def handle_errors() -> Iterator[None]:
    """Turn domain errors into a clear message on stderr and a non-zero exit."""
    try:
        yield
    except JtbdError as exc:
        err_console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(exc.exit_code) from None


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


def run(fn: Callable[[], T]) -> T:
    with handle_errors():
        return fn()
