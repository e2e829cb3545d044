"""Engines that run batches of input records through :func:`process_batch`.

Each engine takes an iterator of batches and yields their output batches in the same order,
keeping only a few batches in flight, so memory does not grow with the corpus. A worker that
dies (killed for memory, a crash in a C extension) costs only the page it was parsing: the
batches in flight are parsed again one page at a time, and the page that kills a worker again
gets an error record.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import warnings
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from presswire.corpus.inputs import InputOptions, InputRecord
from presswire.corpus.work import (
    OutputRecord,
    PartitionResult,
    WorkOptions,
    error_record,
    one_line,
    process_batch,
    process_partition,
    read_partition,
)
from presswire.errors import InputError

__all__ = ["WORKER_DIED", "run_dask", "run_local"]

WORKER_DIED = "worker process died while parsing this page (out of memory, or a crash)"
BATCHES_PER_WORKER = 3
"""Batches in flight per worker: enough to keep workers busy, few enough to bound memory."""

Batch = Sequence[InputRecord]


def _alive() -> bool:
    return True


def _main_reimportable() -> bool:
    """Whether a spawned worker can import the program's main module again: not when it was
    read from standard input (``python - < script``: its ``__file__`` names no file)."""
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__spec__", None) is not None:
        return True  # ``python -m module``: imported by name
    path = getattr(main, "__file__", None)
    return path is None or os.path.exists(path)  # no file: an interactive session, -c


def _start_worker() -> None:
    """A worker's setup: Ctrl-C is the parent's to handle (it stops the batch and keeps the
    partial output), and the worker ends when the parent does, even one killed outright."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: Any) -> None:
    parent.join()  # waits on the parent's sentinel: returns once the parent has ended
    os._exit(EXIT_ORPHANED)


EXIT_ORPHANED = 70
"""The exit status of a worker whose parent ended before it."""


def run_local(
    batches: Iterable[Batch],
    options: WorkOptions,
    workers: int,
    parser: Callable[..., Any] | None = None,
) -> Iterator[list[OutputRecord]]:
    """Output batches in input order: in this process for one worker, else a process pool."""
    if workers <= 1:
        for batch in batches:
            yield process_batch(batch, options, parser)
        return
    pool = _LocalPool(workers) if _main_reimportable() else None
    if pool is None or not pool.starts():
        if pool is not None:
            pool.executor.shutdown(wait=False, cancel_futures=True)
        warnings.warn(
            f"presswire: {workers} worker processes cannot start here (a script read from "
            "standard input, or one that calls batch() outside an `if __name__ == "
            "'__main__':` block); parsing in this process instead. Put the batch call under "
            "that guard, in a script file, to use the workers.",
            RuntimeWarning,
            stacklevel=3,  # the line that called batch()
        )
        for batch in batches:
            yield process_batch(batch, options, parser)
        return
    try:
        yield from _ordered(
            batches,
            submit=lambda batch: pool.executor.submit(process_batch, batch, options, parser),
            in_flight=workers * BATCHES_PER_WORKER,
            broken=(BrokenProcessPool,),
            recover=pool.restart,
        )
    finally:
        pool.executor.shutdown(wait=True, cancel_futures=True)


class _LocalPool:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        # spawn, not fork: a fresh interpreter per worker is safe beside threads (progress bar,
        # Dask) and behaves the same on every platform; plugins load from entry points.
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
        )

    def starts(self) -> bool:
        """Whether a worker can start and answer at all: spawn re-imports ``__main__``, which
        fails for a script read from stdin; then every page would look like a worker crash."""
        # one call per worker, so that all of them start at once rather than the second when
        # the first batches are already queued behind the first
        checks = [self.executor.submit(_alive) for _ in range(self.workers)]
        try:
            return all(check.result() for check in checks)
        except BrokenProcessPool:
            return False

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()


def _ordered(
    batches: Iterable[Batch],
    *,
    submit: Callable[[Batch], Future[list[OutputRecord]] | Any],
    in_flight: int,
    broken: tuple[type[BaseException], ...],
    recover: Callable[[], None],
) -> Iterator[list[OutputRecord]]:
    """Submit batches, at most ``in_flight`` at a time, and yield results in order. When a
    batch fails as a whole (its worker died), it and every batch in flight with it are parsed
    again one record at a time."""
    pending: deque[tuple[Batch, Any]] = deque()
    source = iter(batches)

    def fill() -> None:
        while len(pending) < in_flight:
            batch = next(source, None)
            if batch is None:
                return
            pending.append((batch, submit(batch)))

    fill()
    while pending:
        batch, future = pending.popleft()
        try:
            result = future.result()
        except broken:
            recover()
            suspects = [batch] + [queued for queued, _ in pending]
            pending.clear()
            for suspect in suspects:
                yield _one_by_one(suspect, submit, broken, recover)
        except Exception as exc:  # the batch failed as a whole for another reason
            yield _one_by_one(batch, submit, broken, recover, reason=one_line(exc))
        else:
            yield result
        fill()


def _one_by_one(
    batch: Batch,
    submit: Callable[[Batch], Any],
    broken: tuple[type[BaseException], ...],
    recover: Callable[[], None],
    reason: str | None = None,
) -> list[OutputRecord]:
    results: list[OutputRecord] = []
    for record in batch:
        try:
            results.extend(submit([record]).result())
        except broken:
            recover()
            results.append(error_record(record, WORKER_DIED))
        except Exception as exc:
            results.append(error_record(record, reason or one_line(exc)))
    return results


def run_dask(
    partitions: Iterable[Sequence[Path | InputRecord]],
    input_options: InputOptions,
    options: WorkOptions,
    *,
    workers: int,
    done: Collection[str] = frozenset(),
    scheduler: str | None = None,
    client: Any = None,
    parser: Callable[..., Any] | None = None,
) -> Iterator[PartitionResult]:
    """Partition results in input order, computed on a Dask cluster.

    Each partition (a few page files, or one JSONL or WARC file) is read by the worker that
    parses it, so the inputs must be readable there (a shared file system); only the output
    records travel back. ``client`` is a ``dask.distributed.Client`` to use; else one connects
    to ``scheduler`` (``tcp://host:8786``), or starts a ``LocalCluster`` of ``workers``
    single-threaded processes. A partition whose worker dies is read here and its pages are
    sent one at a time, so that only a page that kills workers fails.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise InputError("the dask engine needs: pip install 'presswire[dask]'") from exc
    owned: list[Any] = []
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
            owned.append(cluster)
            client = Client(cluster)
        owned.insert(0, client)
    cores = sum(client.nthreads().values()) or workers
    # Sent once to every worker (scatter takes a list's items one by one, hence the list).
    done_on_workers = client.scatter([frozenset(done)], broadcast=True)[0] if done else frozenset()

    def submit(partition: Sequence[Path | InputRecord]) -> Any:
        return client.submit(
            process_partition,
            list(partition),
            input_options,
            options,
            done_on_workers,
            parser,
            pure=False,
        )

    def one_page(record: InputRecord) -> Any:
        return client.submit(process_batch, [record], options, parser, pure=False)

    pending: deque[tuple[Sequence[Path | InputRecord], Any]] = deque()
    source = iter(partitions)
    try:
        while True:
            while len(pending) < cores * BATCHES_PER_WORKER:
                partition = next(source, None)
                if partition is None:
                    break
                pending.append((partition, submit(partition)))
            if not pending:
                return
            partition, future = pending.popleft()
            try:
                yield future.result()
            except Exception:  # a worker died, or the partition failed as a whole
                yield _partition_here(partition, input_options, done, one_page)
    finally:
        for resource in owned:
            resource.close()


def _partition_here(
    partition: Sequence[Path | InputRecord],
    input_options: InputOptions,
    done: Collection[str],
    one_page: Callable[[InputRecord], Any],
) -> PartitionResult:
    """Read a failed partition on the driver and parse its pages one task each."""

    def parse_alone(record: InputRecord) -> list[OutputRecord]:
        try:
            result: list[OutputRecord] = one_page(record).result()
            return result
        except Exception:
            return [error_record(record, WORKER_DIED)]

    return read_partition(partition, input_options, done, parse_alone)
