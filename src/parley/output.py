"""How records reach the terminal: JSON lines, CSV, or tables for people (rich)."""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .errors import UsageError
from .records import to_dict


def fmt(as_json: bool, as_csv: bool) -> str:
    if as_json and as_csv:
        raise UsageError("E030", detail="--json and --csv exclude each other")
    return "json" if as_json else "csv" if as_csv else "table"


def _name(ref: dict | None) -> str:
    if not ref:
        return ""
    return f"{ref['name']} ({ref['country']})" if ref.get("country") else ref["name"]


Column = tuple[str, Callable[[dict], Any]]

ARTICLE_COLUMNS: list[Column] = [
    ("id", lambda r: r["id"][:10]),
    ("published", lambda r: r.get("published") or ""),
    ("outlet", lambda r: r.get("outlet") or ""),
    ("headline", lambda r: r.get("headline") or ""),
    ("dateline", lambda r: r.get("dateline") or ""),
    ("words", lambda r: len((r.get("body") or "").split())),
    ("dup of", lambda r: (r.get("duplicate_of") or "")[:10]),
]
ACTOR_COLUMNS: list[Column] = [
    ("name", lambda r: r["name"]),
    ("kind", lambda r: r["kind"]),
    ("country", lambda r: r.get("country") or ""),
    ("sector", lambda r: r.get("sector") or ""),
    ("roles", lambda r: "; ".join(x["title"] for x in r.get("roles") or [])),
    ("aliases", lambda r: ", ".join(r.get("aliases") or [])),
    ("mentions", lambda r: r.get("mentions", 0)),
]
QUOTE_COLUMNS: list[Column] = [
    ("speaker", lambda r: r.get("speaker") or "—"),
    ("kind", lambda r: r["kind"]),
    ("cue", lambda r: r.get("cue") or ""),
    ("date", lambda r: r.get("date") or ""),
    ("quote", lambda r: r["text"]),
]
EVENT_COLUMNS: list[Column] = [
    ("date", lambda r: r.get("date") or ""),
    ("type", lambda r: r["type"]),
    ("cameo", lambda r: r.get("cameo") or ""),
    ("status", lambda r: r["status"]),
    ("actor1", lambda r: _name(r.get("actor1"))),
    ("actor2", lambda r: _name(r.get("actor2"))),
    ("where", lambda r: (r.get("location") or {}).get("name", "")),
    ("trigger", lambda r: r.get("trigger") or ""),
    ("sources", lambda r: r.get("n_sources", 1)),
]
DYAD_COLUMNS: list[Column] = [
    ("month", lambda r: r["month"]),
    ("quad1", lambda r: r.get("quad1", 0)),
    ("quad2", lambda r: r.get("quad2", 0)),
    ("quad3", lambda r: r.get("quad3", 0)),
    ("quad4", lambda r: r.get("quad4", 0)),
    ("goldstein", lambda r: r.get("goldstein", 0)),
    ("events", lambda r: r.get("events", 0)),
]


def _as_dict(row: Any) -> dict:
    return row if isinstance(row, dict) else to_dict(row)


def flatten(record: dict, prefix: str = "") -> dict:
    """Nested fields as dotted columns, lists joined by '; ' (lists of records as JSON)."""
    flat: dict = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        elif isinstance(value, list):
            simple = all(not isinstance(v, (dict, list)) for v in value)
            flat[name] = "; ".join(str(v) for v in value) if simple else json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def emit(rows: Iterable[Any], kind: str, columns: list[Column], out=None) -> int:
    """Write rows as JSON lines, CSV or a table; returns how many."""
    out = out or sys.stdout
    n = 0
    if kind == "json":
        for row in rows:
            out.write(json.dumps(_as_dict(row), ensure_ascii=False) + "\n")
            n += 1
        return n
    if kind == "csv":
        writer = None
        for row in rows:
            flat = flatten(_as_dict(row))
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(flat), extrasaction="ignore")
                writer.writeheader()
            writer.writerow(flat)
            n += 1
        return n
    table = Table(show_lines=False)
    for header, _ in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        record = _as_dict(row)
        table.add_row(*(Text(str(get(record))) for _, get in columns))  # data is never markup
        n += 1
    console = Console(file=out, width=None if out.isatty() else 200)
    if n:
        console.print(table)
    else:
        Console(stderr=True).print("(nothing found)")
    return n


@contextlib.contextmanager
def progress(enabled: bool) -> Iterator[Callable[[str], None]]:
    """A counter on stderr while articles are stored (only on a terminal)."""
    if not enabled:
        yield lambda _label: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.completed} articles · {task.description}"),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=None)
        yield lambda label: bar.update(task, advance=1, description=label[:60])


def show_article(article) -> None:
    console = Console()
    a = to_dict(article)
    console.print(f"[bold]{escape(a.get('headline') or '(no headline)')}[/bold]")
    meta = [a.get("outlet"), a.get("published"), a.get("dateline"), ", ".join(a.get("authors") or []),
            a.get("agency") and f"agency: {a['agency']}"]
    console.print(" · ".join(m for m in meta if m), style="dim", markup=False)
    console.print(f"id {a['id']}  source {a['source']}", style="dim", markup=False)
    console.print()
    console.print(a.get("body") or "", markup=False)
    if a.get("removed"):
        console.print("\n[dim]removed as clutter:[/dim]")
        for line in a["removed"]:
            console.print(f"  - {line}", style="dim", markup=False)


def show_actor(actor, articles, quotes, events) -> None:
    console = Console()
    a = to_dict(actor)
    console.print(f"[bold]{escape(a['name'])}[/bold]  {a['kind']} · {escape(a.get('country') or '?')} · {escape(a.get('sector') or '?')}")
    if a.get("aliases"):
        console.print("also: " + ", ".join(a["aliases"]), markup=False)
    for role in a.get("roles") or []:
        span = role.get("first_seen") or "?"
        if role.get("last_seen") and role.get("last_seen") != role.get("first_seen"):
            span += f" … {role['last_seen']}"
        console.print(f"  {span}  {role['title']}" + (f" ({role['country']})" if role.get("country") else ""), markup=False)
    console.print(f"{len(articles)} article(s), {len(quotes)} quote(s), {len(events)} event(s)")
    for art in articles[:20]:
        console.print(f"  {art.published or '':<25} {art.outlet or '':<20} {art.headline or art.id}", markup=False)


def show_timeline(entries, as_json: bool, with_sentences: bool = False) -> None:
    if as_json:
        for entry in entries:
            sys.stdout.write(json.dumps(_as_dict(entry), ensure_ascii=False) + "\n")
        return
    console = Console(width=None if sys.stdout.isatty() else 200)
    if not entries:
        Console(stderr=True).print("(no dated events)")
    for entry in entries:
        e = _as_dict(entry)
        outlets = ", ".join(e.get("outlets") or [])
        console.print(f"{e['date']:<10}  {escape(e['text'])}" + (f"  [dim]({escape(outlets)})[/dim]" if outlets else ""),
                      highlight=False)
        if with_sentences and e.get("sentence"):
            sentence = " ".join(e["sentence"].split())
            shown = escape(sentence[:240] + ("…" if len(sentence) > 240 else ""))
            console.print(f"{'':<10}  [dim]{shown}[/dim]", highlight=False)


def read_code_lines(stream) -> Iterator[tuple[str | None, str, str | None]]:
    """`parley code` input: JSON lines {"id", "text", "date"}; a bad line is reported and skipped."""
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            yield item.get("id"), str(item["text"]), item.get("date")
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
            sys.stderr.write(f"parley: <stdin>: line {n}: not a JSON object with \"text\" ({exc})\n")
