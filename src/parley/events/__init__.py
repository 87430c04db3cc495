"""Events: who did what to whom, when and where, coded in PLOVER and CAMEO."""

from .document import find_events

__all__ = ["find_events"]
