"""Domain errors. The CLI and the web app turn these into exit codes and HTTP responses."""
from __future__ import annotations


class JtbdError(Exception):
    """Base class for every error jtbd reports to a user. The message says what to do."""

    exit_code = 1


class StudyNotFound(JtbdError):
    """No study at the given place."""


class StudyExists(JtbdError):
    """``jtbd init`` on a folder that already holds a study."""


class InputError(JtbdError):
    """Bad user input: a file, a row, a column or an option. ``location`` names where."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 row: int | None = None, column: str | None = None) -> None:
        self.path = path
        self.line = line
        self.row = row
        self.column = column
        super().__init__(message)

    @property
    def location(self) -> str:
        parts = []
        if self.path:
            parts.append(str(self.path))
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        msg = super().__str__()
        loc = self.location
        return f"{loc}: {msg}" if loc and not msg.startswith(loc) else msg


class ImportFailed(InputError):
    """A file could not be imported (unknown extension, binary, empty, malformed, too big)."""


class UnsupportedLanguage(InputError):
    """Text in a language the coder does not support."""


class ProviderError(JtbdError):
    """An LLM provider is missing, misconfigured or failing."""


class MissingDependency(JtbdError):
    """An optional dependency is not installed; the message holds the install command."""
