"""What the cross-article merge knows of one per-article actor id, summed over the articles it is in.

A profile is a plain dict (kept as JSON in the store's `actor_profiles`), and two profiles add up to
the profile of both: so a new article adds to the profiles of the ids it names, and a group of ids
is described by the sum of theirs, whatever order the articles came in. Every "first" (the first
name, the title's spelling, ties between equally common countries) is decided by an explicit order
key kept beside it, never by the order things were added in.

    kind, name: of the id's earliest item; first: that item's order key; row: ingestion order of
    the id's first article (the oldest member of a group gives it its id); mentions;
    weights: name -> mentions under it (aliases count 0);
    countries: code -> [items, mentions, first order]; sectors: code -> [mentions, first order];
    roles: lower-cased title -> [title, its order, country, its order, first seen, last seen].
"""

from __future__ import annotations

import unicodedata

from ..records import Actor, Role


def profile_of(order: list, row: int, date: str | None, actor: Actor) -> dict:
    """The profile of one per-article actor (from the article at `order`, stored `row`-th, dated `date`)."""
    w = max(actor.mentions, 1)
    weights = {n: 0 for n in actor.aliases}
    weights[actor.name] = w
    roles: dict[str, list] = {}
    for r in actor.roles:
        r = r if isinstance(r, Role) else Role(**r)
        seen = [d for d in (r.first_seen or date, r.last_seen or date) if d]
        entry = roles.setdefault(r.title.lower(), [r.title, order, None, None, None, None])
        if r.country and entry[2] is None:
            entry[2], entry[3] = r.country, order
        if seen:
            entry[4] = min([d for d in (entry[4], *seen) if d])
            entry[5] = max([d for d in (entry[5], *seen) if d])
    return {
        "kind": actor.kind, "name": actor.name, "first": order, "row": row, "mentions": actor.mentions,
        "weights": weights,
        "countries": {actor.country: [1, w, order]} if actor.country else {},
        "sectors": {actor.sector: [w, order]} if actor.sector else {},
        "roles": roles,
    }


def add(p: dict, q: dict) -> dict:
    """The profile of everything p and q describe."""
    early, late = (p, q) if (p["first"], p["row"]) <= (q["first"], q["row"]) else (q, p)
    weights = dict(p["weights"])
    for n, w in q["weights"].items():
        weights[n] = weights.get(n, 0) + w
    return {
        "kind": early["kind"], "name": early["name"], "first": early["first"], "row": min(p["row"], q["row"]),
        "mentions": p["mentions"] + q["mentions"], "weights": weights,
        "countries": _add_counts(p["countries"], q["countries"]),
        "sectors": _add_counts(p["sectors"], q["sectors"]),
        "roles": _add_roles(p["roles"], q["roles"]),
    }


def _add_counts(a: dict, b: dict) -> dict:
    """Per code: counts summed, the earlier first order kept (the last field)."""
    out = {k: list(v) for k, v in a.items()}
    for k, v in b.items():
        if k not in out:
            out[k] = list(v)
            continue
        mine = out[k]
        out[k] = [x + y for x, y in zip(mine[:-1], v[:-1])] + [min(mine[-1], v[-1])]
    return out


def _add_roles(a: dict, b: dict) -> dict:
    out = {k: list(v) for k, v in a.items()}
    for key, theirs in b.items():
        mine = out.get(key)
        if mine is None:
            out[key] = list(theirs)
            continue
        if theirs[1] < mine[1]:
            mine[0], mine[1] = theirs[0], theirs[1]
        if theirs[2] is not None and (mine[2] is None or theirs[3] < mine[3]):
            mine[2], mine[3] = theirs[2], theirs[3]
        mine[4] = min([d for d in (mine[4], theirs[4]) if d], default=None)
        mine[5] = max([d for d in (mine[5], theirs[5]) if d], default=None)
    return out


def most_common(counts: dict, field: int) -> str | None:
    """The code counted most in `field`; ties go to the code seen first."""
    if not counts:
        return None
    return min(counts, key=lambda k: (-counts[k][field], counts[k][-1], k))


def person_country(p: dict) -> str | None:
    """The country most of the id's articles give it (counted in articles, as the matching compares)."""
    return most_common(p["countries"], 0)


def to_actor(actor_id: str, p: dict) -> Actor:
    """The canonical actor a group's summed profile describes, under the id the group keeps."""
    weight = p["weights"]
    names = set(weight)
    if p["kind"] == "person":
        # the most complete of the names the articles themselves used often: a rare misspelling
        # ("Mubarark") or a shouted form never wins over the usual spelling
        top = max(weight.values(), default=0)
        usual = [n for n in names if weight[n] >= 0.2 * top] or list(names)
        name = max(usual, key=lambda n: (not n.isupper(), len(n.split()) > 1, weight[n], len(letters(n)), n))
    else:
        name = p["name"]
    roles = sorted((Role(t, c, lo, hi) for t, _, c, _, lo, hi in p["roles"].values()),
                   key=lambda r: (r.first_seen or "", r.title))
    return Actor(actor_id, name, sorted(names - {name}), p["kind"], most_common(p["countries"], 1),
                 most_common(p["sectors"], 0), roles, p["mentions"])


def letters(name: str) -> str:
    return "".join(ch for ch in ascii_form(name.lower()) if ch.isalnum())


def ascii_form(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
