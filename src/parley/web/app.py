"""The web explorer: server-rendered pages and a JSON API over one store file.

Everything that came from an article is untrusted: templates autoescape, data for scripts travels
as JSON in <script type="application/json"> blocks or from the API, and a strict
Content-Security-Policy forbids inline script on every response.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import StoreError
from ..store import Store, open_store, store_exists

HERE = Path(__file__).resolve().parent
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")
log = logging.getLogger("parley.web")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self';"
       " connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# The vis-timeline bundle also injects its stylesheet as <style> elements; the same CSS is served as a
# file, so the injection is redundant, but a blocked one logs console errors. These are the hashes of
# exactly those texts (vis-timeline 8.5.4; the first is the empty element before its text is added).
VIS_STYLE_HASHES = """47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU= 4cgFR0//m8/eHo2G/esYsuZetUHlzCUWYM59sfgE9zY=
ATJNJCL6Wpn/tPBpNaKy3Ig13EdPxHee6ABd7iI5mws= JpD3E+Z6xKRloIXUfvynO2x74VKoQhS46cmzKyphJl4=
Pp9TeUBeLNGvSpG/WQNr6F3PYBi3hh26KmQ3FkCtS/s= QuPewnJYr+SnQiTnCNHFBw99ExTsz9f8w5320PimEPw=
U3cY7+F4GcTGxjocx4JSltmifCzwxxzq20dqKX4Tpyc= XBP/Oxjt3ECoRQDQ/Oy5mLhrX1dQxCIiptFACGjUcTs=
baaZQ3ax85WnC7GoHJg/b0c0Mc2RCKGK73AZ1RkuJn8= c5RgAgDBfjnEymw+IboUyFPkkpdh8YEBSEryb+t1dMk=
gGUn/VMBXCeWm86qX/pOf+4ZDSbe0JcaXXb4rJjw1mA= q+AlK1feXh8YLw+gxDqtezQZl8UqsWOM3W5c0pt//tg=
v0QGAkPIWT/V4bfkkxL6vDfyRDULSXZUBrHxAFR30lY= w0Te9S8PSkCwFxTBObrIR3XmcxltdxckbplgXIG85qk=
w6U1+htdQc1k4FTNbX5Rk8gOIBBM7jVgmCKvXCQklGE=""".split()
CSP_TIMELINE = CSP.replace("style-src 'self'", "style-src 'self' " + " ".join(f"'sha256-{h}'" for h in VIS_STYLE_HASHES))
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class Stores:
    """One Store per server thread (SQLite connections are not shared), reopened when the file appears
    and told to drop its actor cache when another process (an ingest) has written to the file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.local = threading.local()

    def get(self) -> Store | None:
        """The store, or None while there is none yet (pages then say how to ingest)."""
        store = getattr(self.local, "store", None)
        if store is None:
            if not store_exists(self.path):
                return None
            store = open_store(self.path, create=False)
            self.local.store = store
        store.refresh()  # an ingest in another process may have changed the actors
        return store


class SecurityHeaders:
    """Adds the CSP and friends to every HTTP response, static files and errors included.

    It also answers a request whose handler raised: with a plain 500 that carries the headers too
    (Starlette's own error response comes from outside every middleware, so it would not)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        try:
            return await self.app(scope, receive, send_with_headers)
        except Exception:  # noqa: BLE001 - logged, and answered below
            log.exception("error on %s", scope.get("path"))
            if started:
                return None  # the response is under way; nothing better can be sent
            await _plain(send_with_headers, 500, b"Internal Server Error")


class HostCheck:
    """Answers only requests addressed to this server by name: the bound address, the loopback names
    and the `--allow-host` names. Another Host header is how a DNS-rebinding page in the user's
    browser would reach the data; it gets a 400 (with the security headers)."""

    def __init__(self, app, hosts: Iterable[str]) -> None:
        self.app = app
        self.hosts = {h.lower().strip("[]") for h in hosts}

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket") or "*" in self.hosts:
            return await self.app(scope, receive, send)
        host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
        if host_name(host) in self.hosts:
            return await self.app(scope, receive, send)
        if scope["type"] == "http":
            return await _plain(send, 400, b"Bad Request: unknown Host header")


def host_name(header: str) -> str:
    """The name in a Host header, lower case, without its port: 'LocalHost:8000' -> 'localhost',
    '[::1]:8000' -> '::1'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def allowed_hosts(bound: str, extra: Iterable[str] = ()) -> list[str]:
    """What HostCheck accepts for a server bound to `bound`, plus the names a reverse proxy uses."""
    return [bound, *LOOPBACK_NAMES, *extra]


async def _plain(send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def templates_env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["short"] = lambda value, n=10: (value or "")[:n]
    return env


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ())[1:]) or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts)


def create_app(db_path: str, hosts: Iterable[str] | None = None) -> FastAPI:
    """The explorer over the store at `db_path` (which may not exist yet). With `hosts` (see
    allowed_hosts), requests whose Host header names another server are refused."""
    from . import api, geomap, graph, pages

    graph._stage()  # import the stories stage now (~1 s), not on the first timeline request

    app = FastAPI(
        title="parley explorer API",
        version="1",
        description="Read-only JSON over a parley store: the records of the CLI (`--json`), with filters and paging.",
        docs_url=None,  # the default Swagger UI loads from a CDN; /openapi.json documents the API
        redoc_url=None,
    )
    app.state.stores = Stores(str(db_path))
    app.state.templates = templates_env()
    app.state.db_path = str(db_path)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(geomap.router)
    app.include_router(pages.router)
    if hosts is not None:
        app.add_middleware(HostCheck, hosts=list(hosts))
    app.add_middleware(SecurityHeaders)  # added last: outermost, so a refused Host gets the headers too

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        if _wants_json(request):
            return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))
        return pages.error_page(request, exc.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def bad_input(request: Request, exc: RequestValidationError):
        message = _validation_message(exc)
        if _wants_json(request):
            return JSONResponse({"detail": message, "errors": _plain_errors(exc)}, status_code=422)
        return pages.error_page(request, 422, message)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        if _wants_json(request):
            return JSONResponse({"detail": exc.line()}, status_code=503)
        return pages.error_page(request, 503, exc.line())

    return app


def _plain_errors(exc: RequestValidationError) -> list[dict]:
    return [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()]


def html(request: Request, template: str, status_code: int = 200, csp: str | None = None,
         **context) -> HTMLResponse:
    """Render a page template with the context every page shares."""
    env: Environment = request.app.state.templates
    context.setdefault("nav", "")
    body = env.get_template(template).render(request=request, db_path=request.app.state.db_path, **context)
    return HTMLResponse(body, status_code=status_code, headers={"Content-Security-Policy": csp} if csp else None)
