"""Descriptions that point back to a named organisation: "the militants", "the attackers", "the group",
"the bloc". `r` is the resolver of resolve.py (its doc, drafts and the descriptions it set aside as
`pointing`); each description joins the organisation of the right kind the story named, by recency,
salience and what the description ties itself to ("militants linked with X")."""

from __future__ import annotations

# a group description that refers back to a named organisation, by what the organisation must be
ARMED = "REB"  # the sector code of rebels, militants and other non-state armed groups
ALLIANCES = frozenset({"bloc", "alliance", "coalition", "regional body", "world body", "global body", "continental body"})
NON_STATE = frozenset({None, "NGO", "IMG"})
MEDIA = frozenset({"newspaper", "paper", "broadcaster", "publication", "outlet", "daily", "channel", "station"})


# words that tie a description of fighters to the group named after them ("militants linked with X")
TYING_WORDS = frozenset("linked tied affiliated allied belonging loyal of from".split())
# last words of the names armed groups give themselves ("Arakan Army", "Majeed Brigade"); with no
# country in the name they are no state's army
ARMED_NAME_ENDS = frozenset({"army", "brigade", "brigades", "militia", "militias"})


def armed_name(name: str) -> bool:
    """Does a name the tables do not know say it is an armed group: a "Liberation Army" or "Liberation
    Front", or a name ending in Army, Brigade or Militia?"""
    words = name.lower().split()
    return bool(words) and (words[-1] in ARMED_NAME_ENDS or "liberation" in words[:-1] and words[-1] in ("front", "army"))


def refers_back(c):
    """A test a named organisation must pass to be what a definite description without a country
    means, or None when the description is not one that refers back:
    - armed-group nouns ("the militants", "the attackers", "the militant group"): an armed group;
    - "the group": an armed group, a non-governmental one, or one with "Group" in its name;
    - "the bloc", "the alliance", "the coalition", "the regional body": an organisation of states, or one so named;
    - "the newspaper", "the broadcaster": a press outlet, or an organisation of no known kind or state."""
    head = (c.head or "").lower()
    if c.sector == ARMED:
        return lambda d: d.sector() == ARMED
    if head == "group":
        return lambda d: d.sector() == ARMED or (d.country() in NON_STATE and d.country() is not None) \
            or "group" in d.name.lower().split()
    if head in MEDIA:  # "X founded elPeriodico ... the newspaper's assets": the outlet named, of the press or of no known kind
        return lambda d: d.sector() == "MED" or d.sector() is None and d.country() is None
    if head in ALLIANCES or head.split()[-1:] == ["bloc"]:
        return lambda d: d.country() == "IGO" or head.split()[-1] in d.name.lower().split()
    return None


def point_back(r) -> None:
    """"the attackers", "the militant group", "the bloc": the organisation of that kind the story
    named last before the phrase, else the one it names most (a lead may describe before it names:
    "Gunmen stormed a hotel ... al-Shabab said it carried out the attack"). With none, the phrase is
    read as before (a group of the story's country, or nothing). A bare plural ("Militants attacked")
    is the armed group only when the story names just one, or when it ties itself to one."""
    for c in r.pointing:
        fits = refers_back(c)
        pool = [d for d in r.drafts.values() if d.kind == "organization" and d.spans and fits(d)]
        named = tied_to(r, c, pool)
        if named is not None:  # "militants linked with the Free Hills Front": that group's own
            named.spans.append((c.start, c.end, "description"))
            continue
        the = r.doc[c.start].lower_ == "the" or c.start > 0 and r.doc[c.start - 1].lower_ == "the"
        if c.bare and len(pool) != 1 and not (the and pool):
            # "Militants attacked ..." with two armed groups named: which is not said (but "the
            # militants" points back to the group named last before it)
            continue
        if not pool:
            r._group(c, final=True)
            continue
        before = [(max(s for s, _, _ in d.spans if s < c.start), d) for d in pool if any(s < c.start for s, _, _ in d.spans)]
        d = max(before, key=lambda x: x[0])[1] if before else max(pool, key=lambda d: len(d.spans))
        d.spans.append((c.start, c.end, "description"))


def tied_to(r, c, pool: list):
    """The organisation of `pool` a description ties itself to right after it: "militants linked with
    X", "fighters loyal to X", "gunmen from X"."""
    if c.end >= len(r.doc) or r.doc[c.end].lower_ not in TYING_WORDS:
        return None
    for d in pool:
        if any(c.end < s <= c.end + 4 for s, _, _ in d.spans):
            return d
    return None
