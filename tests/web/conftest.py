"""Fixtures for the web and report tests: a real coded study (SQLite in tmp_path) and a
TestClient over the app."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from study_factory import build_study  # noqa: E402


@pytest.fixture()
def wb(tmp_path: Path):
    w = build_study(tmp_path / "study")
    yield w
    w.close()


@pytest.fixture()
def bare_wb(tmp_path: Path):
    """A study with documents and codes but no synthesis or survey artifacts."""
    w = build_study(tmp_path / "bare", survey=False, synthesised=False)
    yield w
    w.close()


@pytest.fixture()
def client(wb):
    from fastapi.testclient import TestClient

    from jtbd.web import create_app

    with TestClient(create_app(lambda: wb)) as c:
        yield c
