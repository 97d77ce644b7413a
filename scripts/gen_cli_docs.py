"""Write docs/cli.md, the CLI reference, from the code (a test checks it is current).

    python scripts/gen_cli_docs.py
"""
from __future__ import annotations

import sys
from pathlib import Path

from typing import Any

import typer.main

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "cli.md"


def render() -> str:
    from jtbd.cli import app

    root = typer.main.get_command(app)
    lines = ["# CLI reference", "", "Generated from the code by `python scripts/gen_cli_docs.py`; do not edit.", ""]

    def walk(cmd: Any, path: list[str]) -> None:
        if path:
            lines.append(f"{'#' * min(len(path) + 1, 4)} `jtbd {' '.join(path)}`")
            lines.append("")
            lines.append((cmd.help or "").strip().split("\n\n")[0].replace("\n", " "))
            lines.append("")
            params = [p for p in cmd.params if p.name not in ("help",)]
            if params:
                for p in params:
                    if getattr(p, "param_type_name", "") == "argument":
                        lines.append(f"- `{p.name.upper()}`{'' if p.required else ' (optional)'}"
                                     f"{': ' + p.help if getattr(p, 'help', None) else ''}")
                    else:
                        opts = ", ".join(f"`{o}`" for o in [*p.opts, *p.secondary_opts])
                        lines.append(f"- {opts}: {(p.help or '').strip()}")
                lines.append("")
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, [*path, name])

    lines.append("Global options, before the command:")
    lines.append("")
    for p in root.params:
        if p.name != "help":
            env = f" (env `{p.envvar}`)" if getattr(p, "envvar", None) else ""
            lines.append(f"- {', '.join(f'`{o}`' for o in p.opts)}{env}: {(p.help or '').strip()}")
    lines.append("")
    walk(root, [])
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
