from __future__ import annotations

from story_corpus import MEETING_BODY, OTHER_MEETING_BODY, SANCTIONS_BODY, add, make_article

from parley.options import Options
from parley.stories import link_corpus
from parley.stories.duplicates import Text, find_duplicates


def test_syndicated_copy_points_at_the_original_and_unrelated_articles_do_not(store):
    original = add(store, make_article(MEETING_BODY, "Reuters", "2019-09-10T09:00:00+00:00"), [])
    copy = add(store, make_article("Yahoo News\n\n" + MEETING_BODY + "\n\nRead more on Yahoo.", "Yahoo",
                                   "2019-09-10T11:30:00+00:00"), [])
    same_topic = add(store, make_article(OTHER_MEETING_BODY, "Yonhap", "2019-09-11"), [])
    unrelated = add(store, make_article(SANCTIONS_BODY, "AP", "2019-09-12"), [])
    summary = link_corpus(store, Options())
    assert summary["duplicates"] == 1
    assert store.article(copy.id).duplicate_of == original.id
    for article in (original, same_topic, unrelated):
        assert store.article(article.id).duplicate_of is None


def test_the_earliest_published_copy_is_the_original_whatever_the_ingestion_order(store):
    later = add(store, make_article(MEETING_BODY + "\n\n(Yonhap)", "Yonhap", "2019-09-11"), [])
    earlier = add(store, make_article(MEETING_BODY, "Reuters", "2019-09-10"), [])
    link_corpus(store, Options())
    assert store.article(later.id).duplicate_of == earlier.id
    assert store.article(earlier.id).duplicate_of is None


def test_near_copies_with_edits_and_cuts_are_found_and_chains_resolve_to_the_root():
    words = (MEETING_BODY + " " + OTHER_MEETING_BODY).split()
    edited = list(words)
    edited[12] = "envoy's"
    edited[40] = "conferred"
    texts = [
        Text("orig", ("2019-09-10", 1), " ".join(words)),
        Text("edit", ("2019-09-11", 2), " ".join(edited)),
        Text("cut", ("2019-09-12", 3), " ".join(edited[: int(len(edited) * 0.75)])),
        Text("other", ("2019-09-12", 4), SANCTIONS_BODY),
        Text("short", ("2019-09-12", 5), "Too short to judge."),
    ]
    found = find_duplicates(texts)
    assert found == {"orig": None, "edit": "orig", "cut": "orig", "other": None, "short": None}


def _hashed(store):
    from parley.stories.duplicates import DuplicateSettings, store_signatures

    return store_signatures(store, DuplicateSettings())[2]


def test_signatures_are_cached_so_a_relink_hashes_only_new_articles(store):
    add(store, make_article(MEETING_BODY, "Reuters", "2019-09-10"), [])
    add(store, make_article(SANCTIONS_BODY, "AP", "2019-09-12"), [])
    link_corpus(store, Options())
    assert store.db.execute("SELECT count(*) FROM minhashes").fetchone()[0] == 2
    assert _hashed(store) == 0
    add(store, make_article(OTHER_MEETING_BODY, "Yonhap", "2019-09-11"), [])
    assert _hashed(store) == 1 and _hashed(store) == 0


def test_an_original_ingested_after_its_copy_becomes_the_original_on_relink(store):
    copy = add(store, make_article("Yahoo\n\n" + MEETING_BODY, "Yahoo", "2019-09-11"), [])
    link_corpus(store, Options())
    assert store.article(copy.id).duplicate_of is None
    original = add(store, make_article(MEETING_BODY, "Reuters", "2019-09-10"), [])
    link_corpus(store, Options())
    assert store.article(copy.id).duplicate_of == original.id
    assert store.article(original.id).duplicate_of is None


def test_other_settings_do_not_reuse_cached_signatures(store):
    from parley.stories.duplicates import DuplicateSettings, store_signatures

    add(store, make_article(MEETING_BODY, "Reuters", "2019-09-10"), [])
    assert store_signatures(store, DuplicateSettings())[2] == 1
    assert store_signatures(store, DuplicateSettings(shingle=4))[2] == 1
    assert store_signatures(store, DuplicateSettings(shingle=4))[2] == 0


def test_banding_finds_the_same_copies_as_datasketch_lsh():
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from parley.stories.duplicates import DuplicateSettings, _copies, match_signatures

    settings = DuplicateSettings()
    rng = np.random.default_rng(3)
    base = rng.integers(0, 2**32, size=(40, settings.num_perm), dtype=np.uint32)
    sigs = []
    for n in range(200):  # copies of a few bases with some of their values changed
        sig = base[n % 40].copy()
        changed = rng.random(settings.num_perm) < rng.choice([0.1, 0.3, 0.5, 0.9])
        sig[changed] = rng.integers(0, 2**32, size=int(changed.sum()), dtype=np.uint32)
        sigs.append((sig, int(rng.integers(50, 400))))
    keys = [(f"t{n}", (f"2020-01-{1 + n // 10:02d}", n)) for n in range(len(sigs))]
    ours = match_signatures(keys, {k: s for (k, _), s in zip(keys, sigs)}, settings)
    # the same walk with datasketch's own index
    template = MinHash(num_perm=settings.num_perm, seed=settings.seed)
    lsh = MinHashLSH(threshold=settings.lsh_threshold, num_perm=settings.num_perm)
    expected, rank = {}, {}
    for n, ((key, _), (sig, size)) in enumerate(zip(keys, sigs)):
        mh = MinHash(hashvalues=sig, permutations=template.permutations, scheme="affine32")
        rank[key] = n
        hits = [k for k in lsh.query(mh)
                if _copies(sig, size, sigs[rank[k]][0][None, :], np.array([sigs[rank[k]][1]]), settings)[0]]
        first = min(hits, key=rank.__getitem__) if hits else None
        expected[key] = (expected[first] or first) if first else None
        lsh.insert(key, mh)
    assert ours == expected
    assert sum(1 for v in ours.values() if v) > 50


def test_permutations_and_banding_drawn_here_are_datasketchs():
    import numpy as np
    from datasketch import MinHash, MinHashLSH

    from parley.stories.duplicates import KNOWN_BANDING, _bands, affine32_permutations

    for num_perm, seed in [(128, 1), (64, 7)]:
        a, b = affine32_permutations(num_perm, seed)
        theirs = MinHash(num_perm=num_perm, seed=seed).permutations
        assert a.dtype == np.uint32 and np.array_equal(a, theirs[0]) and np.array_equal(b, theirs[1])
    for (threshold, num_perm) in KNOWN_BANDING:
        assert _bands(threshold, num_perm) == MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges
    assert _bands(0.7, 64) == MinHashLSH(threshold=0.7, num_perm=64).hashranges  # not in the table
