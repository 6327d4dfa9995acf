"""The one error the authoring commands raise: where, what is wrong, what to do.

``content`` says whose fault it is: True when the file read has something wrong inside it (the
command exits 1, as `quizapp check` does for a deck with errors); False when the file is
missing or cannot be read or written, or an option is wrong (exit 2).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class AuthoringError(Exception):
    """A file that cannot be turned into what was asked; printed, never a traceback.

    An import that finds several problems raises one error listing them all (`details`),
    one per line, as Anki's import log does, rather than stopping at the first.
    """

    def __init__(
        self,
        path: Path | str,
        message: str,
        hint: str = "",
        line: int = 0,
        details: Sequence[AuthoringError] = (),
        *,
        content: bool = True,
    ) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message
        self.hint = hint
        self.line = line
        self.details = list(details)
        self.content = content

    @classmethod
    def of_all(cls, path: Path | str, problems: Sequence[AuthoringError], what: str, hint: str):
        """One problem as itself; several under a heading that counts them."""
        if len(problems) == 1:
            return problems[0]
        return cls(path, f"{len(problems)} {what}; nothing was written", hint, details=problems)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        text = f"{where}: error: {self.message}"
        text = f"{text} ({self.hint})" if self.hint else text
        return "\n".join([text, *(str(d) for d in self.details)])
