"""Pytest plugin: a real, throwaway PostgreSQL server for the test session (fixture `pg_url`).

Starts Debian's postgresql binaries (initdb + pg_ctl) in a temporary directory on a free
loopback port and stops it at session end; skips cleanly when the binaries are missing.
Set EVENTWIRE_TEST_PG_URL to use an existing server instead. Load it with
`pytest_plugins = ["pg_server"]` in tests/conftest.py.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
PG_USER = "postgres"  # initdb refuses to run as root, so the server runs as this OS user


def _bin_dir() -> Path | None:
    override = os.environ.get("EVENTWIRE_PG_BIN")
    candidates = [override] if override else sorted(glob.glob(PG_BIN_GLOB), reverse=True)
    for cand in candidates:
        if cand and (Path(cand) / "initdb").is_file() and (Path(cand) / "pg_ctl").is_file():
            return Path(cand)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", PG_USER, "--", *cmd]


def _run(cmd: list[str]) -> None:
    proc = subprocess.run(_as_server_user(cmd), capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")


def _start_server(bindir: Path) -> Iterator[str]:
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("running as root without runuser: cannot start PostgreSQL as a non-root user")
    if os.geteuid() == 0:
        try:
            import pwd

            pw = pwd.getpwnam(PG_USER)
        except KeyError:
            pytest.skip(f"running as root and OS user {PG_USER!r} is missing (apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
    data, sockets, log = root / "data", root / "sock", root / "server.log"
    sockets.mkdir()
    if os.geteuid() == 0:
        os.chown(root, pw.pw_uid, pw.pw_gid)
        os.chown(sockets, pw.pw_uid, pw.pw_gid)
    port = _free_port()
    started = False
    try:
        _run(
            [
                str(bindir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ]
        )
        options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
        pg_ctl = str(bindir / "pg_ctl")
        _run([pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start"])
        started = True
        createdb = str(bindir / "createdb")
        _run([createdb, "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "eventwire_test"])
        yield f"postgresql://postgres@127.0.0.1:{port}/eventwire_test"
    finally:
        if started:
            subprocess.run(
                _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """URL of an empty PostgreSQL database on a server started for this test session."""
    external = os.environ.get("EVENTWIRE_TEST_PG_URL")
    if external:
        yield external
        return
    bindir = _bin_dir()
    if bindir is None:
        pytest.skip(
            "PostgreSQL server binaries not found (initdb, pg_ctl under /usr/lib/postgresql/*/bin); "
            "install Debian's `postgresql` package or set EVENTWIRE_TEST_PG_URL"
        )
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed: pip install 'eventwire[postgres]'")
    yield from _start_server(bindir)


@pytest.fixture()
def fresh_pg_url(pg_url: str) -> Iterator[str]:
    """URL of a new, empty database on the session's server, dropped after the test."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # name is generated here, never user input
    base, _, _ = pg_url.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
