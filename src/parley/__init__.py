"""parley: a sourced, structured record of diplomacy and conflict from raw news coverage.

    >>> import parley
    >>> store = parley.open("parley.db")            # doctest: +SKIP
    >>> store.events(actor="Harlow").to_pandas()    # doctest: +SKIP

See docs/python.md. Nothing heavy is imported until it is used.
"""

__version__ = "0.1.0"


def open(path, *, create: bool = False):  # noqa: A001 (parley.open, like io.open, is the entry point)
    """Open a store file: `.articles()`, `.events()`, `.quotes()`, `.actors()` with the CLI's filters."""
    from .api import open_store

    return open_store(str(path), create=create)


def code(text: str, date: str | None = None, options=None):
    """Code a text into events without storing it; `date` (YYYY-MM-DD) resolves relative dates."""
    from .api import code_text

    return code_text(text, date, options)


__all__ = ["__version__", "code", "open"]
