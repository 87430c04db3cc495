"""Syndicated copies and near-duplicates: MinHash signatures of word 5-gram shingles, LSH buckets.

Each article is compared only with the articles that share an LSH bucket with it, so the work grows
linearly with the corpus. Articles are visited oldest first (publication date, then ingestion order);
a near-copy points at the root original of the earliest earlier article it matches.

A pair is a copy when the estimated Jaccard similarity of their shingle sets reaches `jaccard`, or
when the shorter one is (estimated) almost wholly contained in the longer one (a copy cut short by
the outlet) and the LSH found them.

In a store, each article's signature is kept in the `minhashes` table (schema version 3), so a
link after an ingest hashes only the new articles and redoes just the bucket walk.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

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
        from datasketch import MinHash  # lazily: datasketch pulls in scipy.integrate (about 1 s)

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

    def sign(self, body: str) -> tuple[np.ndarray, int]:
        """The MinHash signature of a body and its number of distinct shingles (0: too short)."""
        shingles = self.shingles(body)
        if not len(shingles):
            return np.empty(0, dtype=np.uint32), 0
        return self.signature(shingles), len(shingles)


def find_duplicates(texts: Iterable[Text], settings: DuplicateSettings | None = None) -> dict[str, str | None]:
    """For every text, the id of the original it copies, or None. Linear in the number of texts."""
    settings = settings or DuplicateSettings()
    signer = _Signer(settings)
    texts = list(texts)
    signed = {t.id: signer.sign(t.body) for t in texts}
    return match_signatures([(t.id, t.sort_key) for t in texts], signed, settings)


def match_signatures(keys: Iterable[tuple[str, tuple]], signed: dict[str, tuple[np.ndarray, int]],
                     settings: DuplicateSettings | None = None) -> dict[str, str | None]:
    """`find_duplicates` from signatures already made: (id, sort_key) pairs and id -> (signature,
    shingle count); a count of 0 marks a body too short to judge."""
    from datasketch import MinHashLSH  # lazily, as in _Signer

    settings = settings or DuplicateSettings()
    # datasketch's banding for these settings, applied here: one dict per band keyed by the band's
    # values gives the same candidates as MinHashLSH.query, without a MinHash object per article
    bands = MinHashLSH(threshold=settings.lsh_threshold, num_perm=settings.num_perm).hashranges
    buckets: list[dict[bytes, list[int]]] = [{} for _ in bands]
    ordered = sorted(keys, key=lambda k: k[1])
    sigs = np.zeros((len(ordered), settings.num_perm), dtype=np.uint32)  # row = rank in time
    sizes = np.zeros(len(ordered), dtype=np.int64)
    for n, (text_id, _) in enumerate(ordered):
        sig, size = signed[text_id]
        if size:
            sigs[n], sizes[n] = sig, size
    # each band of every signature as bytes, made at once: the loop below only looks them up
    band_keys = [np.ascontiguousarray(sigs[:, a:b]).view(np.dtype((np.void, 4 * (b - a)))).ravel().tolist()
                 for a, b in bands]
    roots: list[str] = []
    result: dict[str, str | None] = {}
    for n, (text_id, _) in enumerate(ordered):
        result[text_id] = None
        roots.append(text_id)
        if not sizes[n]:
            continue
        keys_n = [column[n] for column in band_keys]
        candidates = sorted({m for bucket, band in zip(buckets, keys_n) for m in bucket.get(band, ())})
        if candidates:
            hits = _copies(sigs[n], int(sizes[n]), sigs[candidates], sizes[candidates], settings)
            if hits.any():
                first = candidates[int(np.argmax(hits))]
                roots[n] = roots[first]
                result[text_id] = roots[first]
        for bucket, band in zip(buckets, keys_n):
            bucket.setdefault(band, []).append(n)
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


def store_signatures(store, settings: DuplicateSettings) -> tuple[list[tuple[str, tuple]], dict, int]:
    """Every article's (id, sort_key) and signature, hashing only the articles the `minhashes`
    table does not hold yet (and adding them to it); also how many were hashed."""
    params = _params(settings)
    signer: _Signer | None = None
    keys, signed, fresh = [], {}, []
    rows = store.db.execute(
        "SELECT a.id, a.published, a.rowid, m.size, m.sig,"
        " CASE WHEN m.article_id IS NULL THEN json_extract(a.data, '$.body') END"
        " FROM articles a LEFT JOIN minhashes m ON m.article_id = a.id AND m.params = ? ORDER BY a.rowid",
        (params,))
    for article_id, published, rowid, size, blob, body in rows:
        keys.append((article_id, (_moment(published), rowid)))
        if blob is not None:
            signed[article_id] = (np.frombuffer(blob, dtype=np.uint32), size)
            continue
        signer = signer or _Signer(settings)
        sig, size = signer.sign(body or "")
        signed[article_id] = (sig, size)
        fresh.append((article_id, params, size, sig.astype(np.uint32).tobytes()))
    if fresh:
        db = store.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany("INSERT OR REPLACE INTO minhashes (article_id, params, size, sig) VALUES (?,?,?,?)", fresh)
            db.execute("DELETE FROM minhashes WHERE params != ?", (params,))
            db.execute("COMMIT")
        except Exception:
            db.execute("ROLLBACK")
            raise
    return keys, signed, len(fresh)


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
    """Find copies in the store and record them; returns how many articles are copies.

    Signatures are cached in the store, so only new articles are hashed; the matching itself is
    redone over all of them (a new article may be an earlier-published original of an old one)."""
    settings = settings or DuplicateSettings()
    keys, signed, _ = store_signatures(store, settings)
    found = match_signatures(keys, signed, settings)
    current = dict(store.db.execute("SELECT id, duplicate_of FROM articles"))
    changed = {aid: orig for aid, orig in found.items() if current.get(aid) != orig}
    if changed:
        store.set_duplicates(changed)
    return sum(1 for orig in found.values() if orig)
