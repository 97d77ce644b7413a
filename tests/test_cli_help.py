"""``--help`` texts: docstring paragraphs are reflowed, lists keep their layout."""
from __future__ import annotations

import inspect

from jtbd.cli import _reflow, app


def test_reflow_joins_paragraph_lines_and_keeps_lists() -> None:
    doc = """Import evidence. Each file is imported
    atomically.

    Steps:
    - read
    - code
    """
    assert _reflow(inspect.cleandoc(doc)) == "Import evidence. Each file is imported atomically.\n\nSteps:\n- read\n- code"


def test_every_command_has_one_line_paragraphs() -> None:
    """No registered command's summary paragraph keeps a source line break."""
    def commands(group):  # type: ignore[no-untyped-def]
        yield from group.registered_commands
        for sub in group.registered_groups:
            yield from commands(sub.typer_instance)

    helps = [c.help for c in commands(app) if c.help]
    assert len(helps) > 20
    assert all("\n" not in h.split("\n\n")[0] for h in helps)
