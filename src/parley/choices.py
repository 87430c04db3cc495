"""The closed vocabularies users filter by: the CLI's choices and the web's checks share them."""

from __future__ import annotations

# event status (events/status.py decides it)
STATUSES = ("reported", "planned", "negated", "hypothetical", "historical")


def _event_types() -> tuple[str, ...]:
    # the one table of the ontology (events/data/types.tsv), read as a file: importing the events
    # package would load the coder into every CLI command
    from importlib.resources import files

    text = files("parley").joinpath("events", "data", "types.tsv").read_text(encoding="utf-8")
    return tuple(line.split("\t", 1)[0] for line in text.splitlines() if line.strip() and not line.startswith("#"))


# the PLOVER event types parley codes, cooperative to conflictual
EVENT_TYPES = _event_types()
ACTOR_KINDS = ("person", "organization", "country", "group")
QUOTE_KINDS = ("direct", "partial", "indirect")
