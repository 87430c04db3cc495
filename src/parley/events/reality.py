"""Cascade step: when an act happened, and whether it did.

The sentence stage has read the clause (auxiliaries, negation, conditionals, explicit dates). What
needs the story: background. An act told in a relative clause ("X, who led the talks, said") or as a
count of past acts ("held three meetings") is the story retelling what happened before its news: it
is `historical`, dated only by a date of its own clause, never by the publication day, and not
placed at the dateline, where the reporter is, not where it happened.
"""

from __future__ import annotations

from dataclasses import replace

from .story import EventMention, Story

UNDATED = "none"  # date_basis of an event whose story gives no way to date it


def background(mention: EventMention, story: Story) -> EventMention:
    e = mention.event
    if not mention.background or e.status not in ("reported", "historical"):
        return mention
    changes: dict = {"status": "historical"}
    if not mention.explicit_date:
        changes.update(date=None, date_basis=UNDATED)
    dateline = story.article.dateline
    if e.location is not None and dateline and e.location.name == dateline:
        changes["location"] = None
    return replace(mention, event=replace(e, **changes))


def decide_reality(mentions: list[EventMention], story: Story) -> list[EventMention]:
    return [background(m, story) for m in mentions]
