"""Process and file helpers shared by the engine and the faces (no business logic).

- :func:`fork_pool`: a one-worker process pool forked from this process, for splitting a long
  computation in two on a second core (the bid Monte Carlo, the report's risk pages);
- :func:`run_in_two`: run two halves of a computation, the second in such a worker;
- :func:`atomic_write`: write a file through a temporary file in the same folder, renamed into
  place, so a failure never leaves half a file (reports, bids templates).

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as d:
...     p = atomic_write(Path(d) / "a" / "x.txt", lambda t: t.write_text("ok"))
...     p.read_text()
'ok'
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

R = TypeVar("R")

__all__ = ["atomic_write", "fork_pool", "run_in_two"]


def fork_pool() -> Any:
    """Return a one-worker process pool forked from this process (no re-imports), or ``None``.

    ``None`` where forking is unsafe or useless: one core, no ``fork`` start method, other
    threads running (a Jupyter kernel, a server: a lock held by another thread would be copied
    into the child and could hang it), or this process is itself such a worker (no nested
    forks: the two cores are already busy). Callers then run serially; the results are the same.

    Returns
    -------
    concurrent.futures.ProcessPoolExecutor or None
        The caller shuts it down.
    """
    if _WORKER or (os.cpu_count() or 1) < 2 \
            or "fork" not in multiprocessing.get_all_start_methods() \
            or threading.active_count() > 1:
        return None
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                               initializer=_mark_worker)


_WORKER = False  # True in a process forked by fork_pool


def _mark_worker() -> None:
    global _WORKER
    _WORKER = True


def run_in_two(pool: Any, first: Callable[[], R], second: Callable[[], R]) -> tuple[R, R]:
    """Run ``second`` in ``pool``'s forked worker while this process runs ``first``.

    The worker inherits ``second`` (a closure over this process's memory) by the fork, so
    nothing but its result is pickled. Without a pool (``None``: see :func:`fork_pool`), or if
    the worker fails (e.g. killed for memory), ``second`` runs here. The pool is shut down.

    Parameters
    ----------
    pool : ProcessPoolExecutor or None
        A fresh :func:`fork_pool` (its worker forks at the first submission, after ``second``
        is in place).
    first, second : callable() -> R

    Returns
    -------
    tuple
        ``(first(), second())``.

    Examples
    --------
    >>> run_in_two(fork_pool(), lambda: 1 + 1, lambda: 2 + 2)
    (2, 4)
    """
    global _SECOND
    if pool is None:
        return first(), second()
    _SECOND = second
    try:
        future = pool.submit(_run_second)
        mine = first()
        try:
            theirs = future.result()
        except Exception:  # pragma: no cover - a worker that died: its half runs here
            theirs = second()
    finally:
        pool.shutdown()
        _SECOND = None
    return mine, theirs


_SECOND: Callable[[], Any] | None = None  # the half a forked worker runs


def _run_second() -> Any:
    assert _SECOND is not None
    return _SECOND()


def atomic_write(path: Path, write: Callable[[Path], object]) -> Path:
    """Write ``path`` through ``write(tmp)`` on a temporary file, then rename it into place.

    Parent folders are created. On any error the temporary file is removed and ``path`` is left
    as it was. The file gets the usual permissions (``0666`` less the umask).

    Parameters
    ----------
    path : Path
        The file to write.
    write : callable(Path)
        Writes the content to the path it is given.

    Returns
    -------
    Path
        ``path``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the usual permissions
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
