"""Rich progress bars on stderr for long work (hidden when stderr is not a terminal)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from jtbd.commands.common import err_console


@contextmanager
def progress_bar(description: str) -> Iterator[callable]:  # type: ignore[valid-type]
    """Yields ``update(done, total, label)`` for the service layer's progress callbacks."""
    bar = Progress(TextColumn("[bold blue]{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TextColumn("{task.fields[label]}", style="dim"), TimeRemainingColumn(),
                   console=err_console, transient=True, disable=not err_console.is_terminal)
    with bar:
        task = bar.add_task(description, total=None, label="")

        def update(done: int, total: int, label: str = "") -> None:
            bar.update(task, completed=done, total=total or None, label=label[-50:])

        yield update
