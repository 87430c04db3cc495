"""Stable identifiers: the same input always gets the same id, in any process or machine."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def content_id(data: bytes | str) -> str:
    """Id of a document: a hash of its content, so the same content is stored once."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def record_id(prefix: str, *parts: object) -> str:
    """Id of a derived record (quote, event) from what makes it unique, e.g. article id and offsets."""
    key = "\x1f".join(str(p) for p in parts)
    return prefix + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def slug(text: str) -> str:
    """ASCII lower-case words joined by '-': 'Kim Jong-un' -> 'kim-jong-un'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def actor_id(kind: str, name: str) -> str:
    """Id of an actor before cross-article merging: its kind and canonical name.

    Countries use their code ('country:PRK') so every article agrees on them without merging.
    """
    if kind == "country":
        return f"country:{name.upper()}"
    return f"{kind[:3]}:{slug(name)}"


def is_country_id(actor_id: str | None) -> bool:
    """Does an id made by `actor_id` name a state?"""
    return bool(actor_id) and actor_id.startswith("country:")


def is_person_id(actor_id: str | None) -> bool:
    """Does an id made by `actor_id` name a person?"""
    return bool(actor_id) and actor_id.startswith("per:")
