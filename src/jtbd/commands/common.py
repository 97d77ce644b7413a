"""Helpers shared by the CLI command modules."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from jtbd.errors import JtbdError

T = TypeVar("T")

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
