"""Helpers for the web tests."""
from __future__ import annotations

import re


def csrf_token(client, url: str = "/jobs") -> str:
    """The form token a page hands out (also sets the signed cookie on the client)."""
    html = client.get(url).text
    m = re.search(r'name="csrf" value="([^"]+)"', html)
    assert m, f"no csrf field on {url}"
    return m.group(1)
