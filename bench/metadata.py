"""Metadata accuracy (headline, outlet, published, authors, agency, dateline) on labelled samples,
and text-cleaning speed.

Samples: the bundled examples/ (labels below, written with them) and the five real seed pages in
../shared/seeds (labels below, read off the pages; skipped when ../shared is absent). A field
counts as right only when it equals the label exactly (None = the page does not state it).

    .venv/bin/python bench/metadata.py [--quick]

--quick: the same labels, one timing round for the cleaning speed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
FIELDS = ("headline", "outlet", "published", "authors", "agency", "dateline")

EXAMPLES = {
    "01_mekong_council_straits.txt": ("Mekong states agree to share dam data after tense Vientiane meeting",
                                      "The Straits Times", "2024-03-12T18:05:00+08:00", ["Natalie Ong"], None,
                                      "Vientiane"),
    "02_eu_sanctions_devdiscourse.txt": ("EU ministers back new sanctions on Belarusian officials over migrant pressure",
                                         "Devdiscourse", "2023-11-15T22:45:00+05:30", [], "Reuters", None),
    "03_eu_sanctions_japantimes.txt": ("EU ministers back new sanctions on Belarusian officials over migrant pressure",
                                       "The Japan Times", "2023-11-16", [], "Reuters", "Brussels"),
    "04_korea_japan_call_koreatimes.txt": ("Seoul, Tokyo foreign ministers hold phone talks on North Korean launch",
                                           "The Korea Times", "2023-08-24T16:41:00+09:00", [], "Yonhap", "Seoul"),
    "05_nile_talks_observer.html": ("Egypt, Ethiopia and Sudan resume dam talks in Addis Ababa", "Nile Observer",
                                    "2024-02-06T14:20:00+03:00", ["Hana Mekonnen"], None, "Addis Ababa"),
    "06_iran_iaea_presstv.txt": ("Tehran rejects IAEA board resolution, warns of 'proportionate response'",
                                 "Press TV", "2023-06-08T21:15:00+03:30", [], None, None),
    "07_shoal_hotline_scmp.txt": ("China and Philippines agree to set up maritime hotline after shoal stand-off",
                                  "South China Morning Post", "2023-08-17T19:30:00+08:00", ["Laura Zhou"], None, None),
    "08_ukraine_grain_ap.txt": ("U.S. and Turkey urge Russia to return to Black Sea grain deal", "AP News",
                                "2023-07-21T16:52:00-04:00", ["Marta Gillespie", "Emre Aksoy"], "AP", "Washington"),
    "09_sahel_talks_french.txt": ("Le Niger et le Bénin reprennent le dialogue sur la réouverture de la frontière",
                                  "Le Monde Afrique", "2024-03-14T11:20:00+01:00", [], None, None),
    "10_crawl_sample.jsonl#1": ("Mekong Countries Strike Deal on Dam Data, Split Over Reservoir Limits",
                                "Voice of America", "2024-03-12T10:30:00-04:00", ["Kanokporn Chaiyasit"], None,
                                "Bangkok"),
    "10_crawl_sample.jsonl#2": ("Kenya offers to host Sudan ceasefire talks as Jeddah process stalls",
                                "example-africa-news.org", "2023-07-04T09:15:00+03:00", ["Wanjiru Kamau"], "Reuters",
                                "Nairobi"),
}

# The seeds' headlines are given as the line number where the page prints them (no text copied).
SEED_LABELS = {
    "000_3dcf391817acc376.txt": (5,
                                 "The Korea Herald", "2020-11-18T10:00:00+09:00", [], "Yonhap", "Washington"),
    "001_fb4d47756badae17.txt": (5,
                                 "The Korea Herald", "2019-09-19T18:09:00+09:00", ["Park Han-na"], None, None),
    "002_7631eedc800fec3c.txt": (1,
                                 "Devdiscourse", "2020-07-07T23:30:00+05:30", [], "Reuters", None),
    "003_66de766337597eb5.txt": (6,
                                 "South China Morning Post", None, [], "Reuters", None),
    "004_5cee7427307657f0.txt": (7,
                                 "Press TV", "2021-04-22T07:43:00+04:30", [], None, None),
}


def articles(folder: Path, options):
    from parley.clean import clean_document
    from parley.errors import ParleyError
    from parley.ingest import read_inputs

    for doc in read_inputs([str(folder)], options):
        if isinstance(doc, ParleyError):
            yield Path(doc.path or "?").name, doc
            continue
        try:
            yield Path(doc.source).name, clean_document(doc, options)
        except ParleyError as exc:
            yield Path(doc.source).name, exc


def score(name: str, folder: Path, labels: dict, options) -> tuple[int, dict]:
    right = {f: 0 for f in FIELDS}
    seen = 0
    for key, article in articles(folder, options):
        if key not in labels:
            continue
        seen += 1
        for field, expected in zip(FIELDS, labels[key]):
            if isinstance(expected, int):  # a line number in the labelled file
                expected = (folder / key).read_text(encoding="utf-8").splitlines()[expected - 1].strip()
            got = getattr(article, field, "<error>")
            if got == expected:
                right[field] += 1
            else:
                print(f"  miss {name}/{key} {field}: got {got!r}, expected {expected!r}")
    return seen, right


def cleaning_speed(options, rounds: int = 20) -> float:
    from parley.clean import clean_document
    from parley.ingest import read_inputs
    from parley.records import Document

    docs = [d for folder in (ROOT / "examples", SEEDS) if folder.is_dir()
            for d in read_inputs([str(folder)], options) if isinstance(d, Document) and d.kind == "text"]
    for doc in docs:  # warm caches and lazy imports first
        clean_document(doc, options)
    started = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            clean_document(doc, options)
    return rounds * len(docs) / (time.perf_counter() - started)


def main() -> int:
    import argparse

    from parley.options import Options

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one timing round: a check that it runs")
    args = parser.parse_args()

    options = Options()
    total = {f: 0 for f in FIELDS}
    count = 0
    for name, folder, labels in (("examples", ROOT / "examples", EXAMPLES), ("seeds", SEEDS, SEED_LABELS)):
        if not folder.is_dir():
            print(f"{name}: skipped, {folder} not found")
            continue
        seen, right = score(name, folder, labels, options)
        count += seen
        for field in FIELDS:
            total[field] += right[field]
        print(f"{name:9s} n={seen:2d}  " + "  ".join(f"{f}={right[f] / seen:.2f}" for f in FIELDS))
    if count:
        print(f"{'all':9s} n={count:2d}  " + "  ".join(f"{f}={total[f] / count:.2f}" for f in FIELDS))
    print(f"text cleaning: {cleaning_speed(options, rounds=1 if args.quick else 20):.0f} pages/s (one process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
