"""Tolerant parsing of a model's JSON reply into codes and confidences per numbered item.

Models wrap JSON in code fences, add prose after it, invent codes or skip items. We take the
first JSON value that parses, drop unknown codes, and give missing items empty codes with a
warning, so one sloppy reply never sinks a run.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from jtbd.model import CODES

#: Loose spellings models use, mapped to our codes.
ALIASES: dict[str, str] = {
    "pushes": "push", "pulls": "pull", "anxieties": "anxiety", "habits": "habit",
    "triggers": "trigger", "workarounds": "workaround", "alternatives": "alternative",
    "outcomes": "outcome", "desired outcome": "outcome", "desired_outcome": "outcome",
    "emotion": "emotional", "social job": "social", "emotional job": "emotional",
}

_FENCE = re.compile(r"```(?:json|JSON)?\s*\n?(.*?)```", re.DOTALL)


@dataclass(frozen=True)
class ItemCodes:
    """Parsed answer for one item: asserted codes and a score for every code."""

    codes: tuple[str, ...]
    scores: dict[str, float]


@dataclass
class ParsedReply:
    """All items of a batch, in order, plus what went wrong (for logging)."""

    items: list[ItemCodes]
    warnings: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """True when every item was answered and the reply parsed cleanly."""
        return not self.warnings


def extract_json(text: str) -> Any:
    """The first JSON object/array in ``text`` (inside code fences or followed by prose).

    Raises ``ValueError`` when there is none.
    """
    candidates = [m.group(1) for m in _FENCE.finditer(text)] + [text]
    decoder = json.JSONDecoder()
    for chunk in candidates:
        for m in re.finditer(r"[\[{]", chunk):
            try:
                value, _ = decoder.raw_decode(chunk, m.start())
            except json.JSONDecodeError:
                continue
            if isinstance(value, (dict, list)):
                return value
    raise ValueError("no JSON object found in the reply")


def normalise_code(raw: object) -> str | None:
    """Our code for a model's label, or ``None`` when it is not one of ``CODES``."""
    if not isinstance(raw, str):
        return None
    key = raw.strip().lower().replace("-", " ")
    key = ALIASES.get(key, key)
    return key if key in CODES else None


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return min(1.0, max(0.0, float(value)))
    if isinstance(value, str):
        try:
            return min(1.0, max(0.0, float(value.strip().rstrip("%")) / (100 if "%" in value else 1)))
        except ValueError:
            return None
    return None


def _item(entry: dict[str, Any]) -> ItemCodes:
    raw_codes = entry.get("codes", [])
    if isinstance(raw_codes, str):
        raw_codes = [c for c in re.split(r"[,;]", raw_codes) if c.strip()]
    codes = [c for c in (normalise_code(r) for r in raw_codes if r is not None) if c]
    codes = list(dict.fromkeys(codes))
    conf = entry.get("confidence", entry.get("confidences"))
    scores: dict[str, float] = {c: 0.0 for c in CODES}
    explicit: set[str] = set()
    if isinstance(conf, dict):
        for raw, value in conf.items():
            code, num = normalise_code(raw), _number(value)
            if code and num is not None:
                scores[code] = num
                explicit.add(code)
    # A single number applies to every asserted code; an asserted code without one scores 1.
    default = None if isinstance(conf, dict) else _number(conf)
    for code in codes:
        if code not in explicit:
            scores[code] = default if default is not None else 1.0
    return ItemCodes(codes=tuple(c for c in CODES if c in codes), scores=scores)


def _entries(value: Any) -> list[Any]:
    if isinstance(value, dict):
        for key in ("items", "results", "excerpts", "codes"):
            if isinstance(value.get(key), list):
                return list(value[key])
        return [value] if "i" in value else []
    return list(value) if isinstance(value, list) else []


def parse_reply(text: str, n_items: int) -> ParsedReply:
    """Parse a reply for a batch of ``n_items`` numbered items (numbered from 1)."""
    empty = ItemCodes(codes=(), scores={c: 0.0 for c in CODES})
    try:
        value = extract_json(text)
    except ValueError:
        snippet = " ".join(text.split())[:120]
        return ParsedReply([empty] * n_items,
                           [f"reply is not JSON (all {n_items} items left uncoded): {snippet!r}"])
    found: dict[int, ItemCodes] = {}
    warnings: list[str] = []
    for pos, entry in enumerate(_entries(value), start=1):
        if not isinstance(entry, dict):
            continue
        raw_i: Any = entry.get("i", entry.get("id", pos))
        try:
            i = int(raw_i)
        except (TypeError, ValueError):
            i = pos
        if 1 <= i <= n_items and i not in found:
            found[i] = _item(entry)
    missing = [i for i in range(1, n_items + 1) if i not in found]
    if missing:
        warnings.append(f"reply has no answer for item(s) {missing}; left uncoded")
    return ParsedReply([found.get(i, empty) for i in range(1, n_items + 1)], warnings)
