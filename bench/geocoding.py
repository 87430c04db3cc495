"""Offline geocoding on VOA stories (../shared/peers/voa): accuracy on hand-checked places, and the
share of coded events whose place has coordinates. One held-out set is from the news pages of
../shared/peers/pages-dev (its rows name a page by file name, e.g. 001), one from the Timeline17
articles of ../shared/peers/tls (rows name an article as t17:TOPIC:ID).

1. Accuracy: every place of bench/data/voa_places.tsv (a name, the story that names it, and the
   place checked by hand) is geocoded with the countries of its story (the actors parley finds in
   it) as hints. Right: a city within 50 km, a region within 600 km, a country with the same code;
   a region over several countries (country `-` in the table: a sea, a belt like the Sahel) must
   come with no one country.
   Reported for the development rows (the rules were tuned on them) and the held-out rows apart.
2. Coverage: the VOA stories go through the pipeline; of the events with a place, the share whose
   place got coordinates.
3. Actor codes (the GDELT export's Actor1Code/Actor2Code): of the events' actors in the VOA
   stories, the share with a CAMEO actor code, and the names of those without one.

    .venv/bin/python bench/geocoding.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOA = ROOT.parent / "shared" / "peers" / "voa" / "voa_stories.jsonl"
PAGES = ROOT.parent / "shared" / "peers" / "pages-dev" / "articles"
TLS = ROOT.parent / "shared" / "peers" / "tls" / "t17"
TLS_PREFIX = "t17:"
PLACES = ROOT / "bench" / "data" / "voa_places.tsv"
TOLERANCE_KM = {"city": 50, "region": 600}
QUICK_STORIES = 3


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def checked_places() -> list[dict]:
    rows = []
    for line in PLACES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, story, country, lat, lon, kind, *rest = line.split("\t")
        rows.append({"name": name, "story": story, "country": country, "lat": float(lat), "lon": float(lon),
                     "kind": kind, "set": rest[0] if rest else "development"})
    return rows


def page_stories(ids: set[str]) -> list[dict]:
    """pages-dev pages as stories: the address on the first line, then the page text."""
    stories = []
    for page_id in sorted(ids):
        path = PAGES / f"{page_id}.txt"
        if not path.is_file():
            continue
        url, _, text = path.read_text(encoding="utf-8").partition("\n")
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")
        stories.append({"id": page_id, "url": url.strip(), "title": title, "text": text, "page": True})
    return stories


def tls_stories(ids: set[str]) -> list[dict]:
    """Timeline17 articles as stories (not VOA: left out of the event figures, like the pages)."""
    stories = []
    for topic in sorted({i.split(":")[1] for i in ids}):
        path = TLS / topic / "articles.jsonl"
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            article = json.loads(line) if line.strip() else {}
            story_id = f"{TLS_PREFIX}{topic}:{article.get('id')}"
            if story_id in ids:
                title = article["text"].split("\n", 1)[0].strip()
                stories.append({"id": story_id, "url": "", "title": title, "text": article["text"],
                                "published": article.get("time"), "page": True})
    return stories


def analyse(stories: list[dict]) -> dict:
    """story id -> (countries of its actors, its events), from the real pipeline."""
    from parley.geo import actor_countries, story_countries
    from parley.language import parse
    from parley.options import Options
    from parley.pipeline import Pipeline
    from parley.records import Article

    options = Options()
    pipeline = Pipeline(options)
    articles = [Article(id=s["id"], source=s["url"], url=s["url"], headline=s["title"],
                        published=(s.get("published") or "")[:10] or None, body=s["text"], language="en")
                for s in stories]
    found = {}
    for article, doc in parse(pipeline.nlp, iter(articles), options):
        records = pipeline.records(article, doc)
        countries = story_countries(actor_countries(records.actors))
        found[article.id] = (countries, records.events)
    return found


def is_right(place, gold: dict) -> bool:
    if place is None or (place.country or "-") != gold["country"]:
        return False
    if gold["kind"] == "country":
        return True
    return place.lat is not None and km(place.lat, place.lon, gold["lat"], gold["lon"]) <= TOLERANCE_KM[gold["kind"]]


def print_actor_codes(events) -> None:
    from collections import Counter

    from parley.export.cameo import actor_code
    from parley.records import EventActor

    actors = [a for e in events for a in (e.actor1, e.actor2) if isinstance(a, EventActor)]
    uncoded = Counter(a.name for a in actors if actor_code(a) is None)
    people = sum(n for name, n in uncoded.items()
                 if any(a.name == name and (a.actor_id or "").startswith("per:") for a in actors))
    coded = len(actors) - sum(uncoded.values())
    print(f"event actors with a CAMEO actor code: {coded}/{len(actors)} = {coded / max(len(actors), 1):.3f}"
          f" ({people} of the {sum(uncoded.values())} without one are people of unknown country)")
    print("most frequent without a code: " + ", ".join(f"{name} ({n})" for name, n in uncoded.most_common(12)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help=f"only the first {QUICK_STORIES} stories with a checked place")
    args = parser.parse_args()
    if not VOA.is_file():
        print(f"skipped: {VOA} is not present")
        return 0
    from parley.geo import geocode

    stories = [json.loads(line) for line in VOA.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = checked_places()
    other = {g["story"] for g in gold if not g["story"].isdigit() or len(g["story"]) < 5}
    stories += page_stories({i for i in other if not i.startswith(TLS_PREFIX)})
    stories += tls_stories({i for i in other if i.startswith(TLS_PREFIX)})
    if args.quick:
        keep = list(dict.fromkeys(g["story"] for g in gold))[:QUICK_STORIES]
        gold = [g for g in gold if g["story"] in keep]
        stories = [s for s in stories if s["id"] in keep]
    gold = [g for g in gold if g["story"] in {s["id"] for s in stories}]  # pages-dev or tls may be absent
    started = time.perf_counter()
    analysed = analyse(stories)
    right, misses = {}, []
    for g in gold:
        countries = analysed[g["story"]][0]
        place = geocode(g["name"], countries)
        tally = right.setdefault(g["set"], [0, 0])
        tally[1] += 1
        if is_right(place, g):
            tally[0] += 1
        else:
            got = f"{place.name} {place.country} ({place.lat}, {place.lon})" if place else "nothing"
            misses.append(f"  [{g['set']}] {g['name']} ({g['kind']}, {g['country']}; story countries {countries[:3]}): {got}")
    voa_ids = {s["id"] for s in stories if not s.get("page")}
    events = [e for story, (_, evs) in analysed.items() if story in voa_ids for e in evs]
    placed = [e for e in events if e.location and e.location.name]
    located = [e for e in placed if e.location.lat is not None]
    for name, (ok, n) in right.items():
        print(f"geocoding accuracy on hand-checked VOA places ({name}): {ok}/{n} = {ok / max(n, 1):.3f}")
    ok, n = sum(t[0] for t in right.values()), sum(t[1] for t in right.values())
    print(f"geocoding accuracy, all: {ok}/{n} = {ok / max(n, 1):.3f}")
    print("misses:\n" + "\n".join(misses) if misses else "misses: none")
    print(f"events with a place: {len(placed)} of {len(events)} coded events in {len(voa_ids)} VOA stories")
    print(f"share of those with coordinates: {len(located)}/{len(placed)} = {len(located) / max(len(placed), 1):.3f}")
    unlocated = sorted({e.location.name for e in placed if e.location.lat is None})
    print("places without coordinates: " + (", ".join(unlocated) or "none"))
    print_actor_codes(events)
    print(f"{time.perf_counter() - started:.1f} s")
    if not gold or ok == 0:
        print("broken: no checked place was resolved", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
