"""The command line: thin Typer commands that parse options, call a plain function and print.

Data goes to stdout (a table for people, or --json lines / --csv); progress and problems to stderr.
"""

from __future__ import annotations

import json
import socket
import sys
import threading
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__, output
from .api import check_date
from .choices import ACTOR_KINDS, EVENT_TYPES, QUOTE_KINDS, STATUSES
from .errors import ParleyError, UsageError
from .export import FORMATS as EXPORT_FORMATS
from .options import Options, load_options
from .records import to_dict

app = typer.Typer(
    add_completion=False,
    rich_markup_mode=None,  # usage errors as one plain line ("Error: Invalid value for ..."), not a box
    no_args_is_help=True,
    help="parley: a sourced, structured record of diplomacy and conflict from news coverage.",
)

Db = Annotated[Optional[str], typer.Option("--db", help="Store file or postgresql:// URL (else $PARLEY_DB, else ./parley.db).")]
Config = Annotated[Optional[str], typer.Option("--config", help="TOML options file (else $PARLEY_CONFIG, ./parley.toml).")]
Json = Annotated[bool, typer.Option("--json", help="One JSON object per line.")]
Csv = Annotated[bool, typer.Option("--csv", help="CSV with a header row.")]
# integers are checked against a range, so 1e23 or -5 is a usage error, not an SQLite overflow
MAX_ROWS = 1_000_000_000
Limit = Annotated[Optional[int], typer.Option("--limit", "-n", help="At most this many rows.",
                                              min=0, max=MAX_ROWS)]
Since = Annotated[Optional[str], typer.Option("--since", help="From this date (YYYY[-MM[-DD]]).")]
Until = Annotated[Optional[str], typer.Option("--until", help="Up to this date (YYYY[-MM[-DD]]).")]
ActorOpt = Annotated[Optional[str], typer.Option("--actor", help="Name, alias or id of an actor.")]


def _choice(values: tuple[str, ...]):
    """A closed vocabulary (any case): a value outside it is a usage error (exit 2) listing the valid ones."""
    by_lower = {v.lower(): v for v in values}

    def parse(value: str) -> str:
        if value.lower() not in by_lower:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(values)}")
        return by_lower[value.lower()]
    return parse


def _one_of(values: tuple[str, ...], what: str) -> str:
    return f"{what}: {', '.join(values)}."


Status = Annotated[Optional[str], typer.Option("--status", help=_one_of(STATUSES, "Event status"),
                                               parser=_choice(STATUSES))]
EventType = Annotated[Optional[str], typer.Option("--type", help=_one_of(EVENT_TYPES, "PLOVER event type"),
                                                  parser=_choice(EVENT_TYPES))]


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"parley {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", help="Print the version and exit.", is_eager=True,
                                                callback=_show_version)] = False) -> None:
    """parley: a sourced, structured record of diplomacy and conflict from news coverage."""


def _options(db: str | None, config: str | None = None, **overrides) -> Options:
    return load_options(config, db=db, **overrides)


def _store(options: Options, create: bool = False):
    from .store import open_store

    return open_store(options.db, create=create)


def _fail(error: ParleyError, code: int = 2) -> None:
    typer.echo(f"parley: {error.line()}", err=True)
    raise typer.Exit(code)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (recursively); '-' reads stdin.")],
    db: Db = None,
    config: Config = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", help="Worker processes.", min=1, max=256)] = None,
    dask: Annotated[Optional[str], typer.Option("--dask", help="Dask scheduler address, or 'local'.")] = None,
    shards: Annotated[Optional[str], typer.Option("--shards", help="Where Dask workers write Parquet shards (folder or URL).")] = None,
    no_nlp: Annotated[bool, typer.Option("--no-nlp", help="Store clean articles only; skip actors, quotes, events.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")] = False,
    date: Annotated[Optional[str], typer.Option(
        "--date", help="The pages' publication date (YYYY-MM-DD), over what they show; records keep their own.")] = None,
) -> None:
    """Read articles (.txt, .html, .jsonl, .warc[.gz], any also .gz) into the store."""
    from .api import check_day, ingest as run_ingest
    from .ingest import count_inputs

    options = _options(db, config, workers=workers, dask=dask, shards=shards, nlp=False if no_nlp else None)
    try:
        options = options.with_(date=check_day(date))
        store = _store(options, create=True)
    except ParleyError as exc:
        _fail(exc)
    # the total first (a directory walk and a line count), so the bar shows it before the model loads
    with store, _meter(count_inputs(paths), "ingest", quiet) as meter:
        report = run_ingest(
            paths, options, store,
            on_error=lambda e: meter.note(f"parley: {e.line()}"),
            on_warning=lambda line: meter.note(f"parley: warning: {line}"),
            on_step=meter.advance,
        )
    _summary(quiet, f"{report.stored} new article(s), {report.known} already stored, "
                    f"{len(report.errors)} problem(s); store {options.db}")
    if report.errors:
        raise typer.Exit(1)


@app.command()
def reprocess(
    db: Db = None,
    config: Config = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Only articles published from this date.")] = None,
    outlet: Annotated[Optional[str], typer.Option(help="Only articles whose outlet name contains this.")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", help="Worker processes.", min=1, max=256)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")] = False,
) -> None:
    """Analyse stored articles again (after an upgrade, or new actors, aliases or options)."""
    from .api import reprocess as run_reprocess

    since = check_date(since)
    options = _options(db, config, workers=workers)
    store = _open(db, options)
    with store, _meter(None, "reprocess", quiet) as meter:
        report = run_reprocess(
            options, store, since=since, outlet=outlet,
            on_total=meter.set_total,
            on_error=lambda e: meter.note(f"parley: {e.line()}"),
            on_warning=lambda line: meter.note(f"parley: warning: {line}"),
            on_step=meter.advance,
        )
    _summary(quiet, f"{report.stored} article(s) analysed again, {len(report.errors)} problem(s); store {options.db}")
    if report.errors:
        raise typer.Exit(1)


@app.command()
def relink(
    db: Db = None,
    config: Config = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Redo the cross-article step (copies, actors, merged events) over every stored article.

    An ingest links its new articles only; this rebuilds everything, with the same result (actor ids
    given before stay with their oldest member)."""
    from .stories import relink as run_relink

    options = _options(db, config)
    store = _open(db, options)
    with store:
        summary = run_relink(store, options)
    _summary(quiet, f"{summary.get('articles', 0)} article(s) linked: {summary.get('duplicates', 0)} copies, "
                    f"{summary.get('actors', 0)} actors, {summary.get('merged_events', 0)} merged events; store {options.db}")


def _meter(total: int | None, verb: str, quiet: bool) -> output.Meter:
    return output.Meter(total, verb, live=sys.stderr.isatty(), quiet=quiet)


def _summary(quiet: bool, line: str) -> None:
    if not quiet:
        typer.echo(f"parley: {line}", err=True)


@app.command()
def articles(
    db: Db = None, json_: Json = False, csv_: Csv = False, limit: Limit = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet name contains this.")] = None,
    since: Since = None, until: Until = None, actor: ActorOpt = None,
    search: Annotated[Optional[str], typer.Option("--search", "-s", help="Full-text search words.")] = None,
) -> None:
    """The stored articles."""
    with _open(db) as store:
        rows = store.articles(outlet=outlet, since=check_date(since), until=check_date(until),
                              search=search, actor=actor, limit=limit)
        output.emit(rows, output.fmt(json_, csv_), output.ARTICLE_COLUMNS)


@app.command()
def article(id: Annotated[str, typer.Argument(help="Article id (a unique prefix will do).")],
            db: Db = None, json_: Json = False) -> None:
    """One article: metadata, clean text and the clutter that was removed."""
    with _open(db) as store:
        found = store.article(id) or next((a for a in store.articles() if a.id.startswith(id)), None)
        if found is None:
            _fail(UsageError("E032", what="article", value=id), 1)
        if json_:
            output.emit([found], "json", [])
        else:
            output.show_article(found)


@app.command()
def actors(db: Db = None, json_: Json = False, csv_: Csv = False, limit: Limit = None,
           name: Annotated[Optional[str], typer.Option(help="Name or alias contains this.")] = None,
           kind: Annotated[Optional[str], typer.Option(help=_one_of(ACTOR_KINDS, "Kind of actor"), parser=_choice(ACTOR_KINDS))] = None) -> None:
    """Actors: people, organisations, countries and groups, merged across articles."""
    with _open(db) as store:
        output.emit(store.actors(name=name, kind=kind, limit=limit), output.fmt(json_, csv_), output.ACTOR_COLUMNS)


@app.command()
def actor(name: Annotated[str, typer.Argument(help="Name, alias or id.")], db: Db = None, json_: Json = False,
          limit: Annotated[int, typer.Option("--limit", "-n", help="Quotes and events shown.", min=0, max=MAX_ROWS)] = 10) -> None:
    """One actor's profile: aliases, roles, and its latest articles, quotes and events."""
    from .stories.profile import actor_profile

    with _open(db) as store:
        profile = actor_profile(store, name, limit)
        if profile is None:
            _fail(UsageError("E032", what="actor", value=name), 1)
        if json_:
            typer.echo(json.dumps(to_dict(profile), ensure_ascii=False))
        else:
            output.show_actor(profile)


@app.command()
def quotes(db: Db = None, json_: Json = False, csv_: Csv = False, limit: Limit = None,
           speaker: Annotated[Optional[str], typer.Option(help="Speaker name, alias or id.")] = None,
           kind: Annotated[Optional[str], typer.Option(help=_one_of(QUOTE_KINDS, "Kind of quote"), parser=_choice(QUOTE_KINDS))] = None,
           search: Annotated[Optional[str], typer.Option("--search", "-s", help="Words in the quote.")] = None) -> None:
    """Quotations with the person who said them."""
    with _open(db) as store:
        rows = store.quotes(speaker=speaker, kind=kind, search=search, limit=limit)
        output.emit(rows, output.fmt(json_, csv_), output.QUOTE_COLUMNS)


@app.command()
def events(db: Db = None, json_: Json = False, csv_: Csv = False, limit: Limit = None,
           actor: ActorOpt = None, since: Since = None, until: Until = None,
           status: Status = None, type_: EventType = None,
           per_article: Annotated[bool, typer.Option("--per-article", help="As coded in each article, unmerged.")] = False,
           evidence: Annotated[bool, typer.Option("--evidence", help="Each event with the sentence it was coded from.")] = False) -> None:
    """Events (PLOVER/CAMEO coded), merged across outlets, in date order."""
    kind = output.fmt(json_, csv_)
    with _open(db) as store:
        rows = store.events(actor=actor, since=check_date(since), until=check_date(until), status=status,
                            type=type_, merged=False if per_article else None, limit=limit)
        if evidence and kind == "table":
            output.show_events_with_evidence(rows)
        else:
            output.emit(rows, kind, output.EVENT_COLUMNS)


@app.command()
def timeline(db: Db = None, json_: Json = False, csv_: Csv = False, actor: ActorOpt = None,
             dyad: Annotated[Optional[tuple[str, str]], typer.Option(help="Two actors or country codes, e.g. --dyad USA PRK.")] = None,
             since: Since = None, until: Until = None,
             search: Annotated[Optional[str], typer.Option("--search", "-s", help="Words in the evidence.")] = None,
             status: Annotated[Optional[str], typer.Option("--status", help="Only this status (default: what happened).",
                                                           parser=_choice(STATUSES))] = None,
             summary: Annotated[Optional[int], typer.Option(help="Pick the N most important dates.", min=1, max=MAX_ROWS)] = None) -> None:
    """Dated events in order, in plain words, with their outlets."""
    from .stories.timeline import build_timeline

    kind = output.fmt(json_, csv_)
    with _open(db) as store:
        entries = build_timeline(store, actor=actor, dyad=dyad, since=check_date(since), until=check_date(until),
                                 search=search, status=status, summary=summary)
        undated = getattr(entries, "undated", None) or []  # events of articles with no date: a section, not nothing
        if kind == "table":
            output.show_timeline(entries, with_sentences=summary is not None)
            if undated:
                typer.echo("undated (no day in the sentence, and none the article's date can fix):")
                output.show_timeline(undated, with_sentences=summary is not None)
        else:
            output.emit([*entries, *undated], kind, output.TIMELINE_COLUMNS)
    for left_out in getattr(entries, "excluded", []):
        typer.echo(f"parley: kept out of the timeline: {left_out.article_id[:10]} "
                   f"{left_out.headline or ''}: {left_out.reason}", err=True)


@app.command()
def dyad(a: Annotated[str, typer.Argument(help="Actor or country code.")],
         b: Annotated[str, typer.Argument(help="Actor or country code.")],
         db: Db = None, json_: Json = False, csv_: Csv = False) -> None:
    """Monthly counts per quad class and Goldstein sum for a pair of actors or countries."""
    from .stories.dyad import dyad_series

    with _open(db) as store:
        output.emit(dyad_series(store, a, b), output.fmt(json_, csv_), output.DYAD_COLUMNS)


@app.command()
def code(text: Annotated[Optional[str], typer.Argument(help="Text to code; omit to read JSON lines on stdin.")] = None,
         date: Annotated[Optional[str], typer.Option(help="The text's date (YYYY-MM-DD), for relative dates.")] = None,
         json_: Json = False, config: Config = None) -> None:
    """Code text into events without storing it."""
    from .api import code as run_code

    options = _options(None, config)
    if text is not None:
        items = [(None, text, check_date(date))]
    else:
        items = output.read_code_lines(sys.stdin)
    problems = 0
    try:
        for item_id, found in run_code(items, options):
            if text is None:
                found = [to_dict(e) | {"input_id": item_id} for e in found]
            output.emit(found, "json" if json_ or text is None else "table", output.EVENT_COLUMNS)
    except ParleyError as exc:
        typer.echo(f"parley: {exc.line()}", err=True)
        problems += 1
    if problems:
        raise typer.Exit(1)


@app.command()
def export(format: Annotated[str, typer.Option("--format", "-f", help=_one_of(EXPORT_FORMATS, "File format"), parser=_choice(EXPORT_FORMATS))],
           out: Annotated[str, typer.Option("--out", "-o", help="Folder to write into.")],
           db: Db = None,
           all_statuses: Annotated[bool, typer.Option(
               "--all-statuses", help="GDELT: also planned, negated, hypothetical and historical events "
               "(a side file names each row's status).")] = False) -> None:
    """Write the store's records in a file format."""
    from .export import export_store

    with _open(db) as store:
        try:
            written = export_store(store, format, Path(out), all_statuses=all_statuses)
        except ParleyError as exc:
            _fail(exc)
    for path in written:
        typer.echo(str(path))


@app.command()
def copy(src: Annotated[str, typer.Argument(help="The store to copy: a file or a postgresql:// URL.")],
         dst: Annotated[str, typer.Argument(help="A new store to copy it into: a file or a postgresql:// URL.")],
         quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False) -> None:
    """Copy a store to another backend (SQLite file <-> PostgreSQL), every row, the linking's too."""
    from .store import open_store
    from .store.copy import copy_store

    try:
        with open_store(src, create=False) as source, open_store(dst) as target:
            copied = copy_store(source, target)
    except ParleyError as exc:
        _fail(exc)
    _summary(quiet, f"copied {copied['articles']} article(s), {copied['events']} event(s),"
                    f" {copied['quotes']} quotation(s) into {_safe_target(dst)}")


def _safe_target(target: str) -> str:
    from .store.postgres import _safe

    return _safe(target)


@app.command()
def serve(db: Db = None,
          port: Annotated[int, typer.Option(help="Port on 127.0.0.1.", min=1, max=65535)] = 8000,
          open_: Annotated[bool, typer.Option("--open", help="Open the explorer in a browser.")] = False,
          allow_host: Annotated[Optional[list[str]], typer.Option(
              "--allow-host", help="Also answer requests for this host name (behind a reverse proxy); repeatable.")] = None,
          ) -> None:
    """The web explorer on 127.0.0.1 (answering only requests addressed to it by name)."""
    import uvicorn

    from .web.app import allowed_hosts, create_app

    options = _options(db)
    try:
        sock = _listen("127.0.0.1", port)
    except OSError as exc:
        _fail(UsageError("E030", detail=f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}"
                                        " (is another server running? try --port)"), 1)
    url = f"http://127.0.0.1:{port}/"
    typer.echo(f"parley: explorer of {options.db} at {url} (Ctrl-C stops it)", err=True)
    if open_:
        import webbrowser

        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    app = create_app(options.db, hosts=allowed_hosts("127.0.0.1", allow_host or ()))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    server.run(sockets=[sock])


def _listen(host: str, port: int) -> socket.socket:
    """The server's socket, bound here so a busy port is one plain line rather than a traceback."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


def _open(db: str | None, options: Options | None = None):
    try:
        return _store(options or _options(db))
    except ParleyError as exc:
        _fail(exc)


def main() -> None:
    try:
        app()
    except ParleyError as exc:
        typer.echo(f"parley: {exc.line()}", err=True)
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)
