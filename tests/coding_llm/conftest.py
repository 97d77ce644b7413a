from __future__ import annotations

from collections.abc import Iterator

import pytest

from .helpers import FakeLLM, Server


@pytest.fixture()
def llm() -> Iterator[FakeLLM]:
    """A running fake LLM server (OpenAI and Anthropic protocols)."""
    with Server(FakeLLM()) as state:
        yield state


@pytest.fixture(autouse=True)
def _no_llm_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "JTBD_LLM_API_KEY", "JTBD_LLM_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
