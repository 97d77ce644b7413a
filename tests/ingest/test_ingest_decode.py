"""Decoding bytes to text."""
from __future__ import annotations

from pathlib import Path

import pytest

from jtbd.errors import ImportFailed
from jtbd.ingest import decode_bytes, read_path

FRENCH = "Interviewer: Pourquoi?\nChloé: Le café était “trop cher” – vraiment.\n"


def test_utf8_with_and_without_bom() -> None:
    assert decode_bytes(FRENCH.encode("utf-8"), "a.txt") == FRENCH
    assert decode_bytes(FRENCH.encode("utf-8-sig"), "a.txt") == FRENCH
    assert decode_bytes(FRENCH.encode("utf-16"), "a.txt") == FRENCH


def test_windows_1252_curly_quotes() -> None:
    assert decode_bytes(FRENCH.encode("cp1252"), "a.txt") == FRENCH


def test_latin_1() -> None:
    text = "Anna: Très bien, the café was closed. Naïve résumé, señor.\n"
    assert decode_bytes(text.encode("latin-1"), "a.txt") == text


def test_cyrillic_is_not_forced_to_western() -> None:
    text = "Интервьюер: Почему вы перешли на новый сервис в прошлом году?\n" * 3
    assert decode_bytes(text.encode("cp1251"), "a.txt") == text


def test_binary_rejected(tmp_path: Path) -> None:
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ImportFailed, match="binary") as info:
        read_path(f)
    assert str(f) in str(info.value)


def test_cp1252_file_read(tmp_path: Path) -> None:
    f = tmp_path / "win.txt"
    f.write_bytes(FRENCH.encode("cp1252"))
    [doc] = read_path(f)
    assert doc.text == FRENCH
    said = [doc.text[t.start:t.end] for t in doc.turns]
    assert said == ["Pourquoi?", "Le café était “trop cher” – vraiment."]
