"""An on-disk cache of finished batches, so an interrupted run resumes where it stopped.

One small JSON file per batch, named by a hash of (provider, model, prompt version, the exact
prompt). Files are written atomically; a damaged file is ignored and the batch recomputed.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from jtbd.coding.llm.parse import ItemCodes
from jtbd.errors import ProviderError
from jtbd.model import CODES

CACHE_FORMAT = 1


def batch_key(provider: str, model: str, prompt_version: str, system: str, user: str) -> str:
    """The cache key of one batch request."""
    blob = json.dumps([provider, model, prompt_version, system, user], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class BatchCache:
    """Finished batches under ``root`` (created on first write)."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str, n_items: int) -> list[ItemCodes] | None:
        """The cached items of a batch, or ``None`` when absent or unreadable."""
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            items = data["items"]
            if data.get("format") != CACHE_FORMAT or len(items) != n_items:
                return None
            return [ItemCodes(codes=tuple(c for c in it["codes"] if c in CODES),
                              scores={c: float(it["scores"].get(c, 0.0)) for c in CODES})
                    for it in items]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, items: list[ItemCodes]) -> None:
        """Store a finished batch atomically."""
        path = self._path(key)
        data = {"format": CACHE_FORMAT,
                "items": [{"codes": list(it.codes), "scores": it.scores} for it in items]}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh)
            os.replace(tmp, path)
        except OSError as exc:
            raise ProviderError(f"cannot write the LLM cache in {self.root}: {exc.strerror}; "
                                f"pass a writable --cache-dir") from None
