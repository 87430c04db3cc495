"""Cascade step: when an act happened, and whether it did.

The sentence stage has read the clause (auxiliaries, negation, conditionals, explicit dates). What
needs the story: background. An act told in a relative clause ("X, who led the talks, said") or as a
count of past acts ("held three meetings") is the story retelling what happened before its news: it
is `historical`, dated only by a date of its own clause, never by the publication day, and not
placed at the dateline, where the reporter is, not where it happened. And an act told with no date
of its own belongs to the story's news: it takes the day the narrative last gave (see NEWS_DAYS).

Where the narrative stands: news is told in the past tense, each happening on a day the story names
("Rebels attacked the train on Tuesday. ... The army said Wednesday ..."). The day a sentence stands at
is the last day named by a past-tense clause of it or of the few sentences before (NARRATIVE_REACH),
else the lead's. A date in a preceding sentence carries to an act told without one only when it is
that recent (the story's week, NEWS_DAYS), the act is told as done (reported, not background, not
planned or conditional), and it is this near; words that count from the narrative ("a day earlier",
"the next day", "hours later") count from that day.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..dates import add_days, days_between, end_of, parse_day as published_date

from .story import EventMention, Story
from .when import COUNTED, NARRATIVE

UNDATED = "none"  # date_basis of an event whose story gives no way to date it
# A story's news happened on the day its lead dates, which is often a day or two before publication
# ("on Tuesday" in a Wednesday story). Acts the story tells without a date of their own belong to that
# news, so they take the day the narrative last gave, when it is this recent; else the publication day.
NEWS_DAYS = 7
NARRATIVE_REACH = 3  # sentences back a narrative date carries
# the guideline's line between a story's news and the history it retells: about a month before
# publication (the sentence step marks acts dated further back `historical`)
HISTORY_DAYS = 31
# words that move a narrative on from the date it gave: what they tell came after it, on another day
LATER = re.compile(r"\b(?:later|subsequently|afterwards?|eventually|since then|thereafter)\b", re.IGNORECASE)


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
    """Undated reported acts take the day the narrative last gave (see NEWS_DAYS), else the lead's.
    Told where the narrative stands in the past (over a month back: "In October, X said ... 'We must
    ...,' X told a newspaper."), they are history of that date; told as coming after it ("In 2022, X
    was arrested. A court later sentenced X."), history with no date of their own."""
    base = published_date(story.article.published)
    dated = _narrative(mentions, story, base)
    out = []
    for m in mentions:
        e = m.event
        if m.explicit_date or e.status != "reported" or e.date_basis != "published":
            out.append(m)
            continue
        day = _standing(dated, m.sentence, m.sentence, story, _parties(e))
        if day and len(day) == 10 and days_between(day, base) <= NEWS_DAYS:
            out.append(replace(m, event=replace(e, date=day, date_basis=NARRATIVE)))
        elif day and not m.told_past:
            out.append(m)  # a state that holds now ("the group opposes X") is no part of a past narrative
        elif day and _long_before(day, base) and not LATER.search(story.sentences[m.sentence]
                                                                   if m.sentence < len(story.sentences) else ""):
            out.append(replace(m, event=replace(e, status="historical", date=day, date_basis=NARRATIVE)))
        elif day:  # after the narrative's date ("a court later sentenced X"), on no date the story gives
            out.append(replace(m, event=replace(e, status="historical", date=None, date_basis=UNDATED)))
        else:
            out.append(m)
    return out


def _narrative(mentions: list[EventMention], story: Story, base: date | None) -> list[tuple[int, str]]:
    """(sentence, date) for every date that places the narrative, in text order: a day of the
    story's week (NEWS_DAYS) that dates a told act or a past-tense clause, or a date of a past-tense
    clause over a month before publication (HISTORY_DAYS), where the narrative has gone back to."""
    if base is None:
        return []
    # an act's own day places the narrative where its sentence's clauses do: not the day of a relative
    # clause about a noun ("X reiterated the claim, a charge Y rejected Thursday"), which is its own
    dated = [(m.sentence, day) for m in mentions if (day := _recent_day(m, base)) and _places(day, m.sentence, story)]
    for n, days in enumerate(story.days):
        for day in days:
            if len(day) == 10 and 0 <= days_between(day, base) <= NEWS_DAYS or _long_before(day, base):
                dated.append((n, day))
    return sorted(dated, key=lambda x: x[0])  # stable: within a sentence, acts' days before clauses'


def _places(day: str, sentence: int, story: Story) -> bool:
    """Does a day an act of the sentence is dated by also date a clause where the narrative stands
    (when.narrative_days)? Without the sentence's days (a story built by hand), it does."""
    if sentence >= len(story.days):
        return True
    return day in story.days[sentence]


def _long_before(value: str, base: date) -> bool:
    try:
        return days_between(end_of(value), base) > HISTORY_DAYS
    except ValueError:
        return False


def _standing(dated: list[tuple[int, str]], sentence: int, last: int, story: Story,
              parties: frozenset = frozenset()) -> str | None:
    """The day the narrative stands at for `sentence`: the last day given from NARRATIVE_REACH
    sentences before it up to sentence `last`, else the lead's news day (its first two sentences). With
    `parties`, only a sentence naming one of them gives its day: a story tells several threads, and a
    day one thread gives ("X told reporters on Wednesday") is not another's."""
    near = [day for n, day in dated if sentence - NARRATIVE_REACH <= n <= last
            and (not parties or n == sentence or parties & _named_ids(story, n))]
    if near:
        return near[-1]
    # the lead gives the story's news day; a date it gives long before ("two years after X invaded Y
    # in 2022") is no day of the news, and far from it no ground for history
    base = published_date(story.article.published)
    return next((day for n, day in dated if n <= min(1, last) and not _long_before(day, base)), None)


def _parties(e) -> frozenset:
    return frozenset(a.actor_id for a in (e.actor1, e.actor2) if a is not None and a.actor_id)


def _named_ids(story: Story, n: int) -> frozenset:
    return frozenset(a.actor_id for a in story.named[n] if a.actor_id) if n < len(story.named) else frozenset()


def _counted_from(m: EventMention, story: Story, base: date | None) -> EventMention:
    """A date counted from the narrative ("had warned a day earlier"), moved from the publication day
    onto the day the sentences before stand at; with none, it stays counted from publication, but no
    later than it (an act told done has happened by then)."""
    e = m.event
    if e.date_basis != COUNTED or base is None or not e.date:
        return m
    offset = days_between(base, e.date)
    anchor = _standing(_narrative([], story, base), m.sentence, m.sentence - 1, story)
    start = published_date(anchor) or base  # (a narrative gone back to a month or a year gives no day)
    day = add_days(start, offset)
    if anchor is None and e.status in ("reported", "historical"):
        day = min(day, base)
    return replace(m, event=replace(e, date=day.isoformat(), date_basis="relative"))


def past_perfect(mention: EventMention, story: Story) -> EventMention:
    """An act told in the past perfect ("X had warned ...") happened before the day the narrative
    stands at (status.py marks it `historical`). Dated within the month before publication ("had
    warned a day earlier") it is part of the story's news: reported. Told with no date of its own
    ("had visited Japan before the election"), it is history with no day to give: never the
    publication day."""
    e = mention.event
    base = published_date(story.article.published)
    if mention.background or e.status != "historical" or base is None:
        return mention
    if not mention.explicit_date:
        return replace(mention, event=replace(e, date=None, date_basis=UNDATED))
    if e.date and days_between(end_of(e.date), base) <= HISTORY_DAYS:
        return replace(mention, event=replace(e, status="reported"))
    return mention


def decide_reality(mentions: list[EventMention], story: Story) -> list[EventMention]:
    base = published_date(story.article.published)
    mentions = [_counted_from(m, story, base) for m in mentions]
    mentions = [past_perfect(background(m, story), story) for m in mentions]
    return narrative_dates(mentions, story)
