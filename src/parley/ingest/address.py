"""The page address people paste above a page's text: a bare URL, or 'URL:' / 'Source:' before it.

It is the article's address, not its text: it leaves the content and becomes Document.url, where
cleaning reads the outlet and a date from it.
"""

from __future__ import annotations

import re

# a first non-empty line that is nothing but an http(s) address, with an optional label before it
_ADDRESS_LINE = re.compile(r"^\s*(?:(?:url|source|link|address)\s*:\s*)?(?P<url>(?:https?://|www\.)[\w-]+\.\S+)\s*$", re.I)


def split_address(text: str) -> tuple[str | None, str]:
    """(url, text without the address line); (None, text) when the text does not start with one."""
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if not line.strip():
            continue  # only the first non-empty line can be the address
        match = _ADDRESS_LINE.match(line)
        if match:
            rest = "\n".join(lines[:number] + lines[number + 1:])
            url = match.group("url").rstrip(".,;)>\"'")
            return (url if url.lower().startswith("http") else "https://" + url), rest
        return None, text
    return None, text
