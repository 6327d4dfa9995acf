"""The one error the authoring commands raise: where, what is wrong, what to do.

``content`` says whose fault it is: True when the file read has something wrong inside it (the
command exits 1, as `quizapp check` does for a deck with errors); False when the file is
missing or cannot be read or written, or an option is wrong (exit 2).
"""

from __future__ import annotations

from pathlib import Path


class AuthoringError(Exception):
    """A file that cannot be turned into what was asked; printed, never a traceback."""

    def __init__(
        self,
        path: Path | str,
        message: str,
        hint: str = "",
        line: int = 0,
        *,
        content: bool = True,
    ) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message
        self.hint = hint
        self.line = line
        self.content = content

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        text = f"{where}: error: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text
