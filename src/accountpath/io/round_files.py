"""Reading a hiring round from disk: the scorecard files of a folder (or round workbooks),
read in parallel when the round is large. Library code: no printing; the panels are then
grouped, evaluated and ranked by `rounds`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from accountpath.io import cards as cards_mod
from accountpath.method import rounds
from accountpath.method.evaluate import Scorecard
from accountpath.model.types import Model
from accountpath.problems import Problem

PARALLEL_FROM = 400
"""Rounds this large are read by one process per core: parsing dominates and is CPU-bound (why the
pool stays: a round of 10,000 files reads in about half the time on two cores, make bench)."""

WORKER_MEMORY = 2 * 1024 * 1024 * 1024
"""Address space of a round's worker process (bytes)."""
FILE_SECONDS = 60
"""Time one file may take when it is read again alone after its worker died."""

ReadResult = tuple[list[Scorecard], list[Problem]]


class _Worker:
    """The model the forked workers inherit (never pickled)."""

    model: Model | None = None


def round_files(source: str | Path) -> tuple[list[Path], list[Problem]]:
    """The scorecard files of a round (a folder, or one round workbook), or a problem saying why there are none."""
    root = Path(source)
    if root.is_file() and root.suffix.lower() == ".xlsx":
        return [root], []
    if not root.is_dir():
        return [], [Problem.at(str(root), 0, 0, "round.not-folder")]
    files: list[Path] = []
    others: list[Path] = []
    for p in cards_mod.card_entries(root):
        (files if p.is_file() else others).append(p)
    skipped = _not_files(others)
    if not files and not skipped:
        return [], [Problem.at(str(root), 0, 0, "round.no-cards")]
    return files, skipped


def _not_files(entries: Sequence[Path]) -> list[Problem]:
    """Entries named like cards that are no regular file (a dangling link, a pipe, a device):
    said, never skipped silently."""
    out = []
    for p in entries:
        if p.is_symlink() and not p.exists():
            out.append(Problem.at(str(p), 0, 0, "round.dangling-link"))
        elif not p.is_file() and not p.is_dir():
            out.append(Problem.at(str(p), 0, 0, "round.not-a-file"))
    return out


def _read_guarded(path: Path) -> ReadResult:
    """Read one file in a worker; an exception (MemoryError under the worker's limit included)
    becomes a problem of the file instead of killing the round."""
    assert _Worker.model is not None
    try:
        return cards_mod.read_cards(path, _Worker.model)
    except (MemoryError, RecursionError, Exception) as exc:  # noqa: BLE001 - a worker must answer
        return [], [Problem.at(str(path), 0, 0, "round.read-failed", kind=type(exc).__name__)]


def _read_chunk(paths: list[Path]) -> list[ReadResult]:
    return [_read_guarded(p) for p in paths]


def _limit_worker() -> None:
    """A worker's address space is capped (WORKER_MEMORY): a runaway file fails alone."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY, WORKER_MEMORY))
    except (ImportError, ValueError, OSError):
        pass


def _isolated_child(path: Path, conn: Any) -> None:
    _limit_worker()
    conn.send(_read_guarded(path))
    conn.close()


def _read_isolated(path: Path) -> ReadResult:
    """One file in its own forked process with a time limit: a crash or a hang is its problem."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_isolated_child, args=(path, send), daemon=True)
    proc.start()
    send.close()
    result: ReadResult | None = None
    try:
        if receive.poll(FILE_SECONDS):
            result = receive.recv()
    except (EOFError, OSError):
        result = None
    finally:
        receive.close()
        proc.join(1)
        if proc.is_alive():
            proc.kill()
            proc.join()
    if result is None:
        return [], [Problem.at(str(path), 0, 0, "round.worker-died", exitcode=proc.exitcode)]
    return result


def _read_parallel(files: Sequence[Path], workers: int) -> list[ReadResult]:
    """Chunks of files in a process pool; a chunk whose worker died (OOM, killed) is read again
    one file per process, so the round always ends and the culprit becomes a problem."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    size = max(50, len(files) // (workers * 8))
    chunks = [list(files[i : i + size]) for i in range(0, len(files), size)]
    read: list[list[ReadResult] | None] = [None] * len(chunks)
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("fork"), initializer=_limit_worker
        ) as pool:
            futures = [pool.submit(_read_chunk, chunk) for chunk in chunks]
            for k, future in enumerate(futures):
                try:
                    read[k] = future.result()
                except BrokenProcessPool:
                    read[k] = None
    except BrokenProcessPool:
        pass
    out: list[ReadResult] = []
    for k, chunk in enumerate(chunks):
        got = read[k]
        out += got if got is not None else [_read_isolated(p) for p in chunk]
    return out


def read_files(model: Model, files: Sequence[Path]) -> tuple[list[Scorecard], list[Problem]]:
    """Every card of every file, in file order, and every problem; large rounds use every core,
    and a worker that dies or runs out of its limits becomes a problem of its file."""
    import multiprocessing  # about 6 ms of start-up that only a large round needs

    cpus = os.cpu_count() or 1
    if len(files) < PARALLEL_FROM or cpus < 2 or "fork" not in multiprocessing.get_all_start_methods():
        read = [cards_mod.read_cards(f, model) for f in files]
    else:
        _Worker.model = model
        try:
            read = _read_parallel(files, min(cpus, 8))
        finally:
            _Worker.model = None
    cards: list[Scorecard] = []
    problems: list[Problem] = []
    for found_cards, found in read:
        cards += found_cards
        problems += found
    return cards, problems


def read_panel(model: Model, files: Sequence[str | Path]) -> tuple[list[Scorecard], list[Problem]]:
    """One candidate's panel from its scorecard files: the cards, or every problem found
    (bad files first; then mixed candidates, roles or levels, or an interviewer twice)."""
    panel: list[Scorecard] = []
    problems: list[Problem] = []
    for f in files:
        card, found = cards_mod.read_card(f, model)
        problems += found
        if card is not None:
            panel.append(card)
    if not problems:
        problems = rounds.panel_problems(panel)
    return panel, problems
