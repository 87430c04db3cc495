"""Cascade step: when an act happened, and whether it did.

The sentence stage has read the clause (auxiliaries, negation, conditionals, explicit dates). What
needs the story: background. An act told in a relative clause ("X, who led the talks, said") or as a
count of past acts ("held three meetings") is the story retelling what happened before its news: it
is `historical`, dated only by a date of its own clause, never by the publication day, and not
placed at the dateline, where the reporter is, not where it happened. And an act told with no date
of its own belongs to the story's news: it takes the day the narrative last gave (see NEWS_DAYS).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..dates import parse_day as published_date

from .story import EventMention, Story

UNDATED = "none"  # date_basis of an event whose story gives no way to date it
# A story's news happened on the day its lead dates, which is often a day or two before publication
# ("on Tuesday" in a Wednesday story). Acts the story tells without a date of their own belong to that
# news, so they take the day the narrative last gave, when it is this recent; else the publication day.
NEWS_DAYS = 7
NARRATIVE_REACH = 3  # sentences back a narrative date carries


def background(mention: EventMention, story: Story) -> EventMention:
    e = mention.event
    if not mention.background or e.status not in ("reported", "historical"):
        return mention
    if e.status == "reported" and _recent_day(mention, published_date(story.article.published)):
        # "X, who met Y on Tuesday, said ...": a relative clause dated within the story's week tells its
        # news, not background
        return mention
    changes: dict = {"status": "historical"}
    if not mention.explicit_date:
        changes.update(date=None, date_basis=UNDATED)
    dateline = story.article.dateline
    if e.location is not None and dateline and e.location.name == dateline:
        changes["location"] = None
    return replace(mention, event=replace(e, **changes))


def _recent_day(mention: EventMention, base: date | None) -> str | None:
    e = mention.event
    if not mention.explicit_date or e.status != "reported" or not e.date or len(e.date) != 10 or base is None:
        return None
    try:
        days = (base - date.fromisoformat(e.date)).days
    except ValueError:
        return None
    return e.date if 0 <= days <= NEWS_DAYS else None


def narrative_dates(mentions: list[EventMention], story: Story) -> list[EventMention]:
    """Undated reported acts take the day the narrative last gave (see NEWS_DAYS), else the lead's."""
    base = published_date(story.article.published)
    dated = [(m.sentence, day) for m in mentions if (day := _recent_day(m, base))]
    lead = next((day for n, day in dated if n <= 1), None)
    out = []
    for m in mentions:
        e = m.event
        if m.explicit_date or e.status != "reported" or e.date_basis != "published":
            out.append(m)
            continue
        near = [day for n, day in dated if m.sentence - NARRATIVE_REACH <= n <= m.sentence]
        day = near[-1] if near else lead
        out.append(replace(m, event=replace(e, date=day, date_basis="relative")) if day else m)
    return out


def decide_reality(mentions: list[EventMention], story: Story) -> list[EventMention]:
    return narrative_dates([background(m, story) for m in mentions], story)
