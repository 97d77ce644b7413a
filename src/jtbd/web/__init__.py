"""The local web app: ``create_app(workbench_opener)`` returns a FastAPI app over one study.

Run it with ``jtbd serve`` (binds to 127.0.0.1). Pages are server-rendered Jinja2 templates
with autoescape; ``static/app.js`` adds small progressive enhancements (no build step, no CDN).
"""
from __future__ import annotations

from jtbd.web.app import create_app

__all__ = ["create_app"]
