"""A throwaway PostgreSQL server for the store tests: Debian's binaries, a unix socket, no TCP.

``start`` makes a cluster in a temporary folder (as the ``postgres`` user
when run as root, since PostgreSQL refuses to run as root), starts it with
its socket in that folder and returns a ``Server``; ``database`` makes a
fresh database on it for one test. ``find_binaries`` says why there is no
server when the binaries are missing, which is the only reason a test may
skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Server", "find_binaries", "start"]

_ROOTS = ("/usr/lib/postgresql",)


def find_binaries() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl`` (newest version first), or None."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    for root in _ROOTS:
        versions = sorted(Path(root).glob("*/bin/initdb"), reverse=True) if Path(
            root).is_dir() else []
        if versions:
            return versions[0].parent
    return None


@dataclass
class Server:
    """A running throwaway server; ``stop`` removes it."""

    binaries: Path
    folder: Path
    as_user: list[str]

    @property
    def socket(self) -> Path:
        return self.folder / "socket"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket}&port=5432"

    def database(self) -> str:
        """A fresh, empty database's URL."""
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(host=str(self.socket), port=5432, user="postgres",
                             dbname="postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run([*self.as_user, str(self.binaries / "pg_ctl"), "-D",
                        str(self.folder / "data"), "-m", "immediate", "stop"],
                       capture_output=True, check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def start(binaries: Path) -> Server:
    """Make and start a cluster; raises ``RuntimeError`` with the server's words if it fails."""
    folder = Path(tempfile.mkdtemp(prefix="parallax-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        import pwd

        account = pwd.getpwnam("postgres")
        os.chown(folder, account.pw_uid, account.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    server = Server(binaries, folder, as_user)
    steps = [
        [*as_user, str(binaries / "initdb"), "-D", str(folder / "data"), "-U", "postgres",
         "-A", "trust", "--no-sync", "-E", "UTF8"],
        [*as_user, "mkdir", "-p", str(server.socket)],
        [*as_user, str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-w", "-l",
         str(folder / "log"), "-o",
         f"-k {server.socket} -p 5432 -c listen_addresses='' -c fsync=off", "start"],
    ]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = (folder / "log").read_text() if (folder / "log").exists() else ""
            server.stop()
            raise RuntimeError(f"{step[len(as_user)]} failed: {done.stderr or done.stdout}{log}")
    return server
