"""LLMCoder against a real local HTTP server: batching, context, retries, errors, cache."""
from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest

from jtbd.coding.llm import make_llm_coder
from jtbd.errors import ProviderError
from jtbd.model import Role

from .helpers import FakeLLM, interview


def coder_for(llm: FakeLLM, sleeps: list[float] | None = None, **options: object):
    options.setdefault("base_url", f"{llm.url}/v1")
    return make_llm_coder(sleep=(sleeps if sleeps is not None else []).append, **options)


def test_batches_and_codes(llm: FakeLLM) -> None:
    answers = [[f"Sentence {i} was frustrating." if i % 3 == 0 else f"Sentence {i} I love."
                for i in range(k * 5, k * 5 + 5)] for k in range(9)]
    doc, excerpts = interview(answers)
    with coder_for(llm, batch_size=20) as coder:
        results = coder.code_document(doc, excerpts)
    assert len(llm.requests) == 3  # 45 customer excerpts in batches of 20
    assert len(results) == len(excerpts) == 54
    for ex, res in zip(excerpts, results):
        assert res.coder == coder.name == "llm:openai:gpt-4o-mini"
        assert set(res.scores) >= {"push", "pull"}
        if ex.role == Role.INTERVIEWER:
            assert res.codes == ()
        elif "frustrating" in ex.text:
            assert res.codes == ("push",) and res.scores["push"] == pytest.approx(0.9)
        else:
            assert res.codes == ("pull",)  # the unknown code "delight" is dropped
    sent = "".join(r.prompt for r in llm.requests)
    assert "EXCERPT: Question number" not in sent
    assert sent.count("EXCERPT:") == 45
    body = llm.requests[0].body
    assert body["response_format"] == {"type": "json_object"}
    assert body["messages"][0]["role"] == "system" and "workaround" in body["messages"][0]["content"]
    assert "authorization" not in llm.requests[0].headers  # no key for a local server


def test_prompt_has_question_and_neighbours(llm: FakeLLM) -> None:
    doc, excerpts = interview([["We used paper.", "It was frustrating.", "Then we stopped."]],
                              ["What was going on at that time?"])
    coder_for(llm).code_document(doc, excerpts)
    prompt = llm.requests[0].prompt
    block = prompt.split("[2]\n", 1)[1].split("\n\n", 1)[0]
    assert block.splitlines() == ["Question: What was going on at that time?",
                                  "Before: We used paper.", "EXCERPT: It was frustrating.",
                                  "After: Then we stopped."]


def test_retries_429_with_retry_after_and_500(llm: FakeLLM) -> None:
    llm.script = [(429, {"Retry-After": "7"}, {"error": {"message": "slow down"}}),
                  (500, {}, {"error": {"message": "boom"}})]
    sleeps: list[float] = []
    doc, excerpts = interview([["So frustrating."]])
    coder = coder_for(llm, sleeps, backoff_base=2.0)
    results = coder.code_document(doc, excerpts)
    assert len(llm.requests) == 3 and coder.retries == 2
    assert sleeps[0] == 7.0  # Retry-After honoured
    assert 1.0 <= sleeps[1] <= 4.0  # 2 * 2**1 with jitter in [50%, 100%]
    assert results[1].codes == ("push",)


def test_timeout_is_retried(llm: FakeLLM) -> None:
    llm.script = [("sleep", 0.6)]
    sleeps: list[float] = []
    doc, excerpts = interview([["So frustrating."]])
    results = coder_for(llm, sleeps, timeout=0.2).code_document(doc, excerpts)
    assert len(sleeps) == 1 and results[1].codes == ("push",)


def test_gives_up_after_max_retries(llm: FakeLLM, tmp_path: Path) -> None:
    llm.script = [(503, {}, {"error": {"message": "overloaded"}})] * 3
    doc, excerpts = interview([["So frustrating."]])
    with pytest.raises(ProviderError, match=r"gave up after 3 attempts: HTTP 503.*overloaded.*resume"):
        coder_for(llm, max_retries=2, cache_dir=str(tmp_path)).code_document(doc, excerpts)
    assert len(llm.requests) == 3


def test_401_says_what_to_set_and_hides_key(llm: FakeLLM, caplog: pytest.LogCaptureFixture) -> None:
    llm.require_key = "right-key"
    doc, excerpts = interview([["So frustrating."]])
    caplog.set_level(logging.DEBUG)
    coder = coder_for(llm, api_key="sk-wrong-secret")
    with pytest.raises(ProviderError) as err:
        coder.code_document(doc, excerpts)
    msg = str(err.value)
    assert "HTTP 401" in msg and "OPENAI_API_KEY" in msg and "--api-key" in msg
    assert "sk-wrong-secret" not in msg + caplog.text + repr(coder)
    assert llm.requests[0].headers["authorization"] == "Bearer sk-wrong-secret"
    assert len(llm.requests) == 1  # not retried


def test_right_key_from_env(llm: FakeLLM, monkeypatch: pytest.MonkeyPatch) -> None:
    llm.require_key = "right-key"
    monkeypatch.setenv("JTBD_LLM_API_KEY", "right-key")
    monkeypatch.setenv("JTBD_LLM_BASE_URL", f"{llm.url}/v1")
    doc, excerpts = interview([["So frustrating."]])
    assert make_llm_coder().code_document(doc, excerpts)[1].codes == ("push",)


def test_missing_key_for_remote_endpoint() -> None:
    with pytest.raises(ProviderError, match=r"set OPENAI_API_KEY.*--api-key.*--base-url http://localhost:11434/v1"):
        make_llm_coder(provider="openai")
    with pytest.raises(ProviderError, match="ANTHROPIC_API_KEY"):
        make_llm_coder(provider="anthropic")
    with pytest.raises(ProviderError, match="unknown LLM provider 'gemini'"):
        make_llm_coder(provider="gemini")


def test_unknown_model_404(llm: FakeLLM) -> None:
    doc, excerpts = interview([["So frustrating."]])
    with pytest.raises(ProviderError, match=r"HTTP 404.*'missing-model'.*ollama pull missing-model"):
        coder_for(llm, model="missing-model").code_document(doc, excerpts)


def test_unreachable_endpoint() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    doc, excerpts = interview([["So frustrating."]])
    coder = make_llm_coder(base_url=f"http://127.0.0.1:{port}/v1")
    with pytest.raises(ProviderError, match=r"could not reach.*--base-url"):
        coder.code_document(doc, excerpts)


def test_fenced_reply_with_trailing_text(llm: FakeLLM) -> None:
    llm.style = "fenced"
    doc, excerpts = interview([["So frustrating.", "I love it."]])
    results = coder_for(llm).code_document(doc, excerpts)
    assert [r.codes for r in results] == [(), ("push",), ("pull",)]


def test_garbage_and_partial_replies_are_tolerated(llm: FakeLLM, tmp_path: Path,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    doc, excerpts = interview([["So frustrating.", "I love it."]])
    llm.style = "garbage"
    coder = coder_for(llm, cache_dir=str(tmp_path))
    assert [r.codes for r in coder.code_document(doc, excerpts)] == [(), (), ()]
    assert "not JSON" in caplog.text and coder.warnings
    llm.style = "drop_last"
    results = coder.code_document(doc, excerpts)  # bad reply was not cached: asked again
    assert len(llm.requests) == 2
    assert [r.codes for r in results] == [(), ("push",), ()]
    assert "no answer for item(s) [2]" in coder.warnings[-1]


def test_resume_from_cache(llm: FakeLLM, tmp_path: Path) -> None:
    doc, excerpts = interview([["A frustrating day.", "Fine.", "I love it.", "Worried.", "Ok.", "Done."]])
    llm.script = [("ok",), (500, {}, {"error": {"message": "crash"}})]
    first = coder_for(llm, batch_size=2, max_retries=0, cache_dir=str(tmp_path))
    with pytest.raises(ProviderError):
        first.code_document(doc, excerpts)  # interrupted after the first batch
    assert len(llm.requests) == 2
    second = coder_for(llm, batch_size=2, max_retries=0, cache_dir=str(tmp_path))
    results = second.code_document(doc, excerpts)
    assert (second.requests, second.cached_batches) == (2, 1)
    third = coder_for(llm, batch_size=2, cache_dir=str(tmp_path))
    assert third.code_document(doc, excerpts) == results
    assert (third.requests, third.cached_batches, len(llm.requests)) == (0, 3, 4)
    assert [r.codes for r in results][1:4] == [("push",), (), ("pull",)]


def test_anthropic_protocol(llm: FakeLLM) -> None:
    llm.require_key = "ant-key"
    doc, excerpts = interview([["So frustrating.", "I was worried."]])
    coder = make_llm_coder(provider="anthropic", base_url=llm.url, api_key="ant-key",
                           model="claude-test")
    results = coder.code_document(doc, excerpts)
    req = llm.requests[0]
    assert req.path == "/v1/messages"
    assert req.headers["x-api-key"] == "ant-key"
    assert req.headers["anthropic-version"] == "2023-06-01"
    assert "authorization" not in req.headers
    assert req.body["model"] == "claude-test" and "push" in req.body["system"]
    assert req.body["max_tokens"] > 0 and req.body["messages"][0]["role"] == "user"
    assert [r.codes for r in results] == [(), ("push",), ("anxiety",)]
    assert coder.name == "llm:anthropic:claude-test"


def test_response_format_fallback(llm: FakeLLM) -> None:
    llm.reject_response_format = True
    doc, excerpts = interview([["So frustrating."]])
    coder = coder_for(llm)
    assert coder.code_document(doc, excerpts)[1].codes == ("push",)
    assert coder.code_document(doc, excerpts)[1].codes == ("push",)
    assert ["response_format" in r.body for r in llm.requests] == [True, False, False]
