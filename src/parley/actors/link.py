"""The actor part of the cross-article step, over a store: new articles' actors are merged within the
name blocks they touch, not over the whole corpus.

The ids a new article names get their profiles updated (actors/profiles.py); the people among them
bring in every id that shares a name block with them, and every id sharing a block with those, until
the part is closed (its ids share no block with any id outside it). Grouping that part alone gives
the groups a merge over every id gives (actors/merge.py compares ids only within blocks, and takes
them in the order of their first articles), so `parley relink` and the incremental link agree.

A group keeps the id of its oldest member (first stored): an id once given stays while its member
is in the group, and a merge keeps the older id and records the other as an alias.
"""

from __future__ import annotations

import json
from collections import defaultdict

from ..records import Actor, from_dict, to_dict
from ..store.linking import ActorChange, Linking
from .merge import MAX_VARIANT_GROUP, canonical_actors, group_profiles, misspelt, name_blocks, variants
from .profiles import add, profile_of


def link_actors(store, *, generation: int | None = None, full: bool = False) -> int:
    """Merge the actors of the articles stored since the last link (or all, `full`); returns how many
    canonical actors the store has."""
    links = Linking(store)
    generation = store.generation() if generation is None else generation
    pending, replaced = links.pending("actors", generation)
    full = full or replaced or links.needs_rebuild("actors")
    change = ActorChange()
    change.profiles = _profiles_seen(links, None if full else pending)
    change.blocks = [(k, i) for i, p in change.profiles.items() for k in name_blocks(p)]
    change.variants = sorted({(v, k[2:]) for k, _ in change.blocks if k.startswith("s:") for v in variants(k[2:])})
    scope, sizes = dict(change.profiles), None
    if not full:
        part, sizes = _closed_part(links, change)
        scope.update(links.profiles(part - set(scope)))
    actors, mapping = canonical_actors(scope, group_profiles(scope, sizes))
    _diff(links, change, actors, mapping, whole=full)
    links.save_actors(change, "actors", generation, whole=full)
    return store.count("actors")


def _profiles_seen(links: Linking, article_ids: list[str] | None) -> dict[str, dict]:
    """The profiles of the ids these articles (all: None) name, their items added to what is stored."""
    seen: dict[str, dict] = {}
    for day, article_id, row, data in links.actor_items(article_ids):
        actor = from_dict(Actor, json.loads(data))
        one = profile_of([day or "", article_id], row, day, actor)
        seen[actor.id] = add(seen[actor.id], one) if actor.id in seen else one
    if article_ids is None:
        return seen
    stored = links.profiles(seen)
    return {i: add(stored[i], p) if i in stored else p for i, p in seen.items()}


def _closed_part(links: Linking, change: ActorChange) -> tuple[set[str], dict[str, int]]:
    """The people sharing a name block with the ids seen, or a family name the merge would take for a
    misspelling of theirs, directly or through others; and how many family names share each deletion
    met on the way (the merge's cap is decided on the whole store)."""
    new_variants: dict[str, set[str]] = defaultdict(set)
    for v, surname in change.variants:
        new_variants[v].add(surname)
    keys, ids, sizes = set(), set(), {}
    frontier = {k for k, _ in change.blocks}
    while frontier:
        keys |= frontier
        more = _misspellings(links, frontier, new_variants, sizes) - keys
        while more:  # a misspelling's own misspellings, and theirs
            keys |= more
            frontier |= more
            more = _misspellings(links, more, new_variants, sizes) - keys
        found = links.ids_in_blocks(frontier) - ids
        ids |= found
        frontier = links.block_keys_of(found) - keys
    return ids, sizes


def _misspellings(links: Linking, keys: set[str], new_variants: dict[str, set[str]], sizes: dict[str, int]) -> set[str]:
    """The family-name blocks ('s:') the merge compares with these keys' family names."""
    surnames = {k[2:] for k in keys if k.startswith("s:")}
    wanted = {v for s in surnames for v in variants(s)}
    groups = links.variant_groups(wanted)
    found = set()
    for v in wanted:
        group = groups.get(v, set()) | new_variants.get(v, set())
        sizes[v] = len(group)
        if len(group) > MAX_VARIANT_GROUP:
            continue
        found.update("s:" + t for s in surnames & group for t in group if misspelt(s, t))
    return found


def _event_view(actor: dict | None) -> tuple | None:
    """What an event shows of its actor (Store.canonical_ref): a change here redoes its events."""
    return None if actor is None else (actor["id"], actor["name"], actor.get("country"), actor.get("sector"))


def _diff(links: Linking, change: ActorChange, actors: list[Actor], mapping: dict[str, str], *, whole: bool) -> None:
    """Fill `change` with what the regrouped ids change in the store: actors written and dropped,
    ids retired (aliases) and the per-article ids whose events must be merged again."""
    old_map = links.actor_map(None if whole else mapping)
    old_rows = links.actor_rows(None if whole else set(old_map.values()))
    change.actors = [to_dict(a) for a in actors]
    change.mapping = mapping
    new_rows = {a["id"]: a for a in change.actors}
    change.dropped = set(old_rows) - set(new_rows)
    for old in sorted(change.dropped):
        members = sorted(m for m, c in old_map.items() if c == old and m in mapping)
        kept = mapping.get(old) or (mapping[members[0]] if members else None)
        if kept:
            change.retired[old] = kept
    change.remapped = {m for m, c in mapping.items()
                       if old_map.get(m) != c or _event_view(old_rows.get(old_map.get(m))) != _event_view(new_rows[c])}
