"""``LLMWordingImprover`` against a real HTTP server on 127.0.0.1 that rewords statements, and
``jtbd synthesize --llm`` on a real study folder."""
from __future__ import annotations

import json
import re
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from coding_llm.helpers import FakeLLM, Server
from typer.testing import CliRunner

import jtbd.sample as sample
from jtbd.cli import app
from jtbd.synthesis import Synthesis, SynthesisInput, synthesize
from jtbd.synthesis.wording_llm import LLMWordingImprover, build_prompt, clean_reply, new_names

CURRENT = re.compile(r"^Current wording: (.*)$", re.MULTILINE)
KINDS = {"a job statement": "job", "a job story": "story", "a desired-outcome statement": "outcome"}

#: (kind, current wording) -> the fake model's reply
Rule = Callable[[str, str], str]


def polish(kind: str, text: str) -> str:
    """Rewordings that keep the form, wrapped the way chat models like to wrap them."""
    if kind == "job":
        return f"```\n{text} without chasing anyone.\n```"
    if kind == "story":
        return f"Here is the improved job story:\n\n\"{text.replace(', I want to ', ', I want to calmly ', 1)}\""
    return f"**{text} each month**"


@dataclass
class WordingLLM(FakeLLM):
    """The fake chat server, answering wording prompts with ``rule``."""

    rule: Rule = polish
    seen: list[tuple[str, str]] = field(default_factory=list)

    def reply_text(self, prompt: str) -> str:
        kind = next(k for lead, k in KINDS.items() if prompt.startswith(f"Rewrite the statement below. It must be {lead}"))
        match = CURRENT.search(prompt)
        assert match, prompt
        self.seen.append((kind, match.group(1)))
        return self.rule(kind, match.group(1))


@pytest.fixture()
def llm() -> Iterator[WordingLLM]:
    with Server(WordingLLM()) as state:
        yield state


@pytest.fixture(autouse=True)
def _no_llm_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "JTBD_LLM_API_KEY", "JTBD_LLM_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


def dead_url() -> str:
    """A URL on 127.0.0.1 where nothing listens."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def texts(syn: Synthesis) -> tuple[list[str], list[str], list[str]]:
    return ([j.statement for j in syn.jobs], [s.text for s in syn.job_stories],
            [o.statement for o in syn.outcomes])


def test_reworded_statements_are_used_when_they_pass_the_linter(study: SynthesisInput, syn: Synthesis,
                                                                 llm: WordingLLM) -> None:
    with LLMWordingImprover(base_url=f"{llm.url}/v1", model="tiny") as improver:
        better = synthesize(study, improve_wording=improver)
    jobs, stories, outcomes = texts(syn)
    assert texts(better) == ([f"{j} without chasing anyone" for j in jobs],
                             [s.replace(", I want to ", ", I want to calmly ", 1) for s in stories],
                             [f"{o} each month" for o in outcomes])
    assert all(not j.lint for j in better.jobs) and all(not o.lint for o in better.outcomes)
    assert sorted(llm.seen) == sorted([("job", t) for t in jobs] + [("story", t) for t in stories]
                                      + [("outcome", t) for t in outcomes])
    assert improver.asked == len(llm.requests) == len(jobs) + len(stories) + len(outcomes)
    assert improver.accepted(set(sum(texts(better), []))) == improver.asked and not improver.warnings
    body = llm.requests[0].body
    assert body["model"] == "tiny" and "response_format" not in body  # plain text, not JSON mode
    first = body["messages"][-1]["content"]
    assert "verb + object" in first and first.count('\n- "') >= 1  # rules and supporting quotes
    assert better.themes == syn.themes and better.forces == syn.forces  # nothing else changes


def test_product_names_and_broken_forms_are_rejected(study: SynthesisInput, syn: Synthesis,
                                                     llm: WordingLLM) -> None:
    def bad(kind: str, text: str) -> str:
        if kind == "job":
            return "get paid on time with Xero"  # a product name
        if kind == "story":
            return "I want to chase late payments when a client pays late."  # not When/I want to/so I can
        return "chase late payments faster"  # no direction, no metric

    llm.rule = bad
    with LLMWordingImprover(base_url=f"{llm.url}/v1") as improver:
        kept = synthesize(study, improve_wording=improver)
    assert texts(kept) == texts(syn)
    assert improver.dropped == len(syn.jobs)  # "Xero" is new: dropped before the linter sees it
    assert improver.accepted(set(sum(texts(kept), []))) == 0

    llm.rule = lambda kind, text: "get paid on time with xero" if kind == "job" else text.upper()
    with LLMWordingImprover(base_url=f"{llm.url}/v1") as improver:
        kept = synthesize(study, improve_wording=improver)
    assert texts(kept) == texts(syn)  # lower-case brand: the linter rejects it; upper case breaks forms


def test_unreachable_endpoint_keeps_local_wording_with_one_warning(study: SynthesisInput, syn: Synthesis) -> None:
    warnings: list[str] = []
    with LLMWordingImprover(base_url=dead_url(), on_warning=warnings.append) as improver:
        local = synthesize(study, improve_wording=improver)
    assert local.to_dict() == syn.to_dict()
    assert len(warnings) == 1 and "could not reach" in warnings[0] and "--base-url" in warnings[0]
    assert improver.asked == 1 and not improver.active  # switched off after the first failure


def test_missing_key_is_one_clear_warning(study: SynthesisInput, syn: Synthesis,
                                          caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="jtbd.synthesis"):
        improver = LLMWordingImprover(provider="anthropic")
        local = synthesize(study, improve_wording=improver)
    assert local.to_dict() == syn.to_dict() and improver.asked == 0
    assert [r.getMessage() for r in caplog.records] == improver.warnings
    assert len(improver.warnings) == 1 and "ANTHROPIC_API_KEY" in improver.warnings[0]


def test_transient_failures_are_retried_then_skipped(llm: WordingLLM) -> None:
    llm.script = [(503, {}, {"error": {"message": "overloaded"}})] * 2
    warnings: list[str] = []
    improver = LLMWordingImprover(base_url=f"{llm.url}/v1", max_retries=1, sleep=lambda s: None,
                                  on_warning=warnings.append)
    job = "get paid on time for the work"
    assert improver.improve("job", job, ["I chase clients."]) == job  # 2 attempts, both 503
    assert improver.improve("job", job, []) == f"{job} without chasing anyone"
    assert len(warnings) == 1 and "overloaded" in warnings[0] and improver.active
    assert len(llm.requests) == 3
    improver.close()


def test_anthropic_protocol(llm: WordingLLM) -> None:
    llm.require_key = "sk-test"
    with LLMWordingImprover(provider="anthropic", base_url=llm.url, api_key="sk-test") as improver:
        assert improver.improve("outcome", "Minimize the time it takes to chase late payments", []) == \
            "Minimize the time it takes to chase late payments each month"
    assert llm.requests[0].path == "/v1/messages"


def test_replies_are_cleaned_and_new_names_spotted() -> None:
    assert clean_reply("job", "Sure:\n```text\n\"Get paid on time.\"\n```\nHope it helps") == "Get paid on time"
    assert clean_reply("story", "Job story: “When x, I want to y, so I can z.”") == "When x, I want to y, so I can z."
    assert clean_reply("outcome", "Improved statement: 'Minimize the time it takes to file.'") == \
        "Minimize the time it takes to file"
    assert new_names("When I file taxes in April", "When I file taxes in April with Xero, I want") == ["Xero"]
    assert new_names("get paid", "Get paid on time") == []
    prompt = build_prompt("story", "When a, I want to b, so I can c.", ["q1", "  ", "q2"] + ["x"] * 9)
    assert prompt.count('\n- "') == 5 and "Current wording: When a, I want to b, so I can c." in prompt


# --- the CLI -------------------------------------------------------------------------------

runner = CliRunner()
ROOT = Path(sample.__file__).parent


@pytest.fixture(scope="module")
def coded_study(tmp_path_factory: pytest.TempPathFactory) -> Path:
    study = tmp_path_factory.mktemp("wording") / "study"
    assert runner.invoke(app, ["init", str(study)]).exit_code == 0
    files = [str(ROOT / "interviews" / n) for n in ("p01-maya-okafor.md", "p03-zoe-clarke.md",
                                                    "p05-renee-dubois.md")]
    assert runner.invoke(app, ["--study", str(study), "import", *files]).exit_code == 0
    assert runner.invoke(app, ["--study", str(study), "code"]).exit_code == 0
    return study


def test_cli_llm_rewords_and_reports(coded_study: Path, llm: WordingLLM) -> None:
    local = runner.invoke(app, ["--study", str(coded_study), "synthesize", "--json"])
    assert local.exit_code == 0, local.stderr
    res = runner.invoke(app, ["--study", str(coded_study), "synthesize", "--json", "--llm",
                              "--base-url", f"{llm.url}/v1", "--model", "tiny"])
    assert res.exit_code == 0, res.stderr
    before, after = json.loads(local.stdout), json.loads(res.stdout)
    assert [f"{j['statement']} without chasing anyone" for j in before["jobs"]] == \
        [j["statement"] for j in after["jobs"]]
    assert llm.requests and "LLM wording:" in res.stderr and "kept after the linters" in res.stderr
    saved = runner.invoke(app, ["--study", str(coded_study), "export", "synthesis", "--format", "json"])
    assert json.loads(saved.stdout) == after


def test_cli_unreachable_endpoint_warns_and_stays_local(coded_study: Path) -> None:
    local = runner.invoke(app, ["--study", str(coded_study), "synthesize", "--json", "--no-llm"])
    res = runner.invoke(app, ["--study", str(coded_study), "synthesize", "--json", "--llm",
                              "--base-url", dead_url()])
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout) == json.loads(local.stdout)
    assert res.stderr.count("warning:") == 1 and "could not reach" in res.stderr
    res = runner.invoke(app, ["--study", str(coded_study), "synthesize", "--base-url", "http://x"])
    assert res.exit_code == 2 and "--llm" in res.stderr
    assert "--llm" in runner.invoke(app, ["synthesize", "--help"]).stdout
