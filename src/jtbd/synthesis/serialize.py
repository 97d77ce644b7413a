"""Generic conversion between the synthesis dataclasses and plain JSON-ready dicts.

``to_plain`` walks dataclasses, lists and dicts; ``from_plain`` rebuilds a dataclass from the
annotations of its fields, so every result type round-trips without hand-written code.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar, Union

T = TypeVar("T")


def to_plain(obj: Any) -> Any:
    """A JSON-ready copy of ``obj`` (dataclasses become dicts, tuples become lists)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_plain(v) for k, v in obj.items()}
    return obj


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_plain(tp: Any, value: Any) -> Any:
    """Rebuild a value of annotated type ``tp`` from its :func:`to_plain` form."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (Union, types.UnionType):
        non_none = [a for a in args if a is not type(None)]
        for a in non_none:
            if dataclasses.is_dataclass(a) and isinstance(value, dict):
                return from_plain(a, value)
        if len(non_none) == 1:
            return from_plain(non_none[0], value)
        return value
    if origin is list:
        return [from_plain(args[0], v) for v in value] if args else list(value)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_plain(args[0], v) for v in value)
        return tuple(from_plain(a, v) for a, v in zip(args, value))
    if origin is dict:
        return {k: from_plain(args[1], v) for k, v in value.items()} if args else dict(value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return build(tp, value)
    return value


def build(cls: type[T], data: dict[str, Any]) -> T:
    """Construct dataclass ``cls`` from a dict; unknown keys are ignored, missing ones take their
    default (or an empty value), so artifacts saved by older versions still load."""
    hints = _hints(cls)  # type: ignore[arg-type]
    kwargs = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = from_plain(hints[f.name], data[f.name])
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            kwargs[f.name] = _empty(hints[f.name])  # saved by an older version without this field
    return cls(**kwargs)


def _empty(tp: Any) -> Any:
    """A neutral value for a missing field of annotated type ``tp``."""
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType) and type(None) in typing.get_args(tp):
        return None
    if origin in (list, tuple) or tp in (list, tuple):
        return [] if origin is list or tp is list else ()
    if origin is dict or tp is dict:
        return {}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return build(tp, {})
    return {str: "", int: 0, float: 0.0, bool: False}.get(tp)
