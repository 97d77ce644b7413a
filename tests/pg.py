"""A throwaway PostgreSQL server for tests.

``pg_cluster`` (session scope) runs ``initdb`` into a fresh temporary folder, starts the server
on a free port on 127.0.0.1 and stops it (and deletes the folder) at the end. When the tests
run as root the server runs as the ``postgres`` OS user, which PostgreSQL requires.
``pg_url`` (function scope) creates an empty database per test and yields its SQLAlchemy URL
(``postgresql+psycopg://...``); the database is dropped afterwards.

Set ``JTBD_TEST_POSTGRES_URL`` (an admin URL such as ``postgresql+psycopg://postgres:pw@host/postgres``)
to use an existing server instead, e.g. a CI service container.

Tests are skipped, with the reason, when psycopg or the PostgreSQL binaries are missing;
``scripts/ci_postgres.sh VENV`` installs both.

Use from a test module::

    from pg import pg_cluster, pg_url  # noqa: F401  (pytest fixtures)
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SUPERUSER = "jtbd"
_INSTALL_HINT = "install it with `scripts/ci_postgres.sh .venv` (apt-get install postgresql)"


@dataclass(frozen=True)
class PgCluster:
    """A running server we may create databases on. ``admin_url`` is a SQLAlchemy URL."""

    admin_url: str

    def url_for(self, database: str) -> str:
        base, _, _ = self.admin_url.rpartition("/")
        return f"{base}/{database}"

    def _admin(self) -> object:
        import psycopg

        return psycopg.connect(_libpq(self.admin_url), autocommit=True, connect_timeout=10)

    def create_database(self, name: str) -> str:
        """Create an empty UTF-8 database and return its SQLAlchemy URL."""
        with self._admin() as conn:  # type: ignore[attr-defined]
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        with self._admin() as conn:  # type: ignore[attr-defined]
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _libpq(sqlalchemy_url: str) -> str:
    """psycopg takes libpq URLs; SQLAlchemy's carry a ``+driver`` suffix."""
    scheme, sep, rest = sqlalchemy_url.partition("://")
    return f"{scheme.split('+')[0]}{sep}{rest}"


def find_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl: Debian's /usr/lib/postgresql/N/bin (newest N),
    else wherever ``pg_ctl`` is on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: [int(x) if x.isdigit() else 0 for x in Path(p).parts[-3].split(".")])
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent
    return None


def _locale() -> str:
    """C.UTF-8 when the OS has it (like typical servers, lower()/ILIKE know non-ASCII), else C."""
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True, timeout=10, check=False).stdout
    except OSError:
        return "C"
    names = {n.strip().lower().replace("-", "") for n in out.splitlines()}
    return "C.UTF-8" if "c.utf8" in names else "C"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user() -> tuple[list[str], str | None]:
    """Command prefix to run server programs, and the OS user to own the data folder."""
    if os.geteuid() != 0:
        return [], None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("running as root but there is no `postgres` OS user to run the server as; " + _INSTALL_HINT)
    if shutil.which("runuser"):
        return ["runuser", "-u", "postgres", "--"], "postgres"
    return ["sudo", "-u", "postgres", "--"], "postgres"


def _run(cmd: list[str], what: str, log: Path | None = None) -> None:
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    if res.returncode != 0:
        tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
        raise RuntimeError(f"{what} failed (exit {res.returncode}): {' '.join(cmd)}\n"
                           f"{res.stdout[-2000:]}{res.stderr[-2000:]}{tail}")


def start_cluster(bindir: Path, root: Path) -> tuple[PgCluster, list[str]]:
    """initdb + start in ``root``; returns the cluster and the command that stops it."""
    prefix, owner = _as_server_user()
    if owner:
        shutil.chown(root, user=owner, group=owner)
    data, log = root / "data", root / "server.log"
    _run(prefix + [str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                   f"--locale={_locale()}", "--no-sync", "--no-instructions"], "initdb")
    last_error: Exception | None = None
    for _ in range(3):  # another process may grab the port between probe and start
        port = _free_port()
        opts = (f"-p {port} -c listen_addresses=127.0.0.1 -k {root} -c fsync=off "
                "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50")
        try:
            _run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", opts, "-w", "-t", "30",
                           "start"], "pg_ctl start", log)
        except RuntimeError as exc:
            last_error = exc
            continue
        stop = prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
        return PgCluster(f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{port}/postgres"), stop
    raise RuntimeError(f"could not start PostgreSQL in {root}: {last_error}")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A PostgreSQL server for this test session (see the module docstring)."""
    pytest.importorskip("psycopg", reason="psycopg is not installed; pip install 'jtbd[postgres]'")
    external = os.environ.get("JTBD_TEST_POSTGRES_URL")
    if external:
        yield PgCluster(external)
        return
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found; " + _INSTALL_HINT)
    root = Path(tempfile.mkdtemp(prefix="jtbd-pg-"))  # not under pytest's 0700 tmp: the server user must enter it
    stop: list[str] | None = None
    try:
        cluster, stop = start_cluster(bindir, root)
        yield cluster
    finally:
        if stop:
            subprocess.run(stop, capture_output=True, timeout=60, check=False)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture()
def pg_url(pg_cluster: PgCluster) -> Iterator[str]:
    """A fresh, empty database on the session's server; dropped after the test."""
    name = f"jtbd_test_{uuid.uuid4().hex[:12]}"
    url = pg_cluster.create_database(name)
    try:
        yield url
    finally:
        pg_cluster.drop_database(name)
