"""Country of the source actor on the PLOVER gold-standard records (../shared/peers/plover-gsr).

For each record whose gold source has a country code, find the actor span parley produces that
overlaps the gold `source[].actorText` (else the actor of the sentence's subject) and compare its
`country` with the gold code. Prints accuracy (misses count as wrong) and coverage.

    .venv/bin/python bench/actors.py [--limit N] [--quick]

--quick: the first 15 records (a check that it runs). Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from parley.actors import find_actors, load_knowledge
from parley.language import load_pipeline, parse
from parley.options import Options
from parley.records import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "peers" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
# the README's normalisation: codes that are not ISO 3166 alpha-3
FIX = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def gold_sources(record: dict) -> list[dict]:
    src = record.get("source")
    return [s for s in src if isinstance(s, dict) and s.get("code")] if isinstance(src, list) else []


def predicted(text: str, gold: str, found, doc):
    span = " ".join(gold.split())
    start = text.find(span)
    if start < 0:
        start = text.find(span.split("(")[0].strip())
    if start >= 0:
        end = start + len(span)
        best = None
        for m in found.mentions_in(start, end):
            overlap = min(end, m.end) - max(start, m.start)
            score = (overlap, -abs(m.start - start))
            if best is None or score > best[0]:
                best = (score, m)
        if best is not None:
            return found.actor(best[1].actor_id)
    # the sentence's subject actor
    for sent in doc.sents:
        subj = [t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            tree = list(subj[0].subtree)
            actor = found.at(tree[0].idx, tree[-1].idx + len(tree[-1].text))
            if actor is not None:
                return actor
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", action="store_true", help="print the misses")
    ap.add_argument("--quick", action="store_true", help="the first 15 records: a check that it runs")
    args = ap.parse_args()
    if not DATA.is_file():
        print(f"skipped: {DATA} not found")
        return
    if args.quick:
        args.limit = 15
    records = [r for r in json.loads(DATA.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT" and gold_sources(r)]
    if args.limit:
        records = records[: args.limit]
    options = Options()
    nlp = load_pipeline(options)
    knowledge = load_knowledge(options)
    articles = [Article(id=r["id"], source="plover", body=r["text"].strip().strip("{}"), published=r.get("date")) for r in records]
    by_id = {r["id"]: r for r in records}
    right = covered = n_src = src_right = 0
    t0 = time.perf_counter()
    for article, doc in parse(nlp, articles, options):
        found = find_actors(article, doc, knowledge, options)
        record = by_id[article.id]
        results = []
        for s in gold_sources(record):
            actor = predicted(article.body, s["actorText"], found, doc)
            code = FIX.get(s["code"], s["code"])
            results.append((actor.country if actor else None, code, s["actorText"]))
        n_src += len(results)
        src_right += sum(p == g for p, g, _ in results)
        first = results[0]
        covered += first[0] is not None
        right += first[0] == first[1]
        if args.show and first[0] != first[1]:
            print(f"  miss {first[2]!r}: got {first[0]} want {first[1]} | {article.body[:100]}")
    elapsed = time.perf_counter() - t0
    n = len(records)
    print(f"records with a coded gold source: {n}")
    print(f"source country right (first source): {right}/{n} = {right / n:.1%}")
    print(f"every coded source entry:            {src_right}/{n_src} = {src_right / n_src:.1%}")
    print(f"coverage (an actor with a country):  {covered}/{n} = {covered / n:.1%}")
    print(f"time: {elapsed:.1f}s ({elapsed / n * 1000:.1f} ms per sentence, parse + actors)")


if __name__ == "__main__":
    main()
