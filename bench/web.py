"""Server time of every explorer page and the main API calls over a store of 10,000 synthetic articles.

    .venv/bin/python bench/web.py [--articles N] [--runs R] [--rebuild] [--quick]

The store (actors, mentions, quotes and events generated, no spaCy) is cached in
bench/out/web-bench-N.db; --rebuild makes it again. Target: every request under 300 ms.
--quick: 300 articles in a temporary store, one run per request; fails only on a status other than 200.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from parley.records import (Actor, Article, ArticleRecords, Event, EventActor, Location, Mention, Quote, Role,
                            Source)
from parley.store import Store, open_store

OUT = Path(__file__).resolve().parent / "out"
TARGET_MS = 300
COUNTRIES = ["USA", "PRK", "KOR", "CHN", "JPN", "RUS", "IRN", "ISR", "UKR", "FRA", "DEU", "GBR", "TUR", "IND", "PAK"]
CAPITALS = ["Washington", "Pyongyang", "Seoul", "Beijing", "Tokyo", "Moscow", "Tehran", "Jerusalem", "Kyiv",
            "Paris", "Berlin", "London", "Ankara", "New Delhi", "Islamabad"]
FIRST = ["Anna", "Boris", "Chen", "Dana", "Emil", "Farah", "Gustav", "Hana", "Ivan", "Jae", "Kenji", "Lena",
         "Mehdi", "Nora", "Omar", "Petra", "Quan", "Rosa", "Sergei", "Tomas"]
LAST = ["Albright", "Baek", "Castro", "Dorn", "Eriksen", "Fischer", "Gao", "Haddad", "Ito", "Jung", "Kovac",
        "Larsen", "Moreau", "Novak", "Ortiz", "Park", "Quinn", "Rahimi", "Sato", "Tanaka"]
TITLES = ["Foreign Minister", "President", "Prime Minister", "Special Envoy", "Defence Minister", "Ambassador"]
OUTLETS = ["Reuters", "AP", "AFP", "Yonhap", "Kyodo", "BBC", "Al Jazeera", "The Guardian", "NHK", "Xinhua",
           "TASS", "DW", "France 24", "CNN", "NPR", "Le Monde", "NK News", "Arirang", "Nikkei", "Bloomberg"]
EVENTS = [("CONSULT", "met", 1, 1.0), ("AGREE", "agreed with", 1, 3.0), ("SUPPORT", "praised", 1, 3.4),
          ("REQUEST", "urged", 1, 3.0), ("AID", "sent aid to", 2, 7.4), ("COOPERATE", "signed a deal with", 2, 6.0),
          ("ACCUSE", "accused", 3, -2.0), ("REJECT", "rejected the offer of", 3, -4.0),
          ("THREATEN", "threatened", 3, -4.4), ("PROTEST", "protested against", 3, -3.0),
          ("SANCTION", "imposed sanctions on", 4, -4.5), ("ASSAULT", "attacked", 4, -9.0)]
STATUSES = ["reported"] * 7 + ["planned", "negated", "hypothetical", "historical"]
FILLER = ("The talks in {city} came after weeks of uncertainty. Officials said the meeting covered trade, "
          "security guarantees and the humanitarian situation. Analysts cautioned that a lasting agreement "
          "remained distant, and several diplomats described the mood as tense but constructive. ")
QUOTES = ["We are ready to talk, but not at any price", "The door to dialogue remains open",
          "This summit is a step toward lasting peace", "Sanctions will stay until there is real progress",
          "Our patience has limits", "We welcome the proposal and will study it carefully"]


def make_actors(rng: random.Random) -> list[Actor]:
    actors = [Actor(f"c-{c}", name, [c], "country", c, "GOV", [], 0) for c, name in zip(COUNTRIES, CAPITALS)]
    for i in range(120):
        first, last = FIRST[i % len(FIRST)], LAST[(i * 7) % len(LAST)]
        country = COUNTRIES[i % len(COUNTRIES)]
        year = 2015 + i % 5
        roles = [Role(TITLES[i % len(TITLES)], country, f"{year}-0{1 + i % 9}", f"{year + 2}-1{i % 3}")]
        if i % 3 == 0:
            roles.append(Role(TITLES[(i + 1) % len(TITLES)], country, f"{year + 2}-11", f"{year + 4}-06"))
        actors.append(Actor(f"p-{i}", f"{first} {last} {i}", [last + f" {i}"], "person", country, "GOV", roles, 0))
    return actors


def make_article(n: int, rng: random.Random, actors: list[Actor]) -> ArticleRecords:
    people = [a for a in actors if a.kind == "person"]
    day = f"{2017 + n % 4}-{1 + (n // 4) % 12:02d}-{1 + (n // 48) % 28:02d}"
    outlet = OUTLETS[n % len(OUTLETS)]
    cast = rng.sample(people, 4)
    city = rng.choice(CAPITALS)
    parts, mentions, quotes, events = [], [], [], []
    aid = f"art{n:06d}"

    def add(text: str) -> tuple[int, int]:
        start = sum(len(p) for p in parts)
        parts.append(text)
        return start, start + len(text)

    for k in range(3):
        a, b = cast[k], cast[k + 1]
        etype, verb, quad, gold = rng.choice(EVENTS)
        sent_start = sum(len(p) for p in parts)
        s1 = add(a.name)
        add(" ")
        t = add(verb)
        add(" ")
        s2 = add(b.name)
        add(f" in {city} on {day}. ")
        sent_end = sum(len(p) for p in parts)
        sentence = "".join(parts)[sent_start:sent_end].strip()
        mentions += [Mention(aid, a.id, a.name, *s1), Mention(aid, b.id, b.name, *s2)]
        events.append(Event(f"{aid}-e{k}", day, "explicit", etype, None, [], "040", gold, quad, rng.choice(STATUSES),
                            EventActor(a.name, a.id, a.country, "GOV"), EventActor(b.name, b.id, b.country, "GOV"),
                            Location(city, None), verb, [Source(aid, outlet, day, sentence, sent_start, sent_end)], 1))
        add("\n\n")
    for k in range(2):
        speaker = cast[k]
        text = rng.choice(QUOTES)
        add("\"")
        q = add(text)
        add(f",\" {speaker.name} said.\n\n")
        quotes.append(Quote(f"{aid}-q{k}", aid, text, speaker.name, speaker.id, "said", "direct", day,
                            text, *q))
    add(FILLER.format(city=city) * 4)
    body = "".join(parts).strip()
    headline = f"{cast[0].name} and {cast[1].name} {events[0].trigger} in {city}"
    article = Article(aid, f"synthetic/{aid}.txt", f"https://news.example/{aid}", headline, outlet, ["Staff"],
                      None, day, city, "en", body, ["Advertisement", "Share this article"],
                      f"art{n - 1:06d}" if n % 50 == 49 else None, [])
    return ArticleRecords(article, cast, mentions, quotes, events)


def build(path: Path, n: int) -> None:
    rng = random.Random(7)
    actors = make_actors(rng)
    t0 = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    with open_store(path) as store:
        counts: dict[str, int] = {}
        store.db.execute("BEGIN")
        for i in range(n):
            records = make_article(i, rng, actors)
            for m in records.mentions:
                counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
            _add_in_open_transaction(store, records)
        store.db.execute("COMMIT")
        from dataclasses import replace

        store.set_actors([replace(a, mentions=counts.get(a.id, 0)) for a in actors], {a.id: a.id for a in actors})
    print(f"built {n} articles in {time.perf_counter() - t0:.1f} s -> {path}", file=sys.stderr)


def _add_in_open_transaction(store: Store, records: ArticleRecords) -> None:
    """Store.add, minus its own transaction: one transaction for the whole synthetic corpus is ~20x faster."""

    class Open:
        def __enter__(self):
            return store.db

        def __exit__(self, *exc):
            return None

    store._transaction = lambda: Open()  # noqa: SLF001 - bench only
    store.add(records)


def measure(client, url: str, runs: int) -> tuple[float, float, float, int]:
    """First call (imports, cold caches) apart, then p50 and max of `runs` more."""
    t0 = time.perf_counter()
    client.get(url)
    first = (time.perf_counter() - t0) * 1000
    times, status = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t0) * 1000)
        status = r.status_code
    return first, statistics.median(times), max(times), status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--quick", action="store_true", help="300 articles, one run each: a check that it runs")
    args = parser.parse_args()
    if args.quick:
        with tempfile.TemporaryDirectory(prefix="parley-web-bench-") as tmp:
            args.articles, args.runs = 300, 1
            path = Path(tmp) / "web-bench-quick.db"
            build(path, args.articles)
            slow, failed = serve(path, args)
        return 1 if failed else 0
    OUT.mkdir(exist_ok=True)
    path = OUT / f"web-bench-{args.articles}.db"
    if args.rebuild or not path.exists():
        build(path, args.articles)
    slow, failed = serve(path, args)
    return 1 if slow or failed else 0


def serve(path: Path, args) -> tuple[int, int]:
    """Time every URL against the store at `path`: (requests over the target, requests not 200)."""

    from fastapi.testclient import TestClient

    from parley.web.app import create_app

    with open_store(path) as store:
        top = next(store.actors(kind="person", limit=1))
        art = next(store.articles(limit=1, offset=args.articles // 2))
    urls = [
        "/", "/?q=summit", "/?q=sanctions+talks&outlet=Reuters&since=2018&until=2019-06", f"/?actor={top.id}",
        "/?page=50", f"/articles/{art.id}", "/actors", "/actors?q=Park", f"/actors/{top.id}", "/timeline",
        f"/timeline?actor={top.id}", "/timeline?a=USA&b=PRK", "/timeline?status=planned&since=2019",
        "/network", "/network?type=CONSULT", "/dyad", "/dyad?a=USA&b=PRK", f"/dyad?a={top.id}&b=CHN",
        "/api/articles", "/api/articles?q=summit&limit=100", f"/api/articles/{art.id}", "/api/events",
        f"/api/events?actor={top.id}&limit=500", "/api/events?type=THREATEN&since=2019&limit=500",
        f"/api/events?actor={top.id}&with=c-USA", "/api/quotes?q=peace", f"/api/quotes?speaker={top.id}",
        "/api/actors?limit=500", f"/api/actors/{top.id}", "/api/network", f"/api/timeline?actor={top.id}",
        "/api/dyad?a=USA&b=PRK",
    ]
    slow = failed = 0
    with TestClient(create_app(str(path))) as client:
        client.get("/")  # open the store (first request per thread)
        print(f"{'request':<62} {'first':>8} {'p50 ms':>8} {'max ms':>8}  status")
        for url in urls:
            first, p50, worst, status = measure(client, url, args.runs)
            flag = "  SLOW" if p50 > TARGET_MS else ""
            slow += p50 > TARGET_MS
            failed += status != 200
            print(f"{url[:62]:<62} {first:8.1f} {p50:8.1f} {worst:8.1f}  {status}{flag}")
    print(f"{len(urls)} requests, {args.runs} runs each, {args.articles} articles: "
          f"{slow} over {TARGET_MS} ms (p50), {failed} not 200")
    return slow, failed


if __name__ == "__main__":
    sys.exit(main())
