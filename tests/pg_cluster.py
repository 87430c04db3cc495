"""A throw-away PostgreSQL cluster for the tests and the bench: Debian's server binaries, a temp
dir, a unix socket only (no TCP port), fsync off. PostgreSQL refuses to run as root, so as root the
cluster belongs to the `postgres` user (runuser). `start()` returns None, with the reason in
`why_not`, when the binaries are absent (the tests then skip, saying so); binaries that are there
but give no cluster raise ClusterError (the tests then error: CI installs them, and a silent skip
would hide a broken backend)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path
from urllib.parse import quote

why_not = ""


def _bindir() -> Path | None:
    if os.environ.get("PARLEY_PG_BIN"):
        return Path(os.environ["PARLEY_PG_BIN"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class ClusterError(RuntimeError):
    pass


class Cluster:
    def __init__(self, bindir: Path, root: Path, as_postgres: bool) -> None:
        self.bindir, self.root, self.as_postgres = bindir, root, as_postgres
        self.data = root / "data"
        self.user = "postgres"

    def _run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", self.user, "-E", "UTF8",
                  "--locale=C.UTF-8")
        settings = (f"-c listen_addresses='' -c unix_socket_directories='{self.root}' -c fsync=off"
                    " -c full_page_writes=off -c synchronous_commit=off -c max_connections=60")
        self._run("pg_ctl", "-D", str(self.data), "-o", settings, "-l", str(self.root / "log"), "-w", "start")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres", schema: str | None = None) -> str:
        url = f"postgresql://{self.user}@/{database}?host={quote(str(self.root))}"
        if schema:
            url += "&options=" + quote(f"-csearch_path={schema}")
        return url

    def new_schema(self) -> str:
        """A URL whose store lives in a schema of its own: a fresh, empty store in a few ms."""
        import psycopg

        name = "s_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        return self.url(schema=name)

    def new_database(self) -> str:
        import psycopg

        name = "d_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)


def start() -> Cluster | None:
    global why_not
    bindir = _bindir()
    if bindir is None or not (bindir / "pg_ctl").exists():
        why_not = "PostgreSQL server binaries not found (Debian's postgresql package; or set PARLEY_PG_BIN)"
        return None
    as_postgres = os.geteuid() == 0
    if as_postgres and not shutil.which("runuser"):
        raise ClusterError("running as root without runuser: PostgreSQL will not start as root")
    root = Path(tempfile.mkdtemp(prefix="parley-pg-"))
    if as_postgres:
        shutil.chown(root, "postgres", "postgres")
    cluster = Cluster(bindir, root, as_postgres)
    try:
        cluster.start()
    except (subprocess.SubprocessError, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(root, ignore_errors=True)
        raise ClusterError(f"could not start a PostgreSQL cluster: {exc} {detail.decode(errors='replace')[-300:]}") from exc
    return cluster
