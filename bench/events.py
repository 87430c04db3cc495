"""Event coding figures on ../shared/peers: PLOVER GSR (322 sentences) and PETR2_GSR_validation (78).

Each sentence is coded as its own tiny Article (published = the record's date) with the real
pipeline: parley.language.load_pipeline, parley.actors.find_actors + load_knowledge, find_events.

Country scores are given twice: with actor countries as the actor layer gives them, and with
countries filled from parley's place table for actors the layer left without one (to show how
much a missing GPE/NORP country costs).

Run: .venv/bin/python bench/events.py [--misses N] [--quick]

--quick: the first 20 sentences of each set (a check that it runs). Skips (exit 0) without ../shared.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "peers"
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CODE_FIX = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", type=int, default=0, help="print this many GSR records whose type was missed")
    parser.add_argument("--quick", action="store_true", help="20 sentences of each set: a check that it runs")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} not found")
        return 0
    from parley.actors import find_actors, load_knowledge
    from parley.events import find_events
    from parley.events.lexicon import load_lexicon, place_country
    from parley.language import load_pipeline
    from parley.options import Options
    from parley.records import Article

    limit = 20 if args.quick else None
    options = Options()
    nlp = load_pipeline(options)
    knowledge = load_knowledge(options)
    lex = load_lexicon()
    clock = {"parse": 0.0, "actors": 0.0, "events": 0.0}
    # one-time start-up (date parser tables, lexicon, matchers) is not per-article time: paid here, shown apart
    t0 = time.perf_counter()
    warm = Article(id="warm-up", source="bench", body="Japan's minister met China's envoy last Tuesday.", published="2000-01-01", language="en")
    warm_doc = nlp(warm.body)
    find_events(warm, warm_doc, find_actors(warm, warm_doc, knowledge, options), options)
    startup = time.perf_counter() - t0
    notes: set = set()

    def code(items):
        """[(id, text, date)] -> {id: events}"""
        out = {}
        articles = [Article(id=i, source="bench", body=t, published=d, language="en") for i, t, d in items]
        t0 = time.perf_counter()
        docs = list(nlp.pipe([a.body for a in articles], batch_size=32))
        clock["parse"] += time.perf_counter() - t0
        for article, doc in zip(articles, docs):
            t0 = time.perf_counter()
            try:
                actors = find_actors(article, doc, knowledge, options)
            except Exception as exc:  # the actor layer is being rebuilt; fall back to bare NER
                notes.add(f"find_actors failed ({type(exc).__name__}: {exc}); used bare spaCy NER actors")
                actors = _ner_actors(article, doc)
            t1 = time.perf_counter()
            out[article.id] = find_events(article, doc, actors, options)
            clock["events"] += time.perf_counter() - t1
            clock["actors"] += t1 - t0
        return out

    def country(actor, fill: bool):
        if actor is None:
            return None
        if actor.country or not fill:
            return actor.country
        return place_country(actor.name)

    # --- PLOVER GSR
    records = [r for r in json.loads((SHARED / "plover-gsr" / "PLOVER_GSR_CAMEO.json").read_text()) if r.get("event") != "DOCUMENT"]
    records = records[:limit]
    coded = code([(r["id"], r["text"], r.get("date", "2000-01-01")) for r in records])
    n = len(records)
    hit_type = hit_cameo_type = 0
    src = {False: 0, True: 0}
    tgt = {False: 0, True: 0}
    tgt_n = 0
    any_event = 0
    wrong_type = beyond_one = 0
    misses = []
    for r in records:
        gold = OLD_TYPES.get(r["event"], r["event"])
        events = coded[r["id"]]
        any_event += bool(events)
        types = {e.type for e in events}
        projected = {lex.code(e.cameo).type if e.cameo else e.type for e in events} | types
        wrong_type += sum(1 for e in events if e.type != gold)
        beyond_one += max(0, len(events) - 1)
        hit_cameo_type += gold in projected
        if gold not in types:
            if len(misses) < args.misses:
                misses.append((gold, [(e.type, e.cameo, e.status, e.trigger) for e in events], r["text"][:140]))
            continue
        hit_type += 1
        matching = [e for e in events if e.type == gold]
        gold_src = {CODE_FIX.get(s.get("code"), s.get("code")) for s in r.get("source") or []}
        gold_tgt = {CODE_FIX.get(s.get("code"), s.get("code")) for s in r.get("target") or []} if isinstance(r.get("target"), list) else set()
        for fill in (False, True):
            if any(country(e.actor1, fill) in gold_src for e in matching):
                src[fill] += 1
            if gold_tgt and any(country(e.actor2, fill) in gold_tgt for e in matching):
                tgt[fill] += 1
        tgt_n += bool(gold_tgt)
    pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "n/a"
    print(f"PLOVER GSR: {n} records, {any_event} with any event ({pct(any_event, n)})")
    print(f"  gold type among coded events (strict, by `type`):           {hit_type}/{n} = {pct(hit_type, n)}")
    print(f"  gold type among coded events (`type` or CAMEO-projected):   {hit_cameo_type}/{n} = {pct(hit_cameo_type, n)}")
    print("    (strict: an event's PLOVER `type`. An actor's own statement that it will act (\"X said it will withdraw\",")
    print("     \"X is willing to\") is coded as PLOVER does, one record: AGREE/THREATEN/REJECT;")
    print("     a bare future (\"X will meet Y\") is the action with status planned, whose CAMEO code is 03x -> AGREE")
    print("     only in the projected figure)")
    print(f"  source country right, of the strict hits: {src[False]}/{hit_type} = {pct(src[False], hit_type)} with the actor layer as is;"
          f" {src[True]}/{hit_type} = {pct(src[True], hit_type)} with GPE/NORP countries filled")
    print(f"  target country right, of those with a gold target: {tgt[False]}/{tgt_n} = {pct(tgt[False], tgt_n)} as is;"
          f" {tgt[True]}/{tgt_n} = {pct(tgt[True], tgt_n)} filled")
    total = sum(len(v) for v in coded.values())
    print(f"  events coded: {total}; extra (of another type than the gold): {wrong_type}, vs {n} records;"
          f" beyond one per record: {beyond_one}")
    for gold, got, text in misses:
        print(f"    MISS {gold:9s} got {got} :: {text}")

    # --- PETR2 GSR validation
    rows = [json.loads(line) for line in (SHARED / "petrarch-validation" / "PETR2_GSR_validation.expected.jsonl").read_text().splitlines() if line.strip()]
    rows = [r for r in rows if r.get("text")][:limit]
    items = [(r["id"], r["text"], _iso(r.get("date"))) for r in rows]
    coded = code(items)
    expected = [(r, e) for r in rows for e in r["expected_events"]]
    root_hit = src_hit = {False: 0, True: 0}
    root_hit, src_hit, tgt_hit = 0, {False: 0, True: 0}, {False: 0, True: 0}
    tgt_total = 0
    for r, exp in expected:
        events = coded[r["id"]]
        same_root = [e for e in events if e.cameo and e.cameo[:2] == exp["event"][:2]]
        root_hit += bool(same_root)
        for fill in (False, True):
            if exp.get("source") and any(country(e.actor1, fill) == exp["source"][:3] for e in same_root):
                src_hit[fill] += 1
            if exp.get("target") and any(country(e.actor2, fill) == exp["target"][:3] for e in same_root):
                tgt_hit[fill] += 1
        tgt_total += bool(exp.get("target"))
    noevent_rows = [r for r in rows if r.get("noevents")]
    false_pos = sum(len(coded[r["id"]]) for r in noevent_rows)
    ne = len(expected)
    print(f"PETR2_GSR_validation: {len(rows)} sentences, {ne} expected events")
    print(f"  CAMEO root found: {root_hit}/{ne} = {pct(root_hit, ne)}")
    print(f"  source country right (with root): {src_hit[False]}/{ne} = {pct(src_hit[False], ne)} as is;"
          f" {src_hit[True]}/{ne} = {pct(src_hit[True], ne)} filled")
    print(f"  target country right (with root): {tgt_hit[False]}/{tgt_total} = {pct(tgt_hit[False], tgt_total)} as is;"
          f" {tgt_hit[True]}/{tgt_total} = {pct(tgt_hit[True], tgt_total)} filled")
    print(f"  events coded on the {len(noevent_rows)} no-event sentences: {false_pos}")

    for note in sorted(notes):
        print(f"note: {note}")
    print(f"time: parse {clock['parse']:.2f}s, actors {clock['actors']:.2f}s, events {clock['events']:.2f}s;"
          f" event coding = {100 * clock['events'] / clock['parse']:.1f}% of parse time"
          f" (one-time start-up before timing, not counted: {startup:.2f}s)")
    return 0


def _ner_actors(article, doc):
    """The skeleton's actor layer: spaCy entities as actors, no countries."""
    from parley.actors import ArticleActors
    from parley.ids import actor_id
    from parley.records import Actor, Mention

    kinds = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}
    found, mentions = {}, []
    for ent in doc.ents:
        kind = kinds.get(ent.label_)
        if kind:
            aid = actor_id(kind, ent.text)
            found.setdefault(aid, Actor(id=aid, name=ent.text, kind=kind))
            mentions.append(Mention(article.id, aid, ent.text, ent.start_char, ent.end_char))
    return ArticleActors(list(found.values()), mentions)


def _iso(d: str | None) -> str:
    if d and re.fullmatch(r"\d{8}", d):
        return f"{d[:4]}-{d[4:6]}-{d[6:]}"
    return "2000-01-01"


if __name__ == "__main__":
    sys.exit(main())
