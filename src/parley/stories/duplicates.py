"""Syndicated copies and near-duplicates: MinHash signatures of word 5-gram shingles, LSH buckets.

Each article is compared only with the articles that share an LSH bucket with it, so the work grows
linearly with the corpus. Articles are visited oldest first (publication date, then ingestion order);
a near-copy points at the root original of the earliest earlier article it matches.

A pair is a copy when the estimated Jaccard similarity of their shingle sets reaches `jaccard`, or
when the shorter one is (estimated) almost wholly contained in the longer one (a copy cut short by
the outlet) and the LSH found them.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

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
        template = MinHash(num_perm=settings.num_perm, seed=settings.seed)
        self.permutations = template.permutations
        self.a = self.permutations[0].astype(np.uint32)
        self.b = self.permutations[1].astype(np.uint32)
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

    def minhash(self, signature: np.ndarray) -> MinHash:
        return MinHash(hashvalues=signature, permutations=self.permutations, scheme="affine32")


def find_duplicates(texts: Iterable[Text], settings: DuplicateSettings | None = None) -> dict[str, str | None]:
    """For every text, the id of the original it copies, or None. Linear in the number of texts."""
    settings = settings or DuplicateSettings()
    signer = _Signer(settings)
    lsh = MinHashLSH(threshold=settings.lsh_threshold, num_perm=settings.num_perm)
    signatures: dict[str, tuple[np.ndarray, int]] = {}
    rank: dict[str, int] = {}
    result: dict[str, str | None] = {}
    for n, text in enumerate(sorted(texts, key=lambda t: t.sort_key)):
        rank[text.id] = n
        result[text.id] = None
        shingles = signer.shingles(text.body)
        if not len(shingles):
            continue
        sig = signer.signature(shingles)
        mh = signer.minhash(sig)
        size = len(shingles)
        matches = [key for key in lsh.query(mh) if _is_copy(sig, size, *signatures[key], settings)]
        if matches:
            first = min(matches, key=rank.__getitem__)
            result[text.id] = result[first] or first
        lsh.insert(text.id, mh, check_duplication=False)
        signatures[text.id] = (sig, size)
    return result


def _is_copy(sig: np.ndarray, size: int, other: np.ndarray, other_size: int, s: DuplicateSettings) -> bool:
    j = float(np.count_nonzero(sig == other)) / len(sig)
    if j >= s.jaccard:
        return True
    # |A ∩ B| = J (|A| + |B|) / (1 + J); containment of the shorter text in the longer one
    inter = j * (size + other_size) / (1 + j)
    return inter / min(size, other_size) >= s.containment


def store_texts(store) -> Iterator[Text]:
    """The store's articles as `Text`s, read straight from SQL (no record decoding)."""
    rows = store.db.execute(
        "SELECT id, published, rowid, json_extract(data, '$.body') FROM articles ORDER BY rowid"
    )
    for article_id, published, rowid, body in rows:
        yield Text(article_id, (_moment(published), rowid), body or "")


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


def link_duplicates(store, settings: DuplicateSettings | None = None) -> int:
    """Find copies in the store and record them; returns how many articles are copies."""
    found = find_duplicates(store_texts(store), settings)
    current = dict(store.db.execute("SELECT id, duplicate_of FROM articles"))
    changed = {aid: orig for aid, orig in found.items() if current.get(aid) != orig}
    if changed:
        store.set_duplicates(changed)
    return sum(1 for orig in found.values() if orig)
