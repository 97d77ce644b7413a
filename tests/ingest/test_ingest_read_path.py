"""read_path: dispatch, limits and file-level errors."""
from __future__ import annotations

from pathlib import Path

import pytest

from jtbd.errors import ImportFailed
from jtbd.ingest import DEFAULT_MAX_BYTES, SUPPORTED_EXTENSIONS, read_path


def test_supported_extensions() -> None:
    assert SUPPORTED_EXTENSIONS == frozenset(
        {".txt", ".md", ".vtt", ".srt", ".docx", ".pdf", ".csv", ".xlsx", ".jsonl"})
    assert DEFAULT_MAX_BYTES == 50 * 1024 * 1024


def test_unknown_extension_lists_supported(tmp_path: Path) -> None:
    f = tmp_path / "notes.rtf"
    f.write_text("hello")
    with pytest.raises(ImportFailed, match=r"'\.rtf'.*\.csv .*\.vtt") as info:
        read_path(f)
    assert info.value.path == str(f)


@pytest.mark.parametrize("name,content", [("e.txt", ""), ("w.md", " \n\t\n"),
                                          ("e.csv", "\n\n"), ("e.jsonl", "\n")])
def test_empty_files(tmp_path: Path, name: str, content: str) -> None:
    f = tmp_path / name
    f.write_text(content)
    with pytest.raises(ImportFailed, match="empty") as info:
        read_path(f)
    assert str(info.value).startswith(str(f))


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "big.txt"
    f.write_text("Anna: " + "x" * 2000)
    with pytest.raises(ImportFailed, match="--max-size.*JTBD_MAX_IMPORT_MB"):
        read_path(f, max_bytes=1000)
    monkeypatch.setenv("JTBD_MAX_IMPORT_MB", "0.001")
    with pytest.raises(ImportFailed, match="import limit"):
        read_path(f)
    monkeypatch.setenv("JTBD_MAX_IMPORT_MB", "1")
    assert read_path(f)[0].text.startswith("Anna")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="not found"):
        read_path(tmp_path / "nope.txt")
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    with pytest.raises(ImportFailed, match="folder"):
        read_path(folder)


def test_source_is_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("I loved it.")
    monkeypatch.chdir(tmp_path)
    [doc] = read_path("./a.txt")
    assert doc.source == "./a.txt"
    assert doc.turns[0].speaker is None


def test_read_bytes_upload() -> None:
    from jtbd.ingest import read_bytes

    [doc] = read_bytes("Interviewer: Why?\nAnna: Price.\n".encode("cp1252"), "upload.txt")
    assert doc.source == "upload.txt"
    assert [doc.text[t.start:t.end] for t in doc.turns] == ["Why?", "Price."]
    docs = read_bytes(b"text\nfast\nslow\n", "r.csv", kind="ticket")
    assert [(d.row, d.text, d.kind) for d in docs] == [(0, "fast", "ticket"), (1, "slow", "ticket")]
    with pytest.raises(ImportFailed, match="import limit"):
        read_bytes(b"x" * 100, "a.txt", max_bytes=10)
