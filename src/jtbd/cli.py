"""The ``jtbd`` command line: a thin adapter over :mod:`jtbd.services`.

Each area registers its commands from a module in :mod:`jtbd.commands`. Commands translate
:class:`jtbd.errors.JtbdError` into a message on stderr and a non-zero exit status; they do
no domain work themselves.
"""
from __future__ import annotations

import inspect
import re

import typer

from jtbd.commands import common

app = typer.Typer(
    name="jtbd",
    help="jtbd: a Jobs-to-be-Done research workbench. Import customer evidence, code it, "
    "synthesise jobs, forces and outcomes, score opportunities and share a report — offline.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _main(
    ctx: typer.Context,
    study: str = typer.Option(
        None, "--study", envvar="JTBD_STUDY", help="Study folder (default: the current directory)."
    ),
    db: str = typer.Option(
        None, "--db", envvar="JTBD_DATABASE_URL",
        help="SQLAlchemy database URL (e.g. postgresql+psycopg://...) instead of the study's SQLite file.",
    ),
) -> None:
    ctx.obj = common.CliState(study=study, db=db)


def _register() -> None:
    from jtbd.commands import code as code_cmds
    from jtbd.commands import decide as decide_cmds
    from jtbd.commands import review as review_cmds
    from jtbd.commands import show as show_cmds
    from jtbd.commands import study as study_cmds
    from jtbd.commands import survey as survey_cmds
    from jtbd.commands import synth as synth_cmds

    for module in (study_cmds, code_cmds, review_cmds, synth_cmds, survey_cmds, show_cmds, decide_cmds):
        module.register(app)


def _reflow(doc: str) -> str:
    """A docstring as help text: the lines of an ordinary paragraph joined (rich keeps each
    source line break, which shows as ragged lines in ``--help``); paragraphs with list items
    or indented lines keep their layout."""
    paragraphs = []
    for para in re.split(r"\n\s*\n", doc.strip()):
        lines = para.splitlines()
        if any(re.match(r"\s|[-*]\s|\d+\.\s", line) for line in lines[1:]):
            paragraphs.append(para)
        else:
            paragraphs.append(" ".join(line.strip() for line in lines))
    return "\n\n".join(paragraphs)


def _reflow_help(group: typer.Typer) -> None:
    for command in group.registered_commands:
        if command.help is None and command.callback is not None and command.callback.__doc__:
            command.help = _reflow(inspect.getdoc(command.callback) or "")
    for sub in group.registered_groups:
        if sub.typer_instance is not None:
            _reflow_help(sub.typer_instance)


_register()
_reflow_help(app)


def main() -> None:  # pragma: no cover - entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
