"""Docs that cannot drift: the CLI reference matches the code; the README's commands exist."""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_current() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import gen_cli_docs
    finally:
        sys.path.pop(0)
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == gen_cli_docs.render(), (
        "docs/cli.md is out of date: run `python scripts/gen_cli_docs.py`")


def test_readme_commands_exist() -> None:
    import typer.main

    from jtbd.cli import app

    group = typer.main.get_command(app)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = "\n".join(re.findall(r"```bash\n(.*?)```", readme, flags=re.S))
    used = set(re.findall(r"(?:^|; |&& )jtbd (?:--study \S+ )?([a-z-]+)", blocks, flags=re.M))
    assert used, "the README shows jtbd commands"
    for name in used:
        assert name in group.commands, f"README mentions `jtbd {name}`, which does not exist"
