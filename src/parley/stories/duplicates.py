"""Syndicated copies and near-duplicates: MinHash signatures of word 5-gram shingles, LSH buckets.

Each article is compared only with the articles that share an LSH bucket with it, so the work grows
linearly with the corpus. Articles are visited oldest first (publication date, then ingestion order);
a near-copy points at the root original of the earliest earlier article it matches.

A pair is a copy when the estimated Jaccard similarity of their shingle sets reaches `jaccard`, or
when the shorter one is (estimated) almost wholly contained in the longer one (a copy cut short by
the outlet) and the LSH found them.

In a store, each article's signature is kept in the `minhashes` table (schema version 3) and its LSH
band keys in `minhash_bands` (version 7), so a link after an ingest hashes only the new articles and
matches them against the articles they share a bucket with (store/linking.py).
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from ..store.linking import Linking

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class DuplicateSettings:
    shingle: int = 5  # words per shingle
    num_perm: int = 128
    lsh_threshold: float = 0.5  # candidate pairs: estimated Jaccard around this or above
    jaccard: float = 0.6  # a copy: estimated Jaccard of shingle sets at least this
    containment: float = 0.9  # ... or the shorter text this much inside the longer one
    min_words: int = 20  # shorter bodies are too generic to call copies
    seed: int = 1


@dataclass(frozen=True)
class Text:
    """One article as duplicate detection sees it: id, its place in time, its body."""

    id: str
    sort_key: tuple  # (publication moment or a late sentinel, ingestion order)
    body: str


class _Signer:
    """Vectorised MinHash: word hashes, rolling shingle hashes and the affine permutations of
    datasketch's 'affine32' scheme, computed for many shingles at once with numpy."""

    def __init__(self, settings: DuplicateSettings) -> None:
        self.settings = settings
        self.a, self.b = affine32_permutations(settings.num_perm, settings.seed)
        self.vocab: dict[str, int] = {}

    def shingles(self, body: str) -> np.ndarray:
        """Unique 32-bit hashes of the body's word k-grams (empty if the body is too short)."""
        words = _WORD.findall(body.lower())
        if len(words) < self.settings.min_words:
            return np.empty(0, dtype=np.uint32)
        vocab = self.vocab
        ids = np.fromiter((vocab.get(w) or vocab.setdefault(w, zlib.crc32(w.encode()) | 1) for w in words),
                          dtype=np.uint64, count=len(words))
        k = min(self.settings.shingle, len(ids))
        n = len(ids) - k + 1
        h = np.zeros(n, dtype=np.uint64)
        for j in range(k):
            h = h * np.uint64(0x100000001B3) + ids[j:j + n]
        h ^= h >> np.uint64(29)
        return np.unique((h & np.uint64(0xFFFFFFFF)).astype(np.uint32))

    def signature(self, shingles: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            return (shingles[:, None] * self.a[None, :] + self.b[None, :]).min(axis=0)

    def sign(self, body: str) -> tuple[np.ndarray, int]:
        """The MinHash signature of a body and its number of distinct shingles (0: too short)."""
        shingles = self.shingles(body)
        if not len(shingles):
            return np.empty(0, dtype=np.uint32), 0
        return self.signature(shingles), len(shingles)


def affine32_permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) of datasketch's MinHash(num_perm, seed) in its default 'affine32' scheme (its
    `_init_permutations`), drawn here: importing datasketch pulls in scipy.integrate (about 0.4 s
    of every ingest's start-up). tests/stories check both against datasketch."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def find_duplicates(texts: Iterable[Text], settings: DuplicateSettings | None = None) -> dict[str, str | None]:
    """For every text, the id of the original it copies, or None. Linear in the number of texts."""
    settings = settings or DuplicateSettings()
    signer = _Signer(settings)
    texts = list(texts)
    signed = {t.id: signer.sign(t.body) for t in texts}
    return match_signatures([(t.id, t.sort_key) for t in texts], signed, settings)


def lsh_bands(settings: DuplicateSettings) -> list[tuple[int, int]]:
    """datasketch's banding for these settings (its MinHashLSH.hashranges): same candidates as its query."""
    return _bands(settings.lsh_threshold, settings.num_perm)


# (threshold, num_perm) -> (bands, rows) that datasketch's MinHashLSH chooses (its _optimal_param,
# default weights): its optimum integrates with scipy, whose import costs every ingest about 0.4 s;
# tests/stories check each entry against datasketch
KNOWN_BANDING = {(0.5, 128): (25, 5)}


@functools.lru_cache(maxsize=8)
def _bands(threshold: float, num_perm: int) -> list[tuple[int, int]]:
    known = KNOWN_BANDING.get((threshold, num_perm))
    if known is None:
        from datasketch import MinHashLSH  # lazily: it pulls in scipy.integrate

        return MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges
    b, r = known
    return [(i * r, (i + 1) * r) for i in range(b)]


def band_keys(sigs: np.ndarray, bands: list[tuple[int, int]]) -> np.ndarray:
    """One 64-bit key per band of each signature (rows), band number included: two articles share an
    LSH bucket when they share a key. Kept in the store, so a new article finds its candidates by
    index lookups (a chance collision of two different bands is about 2^-64)."""
    if not len(sigs):
        return np.empty((0, len(bands)), dtype=np.int64)
    sigs = np.asarray(sigs, dtype=np.uint32).reshape(len(sigs), -1)
    out = np.empty((len(sigs), len(bands)), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j, (lo, hi) in enumerate(bands):
            h = np.full(len(sigs), (j + 1) * 0x9E3779B97F4A7C15 % 2**64, dtype=np.uint64)
            for c in range(lo, hi):
                h = (h ^ sigs[:, c].astype(np.uint64)) * np.uint64(0x100000001B3)
                h ^= h >> np.uint64(29)
            out[:, j] = h
    return out.view(np.int64)


def match_signatures(keys: Iterable[tuple[str, tuple]], signed: dict[str, tuple[np.ndarray, int]],
                     settings: DuplicateSettings | None = None) -> dict[str, str | None]:
    """`find_duplicates` from signatures already made: (id, sort_key) pairs and id -> (signature,
    shingle count); a count of 0 marks a body too short to judge."""
    settings = settings or DuplicateSettings()
    bands = lsh_bands(settings)
    buckets: dict[int, list[int]] = {}  # band key -> ranks in time of the articles in that bucket
    ordered = sorted(keys, key=lambda k: k[1])
    sigs = np.zeros((len(ordered), settings.num_perm), dtype=np.uint32)  # row = rank in time
    sizes = np.zeros(len(ordered), dtype=np.int64)
    for n, (text_id, _) in enumerate(ordered):
        sig, size = signed[text_id]
        if size:
            sigs[n], sizes[n] = sig, size
    all_keys = band_keys(sigs, bands).tolist()  # made at once: the loop below only looks them up
    roots: list[str] = []
    result: dict[str, str | None] = {}
    for n, (text_id, _) in enumerate(ordered):
        result[text_id] = None
        roots.append(text_id)
        if not sizes[n]:
            continue
        candidates = sorted({m for key in all_keys[n] for m in buckets.get(key, ())})
        if candidates:
            hits = _copies(sigs[n], int(sizes[n]), sigs[candidates], sizes[candidates], settings)
            if hits.any():
                first = candidates[int(np.argmax(hits))]
                roots[n] = roots[first]
                result[text_id] = roots[first]
        for key in all_keys[n]:
            buckets.setdefault(key, []).append(n)
    return result


def _copies(sig: np.ndarray, size: int, others: np.ndarray, other_sizes: np.ndarray,
            s: DuplicateSettings) -> np.ndarray:
    """Which of `others` this signature copies (or is copied by)."""
    j = np.count_nonzero(others == sig, axis=1) / sig.shape[0]
    # |A ∩ B| = J (|A| + |B|) / (1 + J); containment of the shorter text in the longer one
    inter = j * (size + other_sizes) / (1 + j)
    return (j >= s.jaccard) | (inter / np.minimum(size, other_sizes) >= s.containment)


def _params(settings: DuplicateSettings) -> str:
    # what a cached signature depends on; "w1" names the shingling scheme of _Signer
    return f"w1/{settings.shingle}/{settings.num_perm}/{settings.seed}/{settings.min_words}"


def store_signatures(store, settings: DuplicateSettings, ids: Iterable[str] | None = None
                     ) -> tuple[list[tuple[str, tuple]], dict, int]:
    """Every article's (or these articles') (id, sort_key) and signature, hashing only the articles the
    store holds no signature of yet (and adding it and its band keys); also how many were hashed."""
    links = Linking(store)
    params = _params(settings)
    ids = None if ids is None else list(ids)
    todo = links.unsigned(ids, params)
    if todo:
        signer = _Signer(settings)
        made = [(aid, *signer.sign(body or "")) for aid, body in todo]
        rows = [(aid, params, size, sig.astype(np.uint32).tobytes()) for aid, sig, size in made]
        links.save_signatures(rows, _band_rows([(aid, sig) for aid, sig, size in made if size], settings), params)
    keys, signed = [], {}
    for article_id, published, rowid, size, blob in links.signatures(ids, params):
        keys.append((article_id, (_moment(published), rowid)))
        signed[article_id] = (np.frombuffer(blob, dtype=np.uint32), size)
    return keys, signed, len(todo)


def _band_rows(sigs: list[tuple[str, np.ndarray]], settings: DuplicateSettings) -> list[tuple[int, str]]:
    """(band key, article id) rows for the signatures of articles long enough to judge."""
    if not sigs:
        return []
    keys = band_keys(np.stack([s for _, s in sigs]), lsh_bands(settings)).tolist()
    return [(k, aid) for (aid, _), row in zip(sigs, keys) for k in row]


def _moment(published: str | None) -> str:
    """A sortable UTC moment for an ISO date or datetime; undated articles sort last."""
    if not published:
        return "~"
    from datetime import datetime, timezone

    try:
        value = datetime.fromisoformat(published)
    except ValueError:
        return published[:10]
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc)
    return value.strftime("%Y-%m-%dT%H:%M:%S") if len(published) > 10 else value.strftime("%Y-%m-%d")


def link_duplicates(store, settings: DuplicateSettings | None = None, *, generation: int | None = None,
                    full: bool = False) -> int:
    """Find copies among the articles stored since the last link (or all, `full`) and record them;
    returns how many articles of the store are copies.

    A new article is matched against the articles it shares an LSH bucket with, and theirs, and so on
    (its component of the candidate graph): whatever is outside cannot change, so the result is the
    one a match over every article gives (a new article may be an earlier-published original)."""
    settings = settings or DuplicateSettings()
    links = Linking(store)
    generation = store.generation() if generation is None else generation
    pending, _ = links.pending("duplicates", generation)
    full = full or links.needs_rebuild("duplicates", _params(settings))
    if full:
        keys, signed, _ = store_signatures(store, settings)
        links.replace_bands(_band_rows([(aid, s) for aid, (s, size) in signed.items() if size], settings))
        scope = None
    else:
        store_signatures(store, settings, pending)
        scope = _component(links, pending)
        keys, signed, _ = store_signatures(store, settings, scope)
    found = match_signatures(keys, signed, settings)
    current = links.duplicate_of(scope)
    changed = {aid: orig for aid, orig in found.items() if current.get(aid) != orig}
    links.save_duplicates(changed, "duplicates", generation, _params(settings))
    return links.copies()


def _component(links: Linking, ids: list[str]) -> set[str]:
    """The articles connected to these by shared LSH buckets, directly or through others."""
    seen, frontier = set(ids), set(ids)
    while frontier:
        frontier = links.articles_in_bands(links.band_keys_of(frontier)) - seen
        seen |= frontier
    return seen
