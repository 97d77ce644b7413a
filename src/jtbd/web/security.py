"""CSRF protection and security headers for the local web app.

CSRF: every browser gets a random token in a signed, HttpOnly, SameSite=Strict cookie; every
form carries the same token in a hidden ``csrf`` field (or the ``X-CSRF-Token`` header for
scripted requests). A POST whose cookie is missing, forged, or does not match the form's token
is rejected with 403.

Headers: a strict Content-Security-Policy (scripts and styles only from this origin, no inline
script, no plugins, no framing) plus nosniff / no-referrer / frame denial.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable

from fastapi import HTTPException, Request
from starlette.responses import Response

COOKIE = "jtbd_csrf"
FIELD = "csrf"
HEADER = "x-csrf-token"
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class CsrfSigner:
    """Issues and verifies signed CSRF cookies (``token.signature``)."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def _sign(self, token: str) -> str:
        return hmac.new(self._secret, token.encode(), hashlib.sha256).hexdigest()

    def new_cookie(self) -> tuple[str, str]:
        """(token, cookie value)."""
        token = secrets.token_urlsafe(24)
        return token, f"{token}.{self._sign(token)}"

    def token_of(self, cookie: str | None) -> str | None:
        """The token in a correctly signed cookie, else None."""
        if not cookie or "." not in cookie:
            return None
        token, sig = cookie.rsplit(".", 1)
        return token if hmac.compare_digest(sig, self._sign(token)) else None


def middleware(signer: CsrfSigner, csp: str = CSP) -> Callable[[Request, Callable[[Request], Awaitable[Response]]],
                                                               Awaitable[Response]]:
    """HTTP middleware: attaches ``request.state.csrf``, refuses cookie-less POSTs, sets headers."""

    async def csrf_and_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        token = signer.token_of(request.cookies.get(COOKIE))
        new_cookie = None
        if token is None:
            if request.method not in SAFE_METHODS:
                response: Response = Response("403 Forbidden: missing or invalid CSRF cookie; reload the page "
                                              "and submit the form again.", status_code=403, media_type="text/plain")
                _headers(response, csp)
                return response
            token, new_cookie = signer.new_cookie()
        request.state.csrf = token
        response = await call_next(request)
        if new_cookie:
            response.set_cookie(COOKIE, new_cookie, httponly=True, samesite="strict", path="/")
        _headers(response, csp)
        return response

    return csrf_and_headers


def _headers(response: Response, csp: str) -> None:
    response.headers.setdefault("Content-Security-Policy", csp)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Frame-Options"] = "DENY"


async def require_csrf(request: Request) -> None:
    """Route dependency for every POST: the form's (or header's) token must match the cookie's."""
    expected = getattr(request.state, "csrf", None)
    sent = request.headers.get(HEADER)
    if sent is None:
        form = await request.form()
        value = form.get(FIELD)
        sent = value if isinstance(value, str) else None
    if not expected or not sent or not hmac.compare_digest(sent, expected):
        raise HTTPException(status_code=403, detail="CSRF token missing or wrong; reload the page and try again.")
