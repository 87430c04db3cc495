"""The language layer's cost over bare spaCy, and the actor stage's time per article.

Parses the VOA stories (../shared/peers/voa) three ways: bare `nlp.pipe` with the stock model,
`parley.language.parse` (name rules + re-casing), then runs `find_actors` on each doc.

    .venv/bin/python bench/language.py [--limit N] [--repeat R] [--quick]

--quick: 3 stories, one repeat (a check that it runs). Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from parley.actors import find_actors, load_knowledge
from parley.language import load_pipeline, parse
from parley.options import Options
from parley.records import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "peers" / "voa" / "voa_stories.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="3 stories, one repeat: a check that it runs")
    args = ap.parse_args()
    if not DATA.is_file():
        print(f"skipped: {DATA} not found")
        return
    if args.quick:
        args.limit, args.repeat = 3, 1
    lines = DATA.read_text(encoding="utf-8").splitlines()[: args.limit]
    texts = [json.loads(line)["text"] for line in lines]
    options = Options()
    bare = spacy.load(options.model)
    nlp = load_pipeline(options)
    articles = [Article(id=str(i), source="voa", body=t) for i, t in enumerate(texts)]
    list(bare.pipe(texts[:2]))
    list(parse(nlp, articles[:2], options))  # warm both

    def timed(fn):
        best = None
        for _ in range(args.repeat):
            t = time.perf_counter()
            result = fn()
            dt = time.perf_counter() - t
            best = dt if best is None else min(best, dt)
        return best, result

    t_bare, _ = timed(lambda: list(bare.pipe(texts, batch_size=options.batch_size)))
    t_ours, pairs = timed(lambda: list(parse(nlp, articles, options)))
    knowledge = load_knowledge(options)
    t = time.perf_counter()
    n_actors = sum(len(find_actors(a, d, knowledge, options).actors) for a, d in pairs)
    t_actors = time.perf_counter() - t
    words = sum(len(d) for _, d in pairs)
    print(f"articles: {len(texts)}, tokens: {words}")
    print(f"bare nlp.pipe:        {t_bare:.2f}s")
    print(f"parley language.parse: {t_ours:.2f}s  ratio {t_ours / t_bare:.3f} (target <= 1.15)")
    print(f"actor stage:           {t_actors:.2f}s  {t_actors / len(texts) * 1000:.1f} ms per article, "
          f"{n_actors / len(texts):.1f} actors per article")


if __name__ == "__main__":
    main()
