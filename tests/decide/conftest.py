"""One real study built from the bundled sample (import, code, synthesise, survey), per session."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
import typer
from rich.console import Console


@pytest.fixture(scope="session")
def demo_study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from jtbd.demo import run_demo

    path = tmp_path_factory.mktemp("decide") / "study"
    run_demo(path, console=Console(file=io.StringIO()))
    return path


@pytest.fixture(scope="session")
def ctx(demo_study: Path):
    from jtbd.decide import load_context
    from jtbd.services import open_workbench

    with open_workbench(demo_study) as wb:
        return load_context(wb)


@pytest.fixture(scope="session")
def texts(demo_study: Path) -> dict[int, str]:
    from jtbd.services import open_workbench

    with open_workbench(demo_study) as wb:
        return dict(wb.store.document_texts())


@pytest.fixture()
def cli_app() -> typer.Typer:
    """A CLI with the decide commands (registered the way cli.py registers the others)."""
    from jtbd.commands import common, decide

    app = typer.Typer()

    @app.callback()
    def _main(ctx: typer.Context, study: str = typer.Option(None, "--study")) -> None:
        ctx.obj = common.CliState(study=study)

    decide.register(app)
    return app


@pytest.fixture(scope="session")
def assert_quote(texts: dict[int, str]):
    """Check the evidence invariant: the quote is exactly the document's text at its offsets."""
    def check(ev: dict) -> None:
        assert ev["quote"] == texts[int(ev["document"])][ev["start"]:ev["end"]]
    return check
