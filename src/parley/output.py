"""How records reach the terminal: JSON lines, CSV, or tables for people (rich)."""

from __future__ import annotations

import csv
import json
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from rich.console import Console
from rich.markup import escape
from rich.progress import ProgressColumn
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


class Column(NamedTuple):
    """One column of a listing. `keep` orders what a narrow terminal gives up first (lowest first;
    0: never dropped); `shrink` marks free text that may be cut short with an ellipsis, `least` the
    narrowest it gets while other columns can still be dropped to make room."""

    header: str
    get: Callable[[dict], Any]
    keep: int = 0
    shrink: bool = False
    least: int = 12  # a word or two


MAIN_TEXT = 40  # `least` of a row's main text (a headline, a quote): a few words, enough to know it by


ARTICLE_COLUMNS: list[Column] = [
    Column("published", lambda r: (r.get("published") or "")[:10]),
    Column("outlet", lambda r: r.get("outlet") or "", keep=5, shrink=True),
    Column("headline", lambda r: r.get("headline") or "", shrink=True, least=MAIN_TEXT),
    Column("dateline", lambda r: r.get("dateline") or "", keep=3, shrink=True),
    Column("words", lambda r: len((r.get("body") or "").split()), keep=2),
    Column("dup of", lambda r: (r.get("duplicate_of") or "")[:8], keep=1),
    Column("id", lambda r: r["id"][:10], keep=4),
]
ACTOR_COLUMNS: list[Column] = [
    Column("name", lambda r: r["name"], shrink=True),
    Column("kind", lambda r: r["kind"], keep=5),
    Column("country", lambda r: r.get("country") or "", keep=6),
    Column("sector", lambda r: r.get("sector") or "", keep=3),
    Column("roles", lambda r: "; ".join(x["title"] for x in r.get("roles") or []), keep=2, shrink=True),
    Column("aliases", lambda r: ", ".join(r.get("aliases") or []), keep=1, shrink=True),
    Column("mentions", lambda r: r.get("mentions", 0), keep=4),
]
QUOTE_COLUMNS: list[Column] = [
    Column("date", lambda r: (r.get("date") or "")[:10], keep=3),
    Column("speaker", lambda r: r.get("speaker") or "—", shrink=True),
    Column("kind", lambda r: r["kind"], keep=1),
    Column("cue", lambda r: r.get("cue") or "", keep=2),
    Column("quote", lambda r: r["text"], shrink=True, least=MAIN_TEXT),
]
EVENT_COLUMNS: list[Column] = [
    Column("date", lambda r: r.get("date") or ""),
    Column("type", lambda r: r["type"]),
    Column("cameo", lambda r: r.get("cameo") or "", keep=1),
    Column("status", lambda r: r["status"], keep=5),
    Column("actor1", lambda r: _name(r.get("actor1")), shrink=True, least=18),
    Column("actor2", lambda r: _name(r.get("actor2")), shrink=True, least=18),
    Column("where", lambda r: (r.get("location") or {}).get("name", ""), keep=2, shrink=True),
    Column("trigger", lambda r: r.get("trigger") or "", keep=4, shrink=True),
    Column("sources", lambda r: r.get("n_sources", 1), keep=3),
]
DYAD_COLUMNS: list[Column] = [
    Column("month", lambda r: r["month"]),
    Column("quad1", lambda r: r.get("quad1", 0)),
    Column("quad2", lambda r: r.get("quad2", 0)),
    Column("quad3", lambda r: r.get("quad3", 0)),
    Column("quad4", lambda r: r.get("quad4", 0)),
    Column("goldstein", lambda r: r.get("goldstein", 0)),
    Column("events", lambda r: r.get("events", 0)),
]
TIMELINE_COLUMNS: list[Column] = [
    Column("date", lambda r: r["date"]),
    Column("event", lambda r: r["text"], shrink=True, least=MAIN_TEXT),
    Column("outlets", lambda r: ", ".join(r.get("outlets") or []), keep=1, shrink=True),
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


def emit(rows: Iterable[Any], kind: str, columns: list[Column], out=None, width: int | None = None) -> int:
    """Write rows as JSON lines, CSV, or a table (a terminal) / TSV (a pipe); returns how many."""
    out = out or sys.stdout
    if kind == "json":
        n = 0
        for row in rows:
            out.write(json.dumps(_as_dict(row), ensure_ascii=False) + "\n")
            n += 1
        return n
    if kind == "csv":
        return write_csv((flatten(_as_dict(row)) for row in rows), out)
    records = [_as_dict(row) for row in rows]
    if not records:
        Console(stderr=True).print("(nothing found)")
        return 0
    cells = [[one_line(c.get(r)) for c in columns] for r in records]
    if kind == "tsv" or (kind == "table" and width is None and not out.isatty()):
        write_tsv([c.header for c in columns], cells, out)
    else:
        write_table(columns, cells, out, width or shutil.get_terminal_size().columns)
    return len(records)


def one_line(value: Any) -> str:
    return " ".join(str(value).split())


# the first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, made inert with a leading single quote
    (OWASP's advice); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(flat_rows: Iterable[dict], out) -> int:
    """Flattened records as CSV, header from the first row, every text cell formula-safe."""
    writer = None
    n = 0
    for flat in flat_rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: safe_cell(v) for k, v in flat.items()})
        n += 1
    return n


def write_tsv(headers: list[str], cells: list[list[str]], out) -> None:
    """For other programs: one line per row, tab-separated, nothing cut (cells are one line already)."""
    out.write("\t".join(headers) + "\n")
    for row in cells:
        out.write("\t".join(c.replace("\t", " ") for c in row) + "\n")


GAP = 2  # spaces between table columns
SHORTEST = 8  # free text is never cut below this, whatever the terminal
# the room a row's main text (keep=0) is given before it is cut: columns of less value are dropped
# to make it; beyond this, a long headline is cut rather than losing another column
MAIN_WANT = 50


def fit_columns(columns: list[Column], cells: list[list[str]], width: int) -> list[tuple[int, int]]:
    """(column index, width) of the columns shown: low-value columns are dropped first, then free
    text is cut (secondary text before the main one), so a row fits `width` characters."""
    natural = [max([len(c.header)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    shown = list(range(len(columns)))

    def floor(i: int) -> int:  # the narrowest a column gets while there are columns left to drop
        if not columns[i].shrink:
            return natural[i]
        return min(natural[i], max(columns[i].least, len(columns[i].header)))

    def total(widths) -> int:
        return sum(widths) + GAP * (len(widths) - 1)

    def want(i: int) -> int:  # what a column asks for while others can be dropped
        return min(natural[i], max(MAIN_WANT, floor(i))) if columns[i].shrink and not columns[i].keep else floor(i)

    droppable = sorted((c.keep, i) for i, c in enumerate(columns) if c.keep)
    while total([want(i) for i in shown]) > width and droppable:
        shown.remove(droppable.pop(0)[1])
    widths = {i: natural[i] for i in shown}
    excess = total(list(widths.values())) - width
    # secondary text first (least valuable first), then the main text, widest first
    order = sorted((i for i in shown if columns[i].shrink and columns[i].keep), key=lambda i: columns[i].keep)
    for i in order:
        cut = min(max(0, excess), widths[i] - floor(i))
        widths[i] -= cut
        excess -= cut
    main = [i for i in shown if columns[i].shrink and not columns[i].keep]
    for least in (floor, lambda i: SHORTEST):  # down to each one's floor first, then below it
        while excess > 0:
            room = {i: widths[i] - least(i) for i in main if widths[i] > least(i)}
            if not room:
                break
            widest = max(room, key=room.get)
            widths[widest] -= 1
            excess -= 1
    if excess > 0 and shown:  # still too wide: the last column takes the cut
        last = shown[-1]
        widths[last] = max(1, widths[last] - excess)
    return [(i, widths[i]) for i in shown]


def clip(text: str, width: int) -> str:
    """Text cut to `width` with an ellipsis, at a word boundary when one is near."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space >= (width - 1) // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def write_table(columns: list[Column], cells: list[list[str]], out, width: int) -> None:
    """An aligned table in `width` characters: bold headers, no box, nothing wrapped."""
    layout = fit_columns(columns, cells, width)
    console = Console(file=out, width=max(width, 20), highlight=False, soft_wrap=True)
    gap = " " * GAP

    def line(values: list[str]) -> Text:
        return Text(gap.join(clip(v, w).ljust(w) for v, (_, w) in zip(values, layout)).rstrip())

    header = line([columns[i].header for i, _ in layout])
    header.stylize("bold")
    console.print(header)
    for row in cells:
        console.print(line([row[i] for i, _ in layout]))  # data is never markup


# without a terminal (a log, a pipe, CI) a progress line this often: enough to see a run is alive,
# few enough to keep a log of a day-long run readable
LOG_EVERY_SECONDS = 10.0


class Meter:
    """Progress of a batch on stderr: a live bar on a terminal, else a line every few seconds.

    `advance` once per input done (stored, already known, or refused); `note` prints a line (an
    error, a warning) without breaking the bar.
    """

    def __init__(self, total: int | None, verb: str, *, live: bool, quiet: bool = False,
                 every: float = LOG_EVERY_SECONDS, stream=None) -> None:
        self.total, self.verb, self.quiet, self.every = total, verb, quiet, every
        self.stream = stream or sys.stderr
        self.done = 0
        self.started = time.monotonic()
        self.last_line = self.started
        self._bar = self._task = None
        if quiet:
            return
        if live:
            self._start_bar()
        elif total is not None:
            self._line()

    def _start_bar(self) -> None:
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        # refreshed from a thread 4 times a second (spinner, elapsed time), so it moves while the model
        # loads and while a batch of articles is parsed
        self._bar = Progress(SpinnerColumn(), TextColumn(self.verb), BarColumn(bar_width=24), MofNCompleteColumn(),
                             _RateColumn(), TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
                             TextColumn("{task.description}"),
                             console=Console(file=self.stream), transient=True, refresh_per_second=4)
        self._bar.start()
        self._task = self._bar.add_task("", total=self.total)

    def set_total(self, total: int) -> None:
        self.total = total
        if self._bar is not None:
            self._bar.update(self._task, total=total)
        elif not self.quiet:
            self._line()

    def advance(self, label: str = "") -> None:
        self.done += 1
        if self.total is not None and self.done > self.total:
            self.total = self.done  # an archive held more records than counted
        if self._bar is not None:
            self._bar.update(self._task, advance=1, total=self.total, description=clip(one_line(label), 40))
        elif not self.quiet and time.monotonic() - self.last_line >= self.every:
            self._line()

    def note(self, line: str) -> None:
        if self._bar is not None:
            self._bar.console.print(line, markup=False, highlight=False)
        else:
            self.stream.write(line + "\n")
            self.stream.flush()

    def _line(self) -> None:
        self.last_line = time.monotonic()
        elapsed = self.last_line - self.started
        of = f"/{self.total}" if self.total is not None else ""
        parts = [f"parley: {self.verb} {self.done}{of}"]
        if self.done and elapsed > 0:
            rate = self.done / elapsed
            parts.append(f"{rate:.1f}/s")
            if self.total:
                parts.append(f"about {_duration((self.total - self.done) / rate)} left")
        self.stream.write(", ".join(parts) + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> "Meter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _RateColumn(ProgressColumn):
    """Inputs per second, once there is a rate to show."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f}/s" if speed else "–/s", style="progress.data.speed")


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


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


def _screen() -> Console:
    """The console for text meant for people: the terminal's width, or a wide page in a pipe."""
    return Console(width=None if sys.stdout.isatty() else 200, highlight=False)


def show_actor(profile) -> None:
    console = _screen()
    width = console.width
    a = to_dict(profile.actor)
    console.print(f"[bold]{escape(a['name'])}[/bold]  {a['kind']} · {escape(a.get('country') or '?')} · "
                  f"{escape(a.get('sector') or '?')}  [dim]{escape(a['id'])}[/dim]")
    if a.get("aliases"):
        console.print("also called: " + ", ".join(a["aliases"]), markup=False)
    for role in a.get("roles") or []:
        span = role.get("first_seen") or "?"
        if role.get("last_seen") and role.get("last_seen") != role.get("first_seen"):
            span += f" … {role['last_seen']}"
        console.print(f"  {span}  {role['title']}" + (f" ({role['country']})" if role.get("country") else ""), markup=False)
    if profile.also:
        console.print("the name also matches: " + "; ".join(f"{x.name} ({x.id})" for x in profile.also)
                      + " (counted below; give an id for one actor)", markup=False, style="dim")
    console.print(f"{profile.n_articles} article(s), {profile.n_quotes} quote(s), {profile.n_events} event(s)")
    _section(console, "latest articles", profile.articles, profile.n_articles,
             lambda x: f"{(x.published or '')[:10]:<10}  {x.outlet or '':<18.18}  {x.headline or x.id}", width)
    _section(console, "latest quotes", profile.quotes, profile.n_quotes,
             lambda q: f"{(q.date or '')[:10]:<10}  {q.speaker or '—'}: \u201c{one_line(q.text)}\u201d", width)
    _section(console, "latest events", profile.events, profile.n_events, lambda e: _event_line(to_dict(e)), width,
             evidence=lambda e: _evidence(to_dict(e)))


def _section(console: Console, title: str, rows: list, total: int, line, width: int, evidence=None) -> None:
    if not rows:
        return
    more = f" (newest {len(rows)} of {total}; -n for more)" if total > len(rows) else ""
    console.print(f"\n[bold]{title}[/bold]{escape(more)}")
    for row in rows:
        console.print(clip("  " + line(row), width - 1), markup=False)
        if evidence and evidence(row):
            console.print(clip("      " + evidence(row), width - 1), markup=False, style="dim")


def _event_line(e: dict) -> str:
    who = " → ".join(n for n in (_name(e.get("actor1")), _name(e.get("actor2"))) if n)
    status = "" if e.get("status") == "reported" else f" [{e['status']}]"
    return f"{(e.get('date') or '?'):<10}  {e['type']}{status}  {who}"


def _evidence(e: dict) -> str:
    """The sentence an event was coded from, with its outlet."""
    source = (e.get("sources") or [{}])[0]
    sentence = one_line(source.get("sentence") or "")
    return f"{source.get('outlet') or 'source'}: {sentence}" if sentence else ""


def show_events_with_evidence(events) -> int:
    """Events, each with the sentence it came from (for a first look at a store)."""
    console = _screen()
    n = 0
    for event in events:
        e = _as_dict(event)
        console.print(clip(_event_line(e), console.width - 1), markup=False)
        if _evidence(e):
            console.print(clip("    " + _evidence(e), console.width - 1), markup=False, style="dim")
        n += 1
    return n


def show_timeline(entries, with_sentences: bool = False) -> None:
    console = _screen()
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
