"""Actors across articles: one canonical actor per person, organisation, group or country.

People are compared only within blocks that share a family-name key ("kim", "biegun"), and
misspelt family names are found among the distinct keys of one initial, so the work grows with the
number of actors, not with its square. Two people are one when:
- their names are the same letters ("Kim Jong Un", "Kim Jong-un");
- their given names agree (or one is the other's initial) and their family names are one or two
  letters apart ("Stephen Halrow", "Stephen Harlow"), and country or a role agrees;
- one is a bare family name and exactly one fully named person of a compatible country has it.
Different given names never merge: Kim Jong-un, Sung Kim and Duyeon Kim stay three people.

Each group takes the id of its oldest member (the per-article id seen first), so an actor's id stays
as articles are added, and two actors merged keep the older id. What is known of each per-article id
is a profile summed over its articles (actors/profiles.py); actors/link.py keeps them in the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz

from ..records import Actor
from .knowledge import family_first_names, same_given_name
from .profiles import add, ascii_form, letters, person_country, profile_of, to_actor
from .resolve import surname_keys


def merge_actors(items: Iterable[tuple[str | None, Actor]]) -> tuple[list[Actor], dict[str, str]]:
    """(article date, per-article actor) pairs -> (canonical actors, per-article id -> canonical id).

    A group keeps the id of its member seen first, so adding items never renames an actor: a merge
    keeps the older id."""
    profiles: dict[str, dict] = {}
    for n, (date, actor) in enumerate(items):
        one = profile_of([n], n, (date or "")[:10] or None, actor)
        profiles[actor.id] = add(profiles[actor.id], one) if actor.id in profiles else one
    return canonical_actors(profiles, group_profiles(profiles))


# a deletion shared by more family names than this is too common a shape to say they are misspellings
MAX_VARIANT_GROUP = 50


def group_profiles(profiles: dict[str, dict], variant_sizes: dict[str, int] | None = None) -> list[list[str]]:
    """The per-article ids that are one actor, from their profiles (see the module notes). The ids are
    taken in the order their first articles come in, so any closed part of the name blocks (see
    `name_blocks`) groups as it does among all the others."""
    ordered = sorted(profiles, key=lambda i: (profiles[i]["first"], i))
    uf = _UnionFind(ordered)
    people = {i: _Profile(i, profiles[i]) for i in ordered if profiles[i]["kind"] == "person"}
    _merge_people(people, uf, variant_sizes)
    return list(uf.groups().values())


def canonical_actors(profiles: dict[str, dict], groups: list[list[str]]) -> tuple[list[Actor], dict[str, str]]:
    """One actor per group, under the id of its oldest member (first stored), and the id map."""
    actors, mapping = [], {}
    for members in groups:
        kept = min(members, key=lambda m: (profiles[m]["row"], m))
        total = profiles[members[0]]
        for m in members[1:]:
            total = add(total, profiles[m])
        actors.append(to_actor(kept, total))
        mapping.update({m: kept for m in members})
    actors.sort(key=lambda a: (a.kind, a.name.lower()))
    return actors, mapping


def name_blocks(profile: dict) -> list[str]:
    """The keys under which the merge compares a person: its full names' letters ('l:') and family
    names ('s:'). Two ids that share no key, directly or through other ids or through misspelt
    family names (`variants`, `misspelt`), are never compared."""
    if profile["kind"] != "person":
        return []
    family_first = family_first_names()
    full = sorted(n for n in profile["weights"] if len(n.split()) > 1)
    keys = {"l:" + letters(n) for n in full}
    for n in full or [profile["name"]]:
        keys.update("s:" + ascii_form(k) for k in surname_keys(n, family_first))
    return sorted(keys)


class _Profile:
    """What one per-article actor id says about a person, as the name matching reads it."""

    def __init__(self, aid: str, profile: dict) -> None:
        self.id = aid
        self.full = sorted(n for n in profile["weights"] if len(n.split()) > 1)
        self.single = not self.full
        self.name = profile["name"]
        self.country = person_country(profile)
        self.roles = set(profile["roles"])


def misspelt(a: str, b: str) -> bool:
    """Two family-name keys (sharing a one-letter deletion) close enough to compare their people."""
    return a != b and a[0] == b[0] and fuzz.ratio(a, b) >= 80


def variants(key: str) -> set[str]:
    """A family-name key and its one-letter deletions (none for keys under five letters)."""
    return {key, *(key[:i] + key[i + 1:] for i in range(len(key)))} if len(key) >= 5 else set()


def _merge_people(people: dict[str, _Profile], uf: "_UnionFind", variant_sizes: dict[str, int] | None = None) -> None:
    """`variant_sizes`: how many family-name keys share each deletion among all the store's people,
    when `people` is only a closed part of them (the cap below is decided on the whole)."""
    variant_sizes = variant_sizes or {}
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
    shared: dict[str, set[str]] = defaultdict(set)
    for key in blocks:
        for v in variants(key):
            shared[v].add(key)
    compared = set()
    for v, keys in shared.items():
        if len(keys) < 2 or max(len(keys), variant_sizes.get(v, 0)) > MAX_VARIANT_GROUP:
            continue
        for a in keys:
            for b in keys:
                if a < b and (a, b) not in compared and misspelt(a, b):
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
    """"Steve Harlow" and "Stephen Harlow": first given names that are forms of one formal name."""
    wx, wy = x.split(), y.split()
    if len(wx) < 2 or len(wy) < 2 or wx[0] in family_first_names() or wy[0] in family_first_names():
        return False
    return same_given_name(wx[0], wy[0])


def _initial_of(short: str, full: str) -> bool:
    return len(short) == 1 and full.startswith(short)


_letters, _ascii = letters, ascii_form


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
