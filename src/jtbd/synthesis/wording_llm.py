"""An LLM that polishes the wording of job statements, job stories and outcome statements.

    from jtbd.synthesis import synthesize
    from jtbd.synthesis.wording_llm import LLMWordingImprover

    with LLMWordingImprover(provider="openai", base_url="http://localhost:11434/v1",
                            model="llama3.1") as llm:
        syn = synthesize(inp, improve_wording=llm)

It implements the :class:`~jtbd.synthesis.pipeline.WordingImprover` protocol with one request
per statement (the kind's rules, the current text and a few supporting quotes), through the
LLM coder's config resolution, providers and retries (:mod:`jtbd.coding.llm.complete`). The
synthesis keeps a rewording only when it keeps the form and lints no worse; this class adds
one guard of its own: a reply that brings in a capitalised name absent from the current text
(a product or brand, most likely) is dropped.

It never raises from ``improve``: on a provider failure it returns the text unchanged and
reports the failure once through ``on_warning`` (default: the ``jtbd.synthesis`` logger). A
permanent failure (no key, unreachable endpoint, rejected key, unknown model) switches the
LLM off for the rest of the run, so a dead endpoint costs one request, not one per statement.
"""
from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from jtbd.coding.llm.complete import RetriesExhausted, TextCompleter
from jtbd.errors import ProviderError

log = logging.getLogger("jtbd.synthesis")

#: Bump when the prompt changes in a way that changes answers.
WORDING_PROMPT_VERSION = "wording-1"

SYSTEM_PROMPT = (
    "You are a Jobs-to-be-Done research editor. You rewrite one statement at a time so that it "
    "reads naturally and follows the required form exactly, staying faithful to what the "
    "customers said in the quotes. Never add solutions, tools, features, product names, brand "
    "names or company names. Reply with the rewritten statement only: one line, no quotes, no "
    "label, no explanation. If the statement is already good, repeat it unchanged.")

#: What each kind must look like (shown to the model).
RULES: dict[str, str] = {
    "job": (
        "a job statement: verb + object of the verb + clarifier (the context), e.g. \"get paid on "
        "time for finished client work\". Start with a lower-case verb; one thought (no and/or "
        "joining two jobs); no I/my/we; under 16 words; no punctuation at the end; no solutions, "
        "tools, product or brand names: describe the progress the customer wants, not the means."),
    "story": (
        "a job story: \"When <situation>, I want to <motivation>, so I can <expected outcome>.\" "
        "Keep the three clauses with exactly these connecting words: \"When \", \", I want to \", "
        "\", so I can \"; keep the situation concrete, as in the quotes; end with a full stop; no "
        "product or brand names."),
    "outcome": (
        "a desired-outcome statement: direction + metric + object of control + clarifier, e.g. "
        "\"Minimize the time it takes to know which invoices are overdue\". Start with Minimize or "
        "Increase; keep a metric (the time it takes to, the likelihood of, the number of, the "
        "effort of ...); one outcome (no and/or joining two); under 22 words; no punctuation at "
        "the end; no solutions, product or brand names."),
}

MAX_QUOTES = 5
MAX_QUOTE_CHARS = 300

_FENCE = re.compile(r"```[\w-]*[ \t]*\n?(.*?)\n?```", re.DOTALL)
_LABEL = re.compile(r"^(?:improved|rewritten|revised|new|final)?\s*(?:job statement|job story|"
                    r"outcome statement|desired[- ]outcome statement|statement|story|outcome|answer)"
                    r"\s*:\s*", re.IGNORECASE)
_QUOTES = "\"'“”‘’`"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def build_prompt(kind: str, text: str, quotes: list[str]) -> str:
    """The user message for one statement."""
    lines = [f"Rewrite the statement below. It must be {RULES[kind]}", "", f"Current wording: {text}"]
    shown = [" ".join(q.split())[:MAX_QUOTE_CHARS] for q in quotes if q.strip()][:MAX_QUOTES]
    if shown:
        lines += ["", "What customers said (evidence, verbatim):"]
        lines += [f"- \"{q}\"" for q in shown]
    lines += ["", "Reply with the improved wording only."]
    return "\n".join(lines)


def clean_reply(kind: str, reply: str) -> str:
    """The statement in a model's reply: fences, labels, wrapping quotes and, for job and
    outcome statements, a final full stop removed; the first line that is not a lead-in
    ("Here is the improved statement:")."""
    s = reply.strip()
    fenced = _FENCE.search(s)
    if fenced:
        s = fenced.group(1).strip()
    lines = [line.strip() for line in s.splitlines() if line.strip()]
    s = next((line for line in lines if not line.endswith(":")), "")  # skip "Here it is:"
    s = _LABEL.sub("", s).strip()
    while len(s) >= 2 and s[0] in _QUOTES and s[-1] in _QUOTES:
        s = s[1:-1].strip()
    s = s.strip("*_ ").strip()  # Markdown emphasis around the whole answer
    if kind in ("job", "outcome"):
        s = s.rstrip(".").rstrip()
    return " ".join(s.split())


def new_names(original: str, reply: str) -> list[str]:
    """Capitalised words in ``reply`` (after its first word, apart from "I") that ``original``
    does not contain: most likely product, brand or company names."""
    known = set(_WORD.findall(original))
    words = _WORD.findall(reply)
    return [w for w in words[1:] if w[0].isupper() and w != "I" and w not in known]


@dataclass(frozen=True)
class Proposal:
    """One rewording the model proposed (before the synthesis lints it)."""

    kind: str
    original: str
    proposed: str


class LLMWordingImprover:
    """A ``WordingImprover`` backed by a chat model (OpenAI-compatible or Anthropic).

    Options are the LLM coder's: ``provider`` ("openai" or "anthropic"), ``model``,
    ``base_url`` (env ``JTBD_LLM_BASE_URL``), ``api_key`` (env ``OPENAI_API_KEY`` /
    ``ANTHROPIC_API_KEY`` / ``JTBD_LLM_API_KEY``; optional on localhost), ``timeout`` seconds,
    ``max_retries`` for transient failures. ``on_warning`` receives each warning (at most one
    per distinct failure); by default warnings go to the ``jtbd.synthesis`` logger. A
    configuration that cannot work is reported as a warning too, and the text stays local.
    """

    def __init__(self, *, provider: str = "openai", model: str | None = None,
                 base_url: str | None = None, api_key: str | None = None,
                 timeout: float | None = 60.0, max_retries: int = 2,
                 backoff_base: float = 1.0, backoff_max: float = 30.0,
                 sleep: Callable[[float], None] = time.sleep,
                 on_warning: Callable[[str], None] | None = None) -> None:
        self._on_warning = on_warning
        #: Every warning reported, in order.
        self.warnings: list[str] = []
        #: Every reply that differed from the current wording.
        self.proposals: list[Proposal] = []
        #: Statements sent, requests that failed, replies dropped by this class's own checks.
        self.asked = 0
        self.failed = 0
        self.dropped = 0
        self._off: str | None = None
        self._llm: TextCompleter | None = None
        try:
            self._llm = TextCompleter.from_options(
                provider=provider, model=model, base_url=base_url, api_key=api_key, timeout=timeout,
                max_retries=max_retries, backoff_base=backoff_base, backoff_max=backoff_max, sleep=sleep)
        except ProviderError as exc:
            self._switch_off(str(exc))

    def __repr__(self) -> str:
        return f"LLMWordingImprover({self._llm.provider if self._llm else None!r})"

    @property
    def active(self) -> bool:
        """Whether requests are still being sent (False after a permanent failure)."""
        return self._llm is not None and self._off is None

    def close(self) -> None:
        """Close the HTTP connections."""
        if self._llm is not None:
            self._llm.close()

    def __enter__(self) -> LLMWordingImprover:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def improve(self, kind: str, text: str, quotes: list[str]) -> str:
        """A better wording of ``text`` (a "job", "story" or "outcome"), or ``text`` itself
        when the LLM is off, fails, or answers with something unusable."""
        if kind not in RULES or not text.strip() or not self.active:
            return text
        assert self._llm is not None
        self.asked += 1
        try:
            reply = self._llm.complete(SYSTEM_PROMPT, build_prompt(kind, text, quotes))
        except RetriesExhausted as exc:  # may pass: keep trying the next statements
            self.failed += 1
            if self.failed == 1:
                self._warn(f"LLM wording failed, keeping the local wording where it fails: {exc}")
            return text
        except ProviderError as exc:
            self.failed += 1
            self._switch_off(str(exc))
            return text
        better = clean_reply(kind, reply)
        if not better or better == text:
            return text
        if new_names(text, better) or len(better) > 2 * len(text) + 60:
            self.dropped += 1
            log.info("dropped LLM %s wording %r (new names or too long)", kind, better)
            return text
        self.proposals.append(Proposal(kind, text, better))
        return better

    def accepted(self, texts: set[str]) -> int:
        """How many proposals ended up among ``texts`` (the final statements of a synthesis):
        the rest were rejected by its form checks and linters."""
        return sum(1 for p in self.proposals if p.proposed in texts)

    def _switch_off(self, reason: str) -> None:
        self._off = reason
        self._warn(f"LLM wording is off, keeping the local wording: {reason}")

    def _warn(self, message: str) -> None:
        if message in self.warnings:
            return
        self.warnings.append(message)
        if self._on_warning is not None:
            self._on_warning(message)
        else:
            log.warning("%s", message)
