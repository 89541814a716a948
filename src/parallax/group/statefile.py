"""The stories state file: read whole, replaced whole, one run at a time.

``parallax stories --state FILE`` reads the state, groups, and writes it back.
Two things can lose the grouping there, and this module guards both:

- A run killed while writing (SIGKILL, power loss) must leave the old state
  or the new one, never a cut file. ``write_state`` writes a temporary file
  in the same folder, flushes and fsyncs it, renames it over FILE
  (``os.replace`` is atomic on POSIX and Windows) and fsyncs the folder, so
  the rename itself survives a crash. A reader therefore always sees one
  whole state, and needs no lock (``parallax brief --state`` takes none).
- Two runs on one state must not both read the old state and each write
  theirs, the second erasing the first's articles. ``held`` takes an
  exclusive ``fcntl.flock`` on the sidecar ``FILE.lock`` for the whole
  read-group-write; a second run waits for it up to ``wait`` seconds, then
  fails with a ``StateError`` naming FILE. The lock goes with the process
  (a killed run leaves no stale lock); the lock file stays, as removing it
  would let a third run lock a new file while the second holds the old one.

The lock is POSIX-only (``fcntl``; it also holds on NFS, where Linux maps
``flock`` to byte-range locks). Where ``fcntl`` does not exist (Windows),
``held`` logs a warning and runs unlocked: the writes stay atomic, but two
runs at once can lose one's articles there.
"""

from __future__ import annotations

import logging
import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from parallax.errors import OutputError, StateError
from parallax.model import StoryState
from parallax.progress import Reporter

__all__ = ["DEFAULT_WAIT", "held", "lock_path", "read_state", "write_atomically",
           "write_state"]

_log = logging.getLogger(__name__)

# Seconds a run waits for another to release the state (``--wait``): a run of
# about 8,000 articles finishes in that time (1,000 took 73 s when grouping
# was benchmarked, commit ee6af2a), and a run stuck behind a longer one fails
# with a clear error instead of hanging a scheduled job for ever.
DEFAULT_WAIT = 600.0
# Seconds between two tries of a held lock: short next to any run.
_POLL = 0.1


def lock_path(path: str | Path) -> Path:
    """The sidecar lock file of the state at ``path`` (``FILE.lock``, beside the real file)."""
    target = Path(os.path.realpath(path))
    return target.with_name(target.name + ".lock")


def read_state(path: str | Path, *, missing_ok: bool = True) -> StoryState | None:
    """The state saved at ``path``; None when there is none yet (and ``missing_ok``).

    Anything unreadable, cut or of another shape is a ``StateError`` naming
    the file and what is wrong with it (``StoryState.from_dict``).
    """
    path = Path(path)
    if not path.exists():
        if missing_ok:
            return None
        raise StateError(f"{path}: no such stories state",
                         hint="make one with: parallax stories PATH... --state FILE")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StateError(f"{path}: cannot read the stories state ({exc.strerror or exc})"
                         ) from None
    if not data.strip():
        raise StateError(f"{path}: the stories state is empty (cut by a killed run of an "
                         "older parallax?)")
    try:
        return StoryState.from_json(data.decode("utf-8", "surrogatepass"))
    except UnicodeDecodeError as exc:
        raise StateError(f"{path}: not a readable stories state (not UTF-8: {exc.reason} "
                         f"at byte {exc.start})") from None
    except StateError as exc:
        raise StateError(f"{path}: not a readable stories state ({exc})") from None


def write_state(state: StoryState, path: str | Path) -> None:
    """Replace the state at ``path`` with ``state``, atomically (``write_atomically``)."""
    write_atomically(path, state.to_json())


def write_atomically(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to a temporary file beside ``path`` and rename it over ``path``.

    The file at ``path`` is the old one or the new one at every moment, and
    keeps its permissions; a symbolic link is followed (its target is
    replaced). Any failure is an ``OutputError`` and removes the temporary file.
    """
    target = Path(os.path.realpath(path))
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        _replace(temporary, target, text.encode("utf-8", "surrogatepass"))
    except BaseException as exc:
        with suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError):
            raise OutputError(str(path), f"cannot write ({exc.strerror or exc})") from None
        raise


def _replace(temporary: Path, target: Path, data: bytes) -> None:
    mode = os.stat(target).st_mode & 0o7777 if target.exists() else None
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(descriptor, "wb") as handle:
        if mode is not None:
            os.chmod(temporary, mode)
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, target)
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows cannot open a folder)."""
    if os.name == "nt":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def held(path: str | Path, *, wait: float = DEFAULT_WAIT, report: Reporter | None = None
         ) -> Iterator[None]:
    """Hold the state at ``path`` for this run: from reading it to writing it back.

    Waits up to ``wait`` seconds (0: not at all) while another run holds it,
    showing a "Waiting" stage on ``report``; then raises ``StateError``.
    Temporary files that killed runs left beside the state are removed once
    the lock is held (no other run can be writing one then).
    """
    try:
        import fcntl
    except ImportError:
        _log.warning("%s: not locked, this platform has no fcntl: do not run two parallax "
                     "stories on one state at once", path)
        yield
        return
    lock = lock_path(path)
    try:
        descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise OutputError(str(lock), f"cannot open the state's lock file "
                                     f"({exc.strerror or exc})") from None
    try:
        _acquire(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB, Path(path), wait, report)
        _remove_leftovers(Path(os.path.realpath(path)))
        yield
    finally:
        os.close(descriptor)  # closing it releases the lock


def _acquire(descriptor: int, operation: int, path: Path, wait: float,
             report: Reporter | None) -> None:
    import fcntl

    deadline = time.monotonic() + max(wait, 0.0)
    tick = None
    while True:
        try:
            fcntl.flock(descriptor, operation)
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise StateError(f"{path}: another parallax run holds it (waited {wait:g} s)",
                                 hint="let it finish, or wait longer with --wait SECONDS"
                                 ) from None
            if tick is None and report is not None:
                tick = report.stage("Waiting", 1)
            time.sleep(_POLL)
        except OSError as exc:
            raise StateError(f"{path}: cannot lock the stories state ({exc.strerror or exc})",
                             hint="put the state on a local disk") from None
        else:
            if tick is not None:
                tick()
            return


def _remove_leftovers(target: Path) -> None:
    prefix = f".{target.name}."
    with suppress(OSError):
        for entry in os.scandir(target.parent):
            if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                with suppress(OSError):
                    os.unlink(entry.path)
