"""The closed vocabularies users filter by: the CLI's choices and the web's checks share them."""

from __future__ import annotations

# event status (events/status.py decides it)
STATUSES = ("reported", "planned", "negated", "hypothetical", "historical")
# the PLOVER event types parley codes (events/data/codes.tsv), cooperative to conflictual
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
ACTOR_KINDS = ("person", "organization", "country", "group")
QUOTE_KINDS = ("direct", "partial", "indirect")
