"""Build the kits of a batch in a process pool; one failing or crashing kit never stops the others.

Each worker process builds one kit at a time with one PDF thread, so a pool sized to the cores keeps
every core busy without oversubscribing it. At most one kit per worker is in flight: when a worker
process dies (killed, out of memory, a crash in a native library), the pool is broken and only the
kits that were running are in doubt. Each of them is built again alone, in a fresh process; the one
that crashes again is reported as crashed, the others are built, and the batch goes on.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import shutil
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from replicate.batch.entries import Entry
from replicate.batch.inputs import Inputs, inputs_of, unchanged, write_record
from replicate.errors import ReplicateError

BUILT, UNCHANGED, FAILED, CRASHED = "gebaut", "unverändert", "fehlgeschlagen", "abgestürzt"
"""Status of a kit in the summary (German, since the summary is read by people)."""


@dataclass
class Outcome:
    """What happened to one kit."""

    folder: str
    municipality: str
    status: str
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    """Peak resident memory of the worker process that built it (0 when not built)."""
    cpu_seconds: float = 0.0
    """CPU time of the build in its worker process (all its threads)."""


@dataclass(frozen=True)
class Task:
    entry: Entry
    dest: Path


Progress = Callable[[Outcome, int, int], None]
"""Called as ``progress(outcome, done, total)`` after each kit."""


def select_shard(entries: list[Entry], shard: tuple[int, int] | None) -> list[Entry]:
    """Slice ``index/count`` (1-based) of the entries, sorted by folder: every ``count``-th entry."""
    if shard is None:
        return entries
    index, count = shard
    return [entry for number, entry in enumerate(entries) if number % count == index - 1]


def build_all(
    entries: list[Entry],
    out: Path,
    *,
    resume: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
    worker: Callable[[Task], Outcome] | None = None,
) -> list[Outcome]:
    """Build the kit of every entry into ``out/<folder>``; return one outcome per entry, by folder.

    ``worker`` builds one kit in a worker process (:func:`build_one`; tests pass one that crashes)."""
    out.mkdir(parents=True, exist_ok=True)
    outcomes: dict[str, Outcome] = {}
    inputs: dict[str, Inputs] = {entry.folder: inputs_of(entry.settings) for entry in entries}
    todo: list[Task] = []
    total = len(entries)

    def finish(outcome: Outcome) -> None:
        outcomes[outcome.folder] = outcome
        if progress:
            progress(outcome, len(outcomes), total)

    for entry in entries:
        if resume and unchanged(out, entry.folder, inputs[entry.folder]):
            finish(Outcome(entry.folder, entry.settings.municipality.name, UNCHANGED))
        else:
            todo.append(Task(entry, out / entry.folder))

    def done(task: Task, outcome: Outcome) -> None:
        if outcome.status == BUILT:
            write_record(out, task.entry.folder, inputs[task.entry.folder], task.entry.settings)
        else:
            _remove_staging(task.dest)
        finish(outcome)

    count = max(1, min(workers or os.cpu_count() or 1, len(todo) or 1))
    _run_pool(todo, count, done, worker or build_one)
    return [outcomes[entry.folder] for entry in entries]


def _run_pool(
    tasks: list[Task], workers: int, done: Callable[[Task, Outcome], None], worker: Callable[[Task], Outcome]
) -> None:
    pending = deque(tasks)
    while pending:
        suspects: list[Task] = []
        with _pool(workers) as pool:
            running: dict[Future[Outcome], Task] = {}
            while pending or running:
                while pending and len(running) < workers:
                    task = pending.popleft()
                    running[pool.submit(worker, task)] = task
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                broken = False
                for future in finished:
                    task = running.pop(future)
                    try:
                        done(task, future.result())
                    except BrokenProcessPool:
                        suspects.append(task)
                        broken = True
                if broken:
                    suspects += running.values()
                    break
        for task in suspects:
            done(task, _run_alone(task, worker))


def _run_alone(task: Task, worker: Callable[[Task], Outcome]) -> Outcome:
    """Build one kit in a fresh process of its own; a second crash marks the kit as crashed."""
    started = time.perf_counter()
    with _pool(1) as pool:
        try:
            return pool.submit(worker, task).result()
        except BrokenProcessPool:
            return Outcome(
                task.entry.folder,
                task.entry.settings.municipality.name,
                CRASHED,
                [
                    "Der Prozess, der dieses Kit baute, wurde zweimal unerwartet beendet (z. B. zu wenig "
                    "Arbeitsspeicher). Das vorhandene Kit ist unverändert. Bauen Sie es einzeln mit "
                    "replicate new, um die Ursache zu sehen."
                ],
                time.perf_counter() - started,
            )


def _pool(workers: int) -> ProcessPoolExecutor:
    # forkserver: workers start from a clean process with replicate already imported (no threads of
    # the parent, such as the progress display, are copied into them).
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["replicate.kit", "replicate.render"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker)


def _init_worker() -> None:
    from replicate.kit import documents

    documents.PDF_THREADS = 1


def build_one(task: Task) -> Outcome:
    """Build one kit (runs in a worker process). User errors become the outcome's problems."""
    from replicate.kit import new_kit

    entry = task.entry
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        new_kit(entry.settings, task.dest, force=True)
        status, problems = BUILT, []
    except ReplicateError as exc:
        status, problems = FAILED, str(exc).splitlines()
    except Exception as exc:  # a defect in replicate: keep the batch going, name it plainly
        status, problems = FAILED, [f"Interner Fehler in replicate ({type(exc).__name__}: {exc})"]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return Outcome(
        entry.folder,
        entry.settings.municipality.name,
        status,
        problems,
        time.perf_counter() - started,
        round(peak, 1),
        time.process_time() - cpu_started,
    )


def _remove_staging(dest: Path) -> None:
    """A killed worker cannot clean up its staging folder (``.<folder>.replicate-*``); do it for it."""
    for leftover in dest.parent.glob(f".{dest.name}.replicate-*"):
        if not leftover.name.endswith("-old"):  # the previous kit during a move: never delete it here
            shutil.rmtree(leftover, ignore_errors=True)
