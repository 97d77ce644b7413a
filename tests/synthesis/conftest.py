"""Shared fixtures: the fictional two-job study, synthesised once per session."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from jtbd.synthesis import Synthesis, SynthesisInput, synthesize
from jtbd.synthesis.examples import example_study


@pytest.fixture(scope="session")
def study() -> SynthesisInput:
    return example_study()


@pytest.fixture(scope="session")
def syn(study: SynthesisInput) -> Synthesis:
    return synthesize(study)


@pytest.fixture(scope="session")
def syn_dict(syn: Synthesis) -> dict[str, Any]:
    return syn.to_dict()


@pytest.fixture(scope="session")
def evidence_of() -> Any:
    """A function listing every (path, evidence dict) in a to_dict() tree."""
    return iter_evidence


def iter_evidence(obj: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every evidence item anywhere in a to_dict() tree, with its path."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k.endswith("evidence") and isinstance(v, list):
                for i, e in enumerate(v):
                    yield f"{path}.{k}[{i}]", e
            else:
                yield from iter_evidence(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from iter_evidence(v, f"{path}[{i}]")
