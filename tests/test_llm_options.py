"""The LLM options are declared once (jtbd.commands.common) and read alike in every command."""
from __future__ import annotations

import re

import typer.main
from typer.testing import CliRunner

from jtbd.cli import app
from jtbd.commands.common import llm_options

SHARED = ("--provider", "--model", "--base-url", "--api-key")


def _options(command: str) -> dict[str, object]:
    group = typer.main.get_command(app)
    cmd = group.commands[command]  # type: ignore[attr-defined]
    return {opt: p for p in cmd.params for opt in p.opts if opt.startswith("--")}


def test_code_and_synthesize_share_the_llm_options() -> None:
    code, synth = _options("code"), _options("synthesize")
    for name in SHARED:
        a, b = code[name], synth[name]
        assert a.help and a.help == b.help, name  # type: ignore[attr-defined]
        assert a.default is None and b.default is None and a.name == b.name  # type: ignore[attr-defined]
    assert {"--batch-size", "--cache-dir"} <= set(code) and not {"--batch-size", "--cache-dir"} & set(synth)


def test_llm_options_keep_only_given_values() -> None:
    assert llm_options(provider="anthropic", model=None, batch_size=0) == {"provider": "anthropic", "batch_size": 0}
    assert llm_options(model=None) == {}


def _flat(text: str) -> str:
    """The error message without Rich's box and line wrapping."""
    return " ".join(re.sub("[│╭╮╰╯─]", " ", text).split())


def test_llm_options_need_the_llm_switch() -> None:
    res = CliRunner().invoke(app, ["code", "x.txt", "--model", "m"])
    assert res.exit_code == 2 and "apply to --coder llm" in _flat(res.stderr)
    res = CliRunner().invoke(app, ["synthesize", "--base-url", "http://localhost:1/v1"])
    assert res.exit_code == 2 and "apply to --llm" in _flat(res.stderr)
