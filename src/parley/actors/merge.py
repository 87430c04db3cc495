"""Actors across articles: one canonical actor per person, organisation, group or country.

People are compared only within blocks that share a family-name key ("kim", "biegun"), and
misspelt family names are found among the distinct keys of one initial, so the work grows with the
number of actors, not with its square. Two people are one when:
- their names are the same letters ("Kim Jong Un", "Kim Jong-un");
- their given names agree (or one is the other's initial) and their family names are one or two
  letters apart ("Stephen Beigun", "Stephen Biegun"), and country or a role agrees;
- one is a bare family name and exactly one fully named person of a compatible country has it.
Different given names never merge: Kim Jong-un, Sung Kim and Duyeon Kim stay three people.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz

from ..ids import actor_id
from ..records import Actor, Role
from .knowledge import family_first_names, same_given_name
from .resolve import surname_keys


def merge_actors(items: Iterable[tuple[str | None, Actor]]) -> tuple[list[Actor], dict[str, str]]:
    """(article date, per-article actor) pairs -> (canonical actors, per-article id -> canonical id)."""
    by_id: dict[str, list[tuple[str | None, Actor]]] = defaultdict(list)
    for date, actor in items:
        by_id[actor.id].append(((date or "")[:10] or None, actor))
    uf = _UnionFind(by_id)
    people = {i: _Profile(i, v) for i, v in by_id.items() if v[0][1].kind == "person"}
    _merge_people(people, uf)
    actors, mapping, used = [], {}, set()
    for members in uf.groups().values():
        actor = _combine([x for m in members for x in by_id[m]], used)
        used.add(actor.id)
        actors.append(actor)
        for m in members:
            mapping[m] = actor.id
    actors.sort(key=lambda a: (a.kind, a.name.lower()))
    return actors, mapping


class _Profile:
    """What one per-article actor id says about a person."""

    def __init__(self, aid: str, items: list) -> None:
        self.id = aid
        names = {n for _, a in items for n in [a.name, *a.aliases]}
        self.full = sorted(n for n in names if len(n.split()) > 1)
        self.single = not self.full
        self.name = items[0][1].name
        countries = Counter(a.country for _, a in items if a.country)
        self.country = countries.most_common(1)[0][0] if countries else None
        self.roles = {r.title.lower() if isinstance(r, Role) else str(r.get("title", "")).lower()
                      for _, a in items for r in a.roles}


def _merge_people(people: dict[str, _Profile], uf: "_UnionFind") -> None:
    family_first = family_first_names()
    by_letters: dict[str, str] = {}
    blocks: dict[str, list[str]] = defaultdict(list)
    for p in people.values():
        for n in p.full:
            key = _letters(n)
            if key in by_letters:
                uf.union(p.id, by_letters[key])
            else:
                by_letters[key] = p.id
        for n in p.full or [p.name]:
            for k in surname_keys(n, family_first):
                blocks[_ascii(k)].append(p.id)
    # fully named people in one block: same given names, compatible context
    for key, ids in blocks.items():
        full = [people[i] for i in dict.fromkeys(ids) if not people[i].single]
        if 1 < len(full) <= 200:
            _pairs(full, uf, same_surname=True)
    # misspelt family names: keys that share a one-letter deletion are one or two edits apart
    # (a swap, a wrong or a missing letter), so only those pairs are compared
    variants: dict[str, set[str]] = defaultdict(set)
    for key in blocks:
        if len(key) >= 5:
            for v in {key, *(key[:i] + key[i + 1 :] for i in range(len(key)))}:
                variants[v].add(key)
    compared = set()
    for keys in variants.values():
        if len(keys) < 2 or len(keys) > 50:
            continue
        for a in keys:
            for b in keys:
                if a < b and (a, b) not in compared and a[0] == b[0] and fuzz.ratio(a, b) >= 80:
                    compared.add((a, b))
                    pool = [people[i] for i in dict.fromkeys(blocks[a] + blocks[b]) if not people[i].single]
                    _pairs(pool, uf, same_surname=False)
    # bare family names: the one fully named person who fits
    for key, ids in blocks.items():
        singles = [people[i] for i in dict.fromkeys(ids) if people[i].single]
        full = [people[i] for i in dict.fromkeys(ids) if not people[i].single]
        for s in singles:
            fits = {uf.find(f.id) for f in full if _compatible(s, f)}
            if len(fits) == 1:
                uf.union(s.id, fits.pop())


def _pairs(pool: list[_Profile], uf: "_UnionFind", same_surname: bool) -> None:
    for n, a in enumerate(pool):
        for b in pool[n + 1 :]:
            if uf.find(a.id) == uf.find(b.id):
                continue
            if _same_person(a, b, same_surname):
                uf.union(a.id, b.id)


def _same_person(a: _Profile, b: _Profile, same_surname: bool) -> bool:
    if not _compatible(a, b):
        return False
    for x in a.full:
        for y in b.full:
            gx, gy = _given(x), _given(y)
            if not gx or not gy:
                continue
            given_ok = gx == gy or _initial_of(gx, gy) or _initial_of(gy, gx) or _nickname(x, y)
            if not given_ok:
                continue
            if same_surname:
                return True
            # a misspelt family name needs the context to agree too
            if (a.country and a.country == b.country) or (a.roles & b.roles):
                return True
    return False


def _compatible(a: _Profile, b: _Profile) -> bool:
    return not (a.country and b.country and a.country != b.country)


def _given(name: str) -> str:
    """The given-name letters of a full name, whichever order it is written in."""
    words = name.split()
    if "-" in words[-1] or words[0] in family_first_names():
        return _letters(" ".join(words[1:]))
    return _letters(" ".join(words[:-1]))


def _nickname(x: str, y: str) -> bool:
    """"Steve Biegun" and "Stephen Biegun": first given names that are forms of one formal name."""
    wx, wy = x.split(), y.split()
    if len(wx) < 2 or len(wy) < 2 or wx[0] in family_first_names() or wy[0] in family_first_names():
        return False
    return same_given_name(wx[0], wy[0])


def _initial_of(short: str, full: str) -> bool:
    return len(short) == 1 and full.startswith(short)


def _combine(items: list[tuple[str | None, Actor]], used: set[str]) -> Actor:
    first = items[0][1]
    weight: Counter = Counter()
    countries: Counter = Counter()
    sectors: Counter = Counter()
    names: set[str] = set()
    roles: dict[str, list] = {}
    mentions = 0
    for date, a in items:
        w = max(a.mentions, 1)
        weight[a.name] += w
        names.update([a.name, *a.aliases])
        if a.country:
            countries[a.country] += w
        if a.sector:
            sectors[a.sector] += w
        mentions += a.mentions
        for r in a.roles:
            r = r if isinstance(r, Role) else Role(**r)
            key = r.title.lower()
            seen = [d for d in (r.first_seen or date, r.last_seen or date) if d]
            if key not in roles:
                roles[key] = [r.title, r.country, None, None]
            entry = roles[key]
            entry[1] = entry[1] or r.country
            if seen:
                entry[2] = min([d for d in (entry[2], *seen) if d])
                entry[3] = max([d for d in (entry[3], *seen) if d])
    if first.kind == "person":
        # the most complete of the names the articles themselves used often: a rare misspelling
        # ("Mubarark") or a shouted form never wins over the usual spelling
        top = max(weight.values(), default=0)
        usual = [n for n in names if weight[n] >= 0.2 * top] or list(names)
        name = max(usual, key=lambda n: (not n.isupper(), len(n.split()) > 1, weight[n], len(_letters(n)), n))
        aid = actor_id("person", name)
    else:
        name, aid = first.name, first.id
    country = countries.most_common(1)[0][0] if countries else None
    if aid in used:  # two people whose longest names coincide: keep them apart
        aid = actor_id(first.kind, f"{name} {country or len(used)}")
    role_list = sorted((Role(t, c, f, l) for t, c, f, l in roles.values()), key=lambda r: (r.first_seen or "", r.title))
    return Actor(aid, name, sorted(names - {name}), first.kind, country,
                 sectors.most_common(1)[0][0] if sectors else None, role_list, mentions)


def _letters(name: str) -> str:
    return "".join(ch for ch in _ascii(name.lower()) if ch.isalnum())


def _ascii(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


class _UnionFind:
    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for i in self.parent:
            out[self.find(i)].append(i)
        return out
