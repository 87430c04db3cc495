"""The error catalogue: every problem parley reports has a code and one message template.

Problems with one input never stop a batch: they are reported as one line naming the file and the
reason, and the run exits non-zero at the end.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    "E001": "file not found",
    "E002": "empty file",
    "E003": "binary file, not text, HTML, JSONL or WARC",
    "E004": "could not decode the text (tried UTF-8, UTF-16, cp1252, latin-1)",
    "E005": "truncated or corrupt gzip data",
    "E006": "malformed JSON on line {line}: {detail}",
    "E007": "JSONL line {line} has no text field (expected one of {fields})",
    "E008": "WARC archive unreadable: {detail}",
    "E009": "no article text found",
    "E010": "not an article file ({suffix}): expected .txt, .html, .jsonl or .warc, any also .gz",
    "E011": "file too large ({size} bytes; limit {limit})",
    "E012": "could not read: {detail}",
    "E013": "skipped: {kind}, not a file",
    "E014": "gave up after {seconds} s on this input (time budget: article_seconds)",
    "E020": "not a parley store: {detail}",
    "E021": "store was written by a newer parley (schema {found}, this version knows {known})",
    "E022": "cannot copy into this store: {detail}",
    "E030": "bad option: {detail}",
    "E031": "bad date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD",
    "E032": "nothing found for {what} {value!r}",
    "E040": "bad config file: {detail}",
}


class ParleyError(Exception):
    """One problem, with its catalogue code and the file (or input) it concerns."""

    def __init__(self, code: str, path: str | None = None, **details: object) -> None:
        self.code = code
        self.path = path
        self.details = details
        template = CATALOGUE.get(code, code)
        try:
            self.reason = template.format(path=path, **details)
        except (KeyError, IndexError):
            self.reason = template
        super().__init__(self.line())

    def line(self) -> str:
        """The one line shown to the user: `FILE: reason [CODE]`."""
        where = f"{self.path}: " if self.path else ""
        return _one_line(f"{where}{self.reason} [{self.code}]")


class InputError(ParleyError):
    """An input that could not be used; the rest of the batch goes on."""


class StoreError(ParleyError):
    """The store file is missing, foreign or too new."""


class UsageError(ParleyError):
    """A bad option or argument on the command line."""


def _one_line(text: str) -> str:
    # a message is one line whatever a file name or a detail holds (newlines, terminal escapes)
    return "".join(ch if ch >= " " and ch != "\x7f" else f"\\x{ord(ch):02x}" for ch in text)
