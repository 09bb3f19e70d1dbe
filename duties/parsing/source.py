"""Reading a source text line by line, and the error that names its file and line."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

# Whitespace the scraped pages carry at line ends: ASCII, ideographic and no-break spaces.
_EDGE_WHITESPACE = " \t\r\n\u3000\u00a0\ufeff"


class SourceError(Exception):
    """A source text the parser cannot read faithfully; names the file and, where there is one, the line."""

    def __init__(self, file_name: str, line: int | None, message: str):
        self.file_name, self.line, self.message = file_name, line, message
        super().__init__(f"{file_name}:{line}: {message}" if line is not None else f"{file_name}: {message}")

    @property
    def location(self) -> str:
        """'000_….txt, line 57', or only the file name for an error about the whole file."""
        return f"{self.file_name}, line {self.line}" if self.line is not None else self.file_name


@dataclass(frozen=True)
class SourceLine:
    number: int
    text: str


@dataclass(frozen=True)
class SourceText:
    file_name: str
    sha256: str
    lines: tuple[SourceLine, ...]

    def error(self, line: int, message: str) -> SourceError:
        return SourceError(self.file_name, line, message)

    def non_blank(self, start: int = 1, end: int | None = None) -> list[SourceLine]:
        """The non-blank lines numbered start..end (inclusive, 1-based)."""
        end = end or len(self.lines)
        return [line for line in self.lines[start - 1 : end] if line.text]

    def find(self, predicate, start: int = 1, what: str = "") -> SourceLine:
        """The first non-blank line from `start` on that satisfies `predicate`."""
        for line in self.non_blank(start):
            if predicate(line.text):
                return line
        raise self.error(start, f"cannot find {what or 'the expected line'}")


def read_source(path: Path) -> SourceText:
    raw = path.read_bytes()
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(path.name, line, "the file is not valid UTF-8") from exc
    lines = tuple(
        SourceLine(number, text.strip(_EDGE_WHITESPACE)) for number, text in enumerate(decoded.split("\n"), start=1)
    )
    return SourceText(path.name, hashlib.sha256(raw).hexdigest(), lines)
