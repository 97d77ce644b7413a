"""Turn the bytes of an evidence file into text.

UTF-8 (with or without a byte-order mark) is tried first. UTF-16/32 files are recognised by
their byte-order mark. Anything else goes to charset-normalizer; because short Western
European texts are often mis-guessed as a neighbouring code page (Windows-1250 for a French
Windows-1252 file), every single-byte Latin guess is decoded as Windows-1252, falling back to
Latin-1 for the five bytes Windows-1252 leaves undefined.
"""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from jtbd.errors import ImportFailed

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Single-byte encodings that charset-normalizer confuses with each other on Western text.
_LATIN_FAMILY = frozenset({
    "ascii", "cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "latin_1", "iso8859_2",
    "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14",
    "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2", "mac_iceland", "mac_turkish",
    "cp437", "cp850", "cp852", "cp858", "cp860", "cp861", "cp863", "cp865", "hp_roman8",
})

_CONTROL_OK = frozenset("\t\n\r\f\v")


def decode_bytes(data: bytes, path: str) -> str:
    """Decode ``data`` read from ``path`` to text.

    Raises :class:`ImportFailed` for binary content (NUL bytes without a UTF-16/32 byte-order
    mark, or bytes that no text encoding explains).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise _binary(path, f"it starts with a {encoding} byte-order mark but is not "
                              f"valid {encoding} ({exc.reason})") from exc
            return text.lstrip("\ufeff")
    if b"\x00" in data:
        raise _binary(path, "it contains NUL bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding in _LATIN_FAMILY:
        text = _decode_western(data)
    else:
        text = str(best)
    if _looks_binary(text):
        raise _binary(path, "it contains control characters that text files do not have")
    return text


def _decode_western(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in _CONTROL_OK)
    return controls / len(sample) > 0.01


def _binary(path: str, why: str) -> ImportFailed:
    return ImportFailed(
        f"looks like a binary file, not text: {why}. Export it as UTF-8 text "
        "(.txt, .csv, .vtt, ...) or as .docx/.pdf/.xlsx and import that.",
        path=path,
    )
