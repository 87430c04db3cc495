"""The command line: thin Typer commands that parse options, call a plain function and print.

Data goes to stdout (a table for people, or --json lines / --csv); progress and problems to stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import output
from .api import check_date
from .errors import ParleyError, UsageError
from .options import Options, load_options
from .records import to_dict

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="parley: a sourced, structured record of diplomacy and conflict from news coverage.",
)

Db = Annotated[Optional[str], typer.Option("--db", help="Store file (else $PARLEY_DB, else ./parley.db).")]
Config = Annotated[Optional[str], typer.Option("--config", help="TOML options file (else $PARLEY_CONFIG, ./parley.toml).")]
Json = Annotated[bool, typer.Option("--json", help="One JSON object per line.")]
Csv = Annotated[bool, typer.Option("--csv", help="CSV with a header row.")]
Limit = Annotated[Optional[int], typer.Option("--limit", "-n", help="At most this many rows.")]
Since = Annotated[Optional[str], typer.Option("--since", help="From this date (YYYY[-MM[-DD]]).")]
Until = Annotated[Optional[str], typer.Option("--until", help="Up to this date (YYYY[-MM[-DD]]).")]
ActorOpt = Annotated[Optional[str], typer.Option("--actor", help="Name, alias or id of an actor.")]


def _options(db: str | None, config: str | None = None, **overrides) -> Options:
    return load_options(config, db=db, **overrides)


def _store(options: Options, create: bool = False):
    from .store import Store

    return Store(options.db, create=create)


def _fail(error: ParleyError, code: int = 2) -> None:
    typer.echo(f"parley: {error.line()}", err=True)
    raise typer.Exit(code)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (recursively); '-' reads stdin.")],
    db: Db = None,
    config: Config = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", help="Worker processes.")] = None,
    dask: Annotated[Optional[str], typer.Option("--dask", help="Dask scheduler address, or 'local'.")] = None,
    shards: Annotated[Optional[str], typer.Option("--shards", help="Where Dask workers write Parquet shards (folder or URL).")] = None,
    no_nlp: Annotated[bool, typer.Option("--no-nlp", help="Store clean articles only; skip actors, quotes, events.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")] = False,
) -> None:
    """Read articles (.txt, .html, .jsonl, .warc[.gz], any also .gz) into the store."""
    from .api import ingest as run_ingest

    options = _options(db, config, workers=workers, dask=dask, shards=shards, nlp=False if no_nlp else None)
    try:
        store = _store(options, create=True)
    except ParleyError as exc:
        _fail(exc)
    show_progress = not quiet and sys.stderr.isatty()
    with store, output.progress(show_progress) as tick:
        report = run_ingest(
            paths, options, store,
            on_error=lambda e: typer.echo(f"parley: {e.line()}", err=True),
            on_article=lambda r: tick(r.article.headline or r.article.source),
            on_warning=lambda line: typer.echo(f"parley: warning: {line}", err=True),
        )
    if not quiet:
        typer.echo(
            f"parley: {report.stored} new article(s), {report.known} already stored, "
            f"{len(report.errors)} problem(s); store {options.db}",
            err=True,
        )
    if report.errors:
        raise typer.Exit(1)


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
           kind: Annotated[Optional[str], typer.Option(help="person, organization, country or group.")] = None) -> None:
    """Actors: people, organisations, countries and groups, merged across articles."""
    with _open(db) as store:
        output.emit(store.actors(name=name, kind=kind, limit=limit), output.fmt(json_, csv_), output.ACTOR_COLUMNS)


@app.command()
def actor(name: Annotated[str, typer.Argument(help="Name, alias or id.")], db: Db = None, json_: Json = False) -> None:
    """One actor's profile: aliases, roles over time, articles, quotes and events."""
    with _open(db) as store:
        found = store.actor(name)
        if found is None:
            _fail(UsageError("E032", what="actor", value=name), 1)
        arts = list(store.articles(actor=found.id))
        quotes = list(store.quotes(speaker=found.id))
        events = list(store.events(actor=found.id))
        if json_:
            profile = to_dict(found) | {
                "articles": [a.id for a in arts], "quotes": len(quotes), "events": len(events)}
            typer.echo(json.dumps(profile, ensure_ascii=False))
        else:
            output.show_actor(found, arts, quotes, events)


@app.command()
def quotes(db: Db = None, json_: Json = False, csv_: Csv = False, limit: Limit = None,
           speaker: Annotated[Optional[str], typer.Option(help="Speaker name, alias or id.")] = None,
           kind: Annotated[Optional[str], typer.Option(help="direct, partial or indirect.")] = None,
           search: Annotated[Optional[str], typer.Option("--search", "-s", help="Words in the quote.")] = None) -> None:
    """Quotations with the person who said them."""
    with _open(db) as store:
        rows = store.quotes(speaker=speaker, kind=kind, search=search, limit=limit)
        output.emit(rows, output.fmt(json_, csv_), output.QUOTE_COLUMNS)


@app.command()
def events(db: Db = None, json_: Json = False, csv_: Csv = False, limit: Limit = None,
           actor: ActorOpt = None, since: Since = None, until: Until = None,
           status: Annotated[Optional[str], typer.Option(help="reported, planned, negated, hypothetical, historical.")] = None,
           type_: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. CONSULT.")] = None,
           per_article: Annotated[bool, typer.Option("--per-article", help="As coded in each article, unmerged.")] = False) -> None:
    """Events (PLOVER/CAMEO coded), merged across outlets, in date order."""
    with _open(db) as store:
        rows = store.events(actor=actor, since=check_date(since), until=check_date(until), status=status,
                            type=type_, merged=False if per_article else None, limit=limit)
        output.emit(rows, output.fmt(json_, csv_), output.EVENT_COLUMNS)


@app.command()
def timeline(db: Db = None, json_: Json = False, actor: ActorOpt = None,
             dyad: Annotated[Optional[tuple[str, str]], typer.Option(help="Two actors or country codes, e.g. --dyad USA PRK.")] = None,
             since: Since = None, until: Until = None,
             search: Annotated[Optional[str], typer.Option("--search", "-s", help="Words in the evidence.")] = None,
             status: Annotated[Optional[str], typer.Option(help="Only this status (default: what happened).")] = None,
             summary: Annotated[Optional[int], typer.Option(help="Pick the N most important dates.")] = None) -> None:
    """Dated events in order, in plain words, with their outlets."""
    from .stories.timeline import build_timeline

    with _open(db) as store:
        entries = build_timeline(store, actor=actor, dyad=dyad, since=check_date(since), until=check_date(until),
                                 search=search, status=status, summary=summary)
        output.show_timeline(entries, json_, with_sentences=summary is not None)
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
def export(format: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl, parquet, gdelt or plover.")],
           out: Annotated[str, typer.Option("--out", "-o", help="Folder to write into.")],
           db: Db = None) -> None:
    """Write the store's records in a file format."""
    from .export import export_store

    with _open(db) as store:
        try:
            written = export_store(store, format, Path(out))
        except ParleyError as exc:
            _fail(exc)
    for path in written:
        typer.echo(str(path))


@app.command()
def serve(db: Db = None, port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8000,
          allow_host: Annotated[Optional[list[str]], typer.Option(
              "--allow-host", help="Also answer requests for this host name (behind a reverse proxy); repeatable.")] = None,
          ) -> None:
    """The web explorer on 127.0.0.1 (answering only requests addressed to it by name)."""
    import uvicorn

    from .web.app import allowed_hosts, create_app

    options = _options(db)
    app = create_app(options.db, hosts=allowed_hosts("127.0.0.1", allow_host or ()))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def _open(db: str | None):
    try:
        return _store(_options(db))
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
