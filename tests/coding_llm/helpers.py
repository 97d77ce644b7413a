"""Test helpers: a real local HTTP server speaking the OpenAI and Anthropic protocols, and
builders for documents and excerpts."""
from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from jtbd.model import Excerpt, ParsedDocument, Role, Turn

ITEM = re.compile(r"^\[(\d+)\]\n(?:.*\n)*?EXCERPT: (.*)$", re.MULTILINE)


def label(text: str) -> tuple[list[str], dict[str, float]]:
    """The fake model's rules: computed from the excerpt text."""
    codes: list[str] = []
    low = text.lower()
    if "frustrat" in low:
        codes.append("push")
    if "worried" in low:
        codes.append("anxiety")
    if "love" in low:
        codes += ["pull", "delight"]  # "delight" is not a jtbd code: must be dropped
    return codes, {c: 0.9 for c in codes}


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def prompt(self) -> str:
        return str(self.body["messages"][-1]["content"])


@dataclass
class FakeLLM:
    """State shared with the handler. ``script`` holds forced replies used before the
    computed ones: ``(status, headers, body)``, ``("sleep", seconds)`` or ``("ok",)``."""

    port: int = 0
    style: str = "plain"  # plain | fenced | garbage | drop_last
    require_key: str | None = None
    reject_response_format: bool = False
    script: list[tuple[Any, ...]] = field(default_factory=list)
    requests: list[Recorded] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reply_text(self, prompt: str) -> str:
        items = [{"i": int(n), "codes": label(text)[0], "confidence": label(text)[1]}
                 for n, text in ITEM.findall(prompt)]
        if self.style == "drop_last":
            items = items[:-1]
        body = json.dumps({"items": items})
        if self.style == "fenced":
            return f"Sure! Here are the codes:\n```json\n{body}\n```\nLet me know if you need more."
        if self.style == "garbage":
            return "I cannot help with that."
        return body


def _handler(state: FakeLLM) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

        def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
            raw = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(raw)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(raw)

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.requests.append(Recorded(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
            if state.script:
                step = state.script.pop(0)
                if step[0] == "sleep":
                    time.sleep(step[1])
                elif step[0] != "ok":
                    return self._send(step[0], step[2], step[1])
            anthropic = self.path == "/v1/messages"
            if not anthropic and self.path != "/v1/chat/completions":
                return self._send(404, {"error": {"message": f"no route {self.path}"}})
            if state.require_key:
                given = (self.headers.get("x-api-key") if anthropic
                         else (self.headers.get("Authorization") or "").removeprefix("Bearer "))
                if given != state.require_key:
                    return self._send(401, {"error": {"message": f"Incorrect API key provided: {given}"}})
            if body.get("model") == "missing-model":
                return self._send(404, {"error": {"message": "model 'missing-model' not found"}})
            if state.reject_response_format and "response_format" in body:
                return self._send(400, {"error": {"message": "response_format is not supported"}})
            text = state.reply_text(str(body["messages"][-1]["content"]))
            if anthropic:
                return self._send(200, {"type": "message", "role": "assistant",
                                        "content": [{"type": "text", "text": text}]})
            return self._send(200, {"choices": [{"index": 0, "message": {"role": "assistant", "content": text}}]})

    return Handler


class Server:
    """Context manager running ``FakeLLM`` on 127.0.0.1 (port 0) in a thread."""

    def __init__(self, state: FakeLLM) -> None:
        self.state = state
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
        state.port = self.httpd.server_address[1]
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                       daemon=True)

    def __enter__(self) -> FakeLLM:
        self.thread.start()
        return self.state

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def interview(answers: list[list[str]], questions: list[str] | None = None) -> tuple[ParsedDocument, list[Excerpt]]:
    """An interview: question i then answer i (a list of sentences); one excerpt per sentence
    and one per question."""
    text, turns, excerpts = "", [], []
    for i, sentences in enumerate(answers):
        q = questions[i] if questions else f"Question number {i + 1}?"
        for role, speaker, parts in ((Role.INTERVIEWER, "Ivy", [q]), (Role.CUSTOMER, "Cam", sentences)):
            text += f"{speaker}: "
            start = len(text)
            for s in parts:
                a = len(text)
                text += s
                excerpts.append(Excerpt(a, len(text), s, speaker, role, len(turns)))
                text += " "
            turns.append(Turn(start, len(text) - 1, speaker, role))
            text = text[:-1] + "\n"
    return ParsedDocument(source="cam.txt", kind="interview", text=text, turns=tuple(turns)), excerpts
