"""``presswire.batch``: a corpus in, one output record per input record out."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any, Literal

from attrs import define, field

from presswire.corpus.engines import run_dask, run_local
from presswire.corpus.inputs import (
    STDIN,
    InputOptions,
    InputRecord,
    ReadStats,
    StdinPaths,
    is_container,
    iter_records,
    iter_units,
)
from presswire.corpus.outputs import OutputFormat, format_for, open_output
from presswire.corpus.work import OutputRecord, PartitionResult, WorkOptions
from presswire.errors import InputError
from presswire.limits import DEFAULT_LIMITS, Limits

__all__ = ["BatchSummary", "batch"]

Engine = Literal["local", "dask"]
EXIT_UNGUARDED = 71
"""The exit status of a worker process that found batch() called while it imported the
script that started the batch (no main guard)."""
DEFAULT_BATCH_SIZE = 64
"""Records per task sent to a worker. Fewer makes the hand-over between the batch process and
its workers a larger share of the time (16 ran some 3% slower with two workers)."""


@define
class BatchSummary:
    """What a batch did. ``read`` = ``parsed`` + ``failed`` + ``skipped``."""

    output: Path
    format: str
    read: int = 0
    """Input records read."""
    parsed: int = 0
    """Records that became articles."""
    failed: int = 0
    """Records that became error records (each with its reason in the output)."""
    skipped: int = 0
    """Records already in the output (``resume``)."""
    passed_over: dict[str, int] = field(factory=dict)
    """Inputs that are no documents, by kind: WARC requests, images, a file given twice."""

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def line(self) -> str:
        text = f"read {self.read}, parsed {self.parsed}, failed {self.failed}"
        if self.skipped:
            text += f", skipped {self.skipped} already written"
        if self.passed_over:
            kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(self.passed_over.items()))
            text += f"; passed over {kinds}"
        return f"{text} -> {self.output}"


def batch(
    inputs: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    format: OutputFormat | None = None,
    workers: int | None = None,
    engine: Engine = "local",
    scheduler: str | None = None,
    client: Any = None,
    resume: bool = False,
    quotes_only: bool = False,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    text_field: str = "text",
    html_field: str = "html",
    url_field: str = "url",
    id_field: str = "id",
    outlet: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool | None = None,
    on_batch: Callable[[Sequence[OutputRecord]], None] | None = None,
    parser: Callable[[InputRecord, Limits], Any] | None = None,
) -> BatchSummary:
    """Parse a corpus into one output, every input record once; see ``presswire batch``.

    :param inputs: files, folders, ``.jsonl``/``.jsonl.gz`` exports, ``.warc``/``.warc.gz``
        files, or ``"-"`` for paths on standard input.
    :param out: the output file (a folder for Parquet); written as ``out.partial`` and renamed
        when complete.
    :param format: ``jsonl`` (articles), ``csv`` (quotes), ``parquet`` or ``sqlite``; by
        default the one ``out``'s suffix names.
    :param workers: processes (local engine) or LocalCluster workers (dask engine); default
        the number of cores.
    :param engine: ``local`` (output in input order) or ``dask``.
    :param scheduler: a Dask scheduler address; ``client``: a ``dask.distributed.Client``.
    :param resume: keep what a previous run wrote and skip those inputs.
    :param quotes_only: keep only outlet, title, published, url and quotes of each article.
    :param on_batch: called with each batch of output records once it is written.
    :param parser: ``parser(record, limits) -> Article`` instead of :func:`presswire.parse`
        (a module-level function, so that it can be sent to worker processes).
    :raises InputError: an unknown format or engine, or an output that cannot be written.
    """
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        # A worker process re-running a script that calls batch() without an
        # `if __name__ == "__main__":` guard, as spawn re-imports it: the worker ends here,
        # quietly, before it touches any output; the batch process parses in-process and
        # says once how to get parallel workers.
        os._exit(EXIT_UNGUARDED)
    out_path = Path(out)
    output_format = format_for(out_path, format)
    if engine not in ("local", "dask"):
        raise InputError(f"unknown engine {engine!r}: 'local' or 'dask'")
    if batch_size < 1:
        raise InputError("batch_size must be at least 1")
    workers = workers or os.cpu_count() or 1
    stats = ReadStats()
    summary = BatchSummary(output=out_path, format=output_format, passed_over=stats.skipped_kinds)
    options = InputOptions(
        include=tuple(include),
        exclude=tuple(exclude),
        text_field=text_field,
        html_field=html_field,
        url_field=url_field,
        id_field=id_field,
        limits=limits,
        skip_paths=frozenset(
            str(path.resolve())
            for path in (out_path, out_path.with_name(out_path.name + ".partial"))
        ),
    )
    work = WorkOptions(
        limits=limits,
        quotes_only=quotes_only,
        outlet=outlet,
        encode_json=output_format == "jsonl" and on_batch is None,
    )
    # '-' is read ahead by one path: piped page text is refused before the output is opened
    sources = [StdinPaths() if os.fspath(item) == STDIN else item for item in inputs]
    output = open_output(out_path, output_format)
    done = output.open(resume)
    completed = False
    bar = _progress_bar(progress, lambda: _count_pages(sources, options))
    try:
        results: Iterator[list[OutputRecord]]
        if engine == "dask":
            partitions = _partitions(iter_units(sources, options, stats), batch_size)
            results = _counted(
                run_dask(
                    partitions,
                    options,
                    work,
                    workers=workers,
                    done=done,
                    scheduler=scheduler,
                    client=client,
                    parser=parser,
                ),
                summary,
                stats,
            )
        else:
            # with worker processes, page files are read by the workers, not here
            records = _count_read(
                iter_records(sources, options, stats, defer=workers > 1), summary, done
            )
            results = run_local(_chunks(records, batch_size), work, workers, parser)
        for result in results:
            output.write(result)
            for record in result:
                if record["status"] == "ok":
                    summary.parsed += 1
                else:
                    summary.failed += 1
            if bar is not None:
                bar.update(len(result))
            if on_batch is not None:
                on_batch(result)
        completed = True
    finally:
        if bar is not None:
            bar.close()
        if completed:
            output.commit()
        else:
            output.close()  # keep OUT.partial for --resume
    return summary


def _count_read(
    records: Iterator[InputRecord], summary: BatchSummary, done: set[str]
) -> Iterator[InputRecord]:
    for record in records:
        summary.read += 1
        if record.source in done:
            summary.skipped += 1
            continue
        yield record


def _counted(
    results: Iterator[PartitionResult], summary: BatchSummary, stats: ReadStats
) -> Iterator[list[OutputRecord]]:
    """The records of each partition, its counts added to the summary."""
    for result in results:
        summary.read += result.read
        summary.skipped += result.skipped
        for kind, count in result.passed_over.items():
            stats.skip(kind, count)
        yield result.records


def _partitions(
    units: Iterator[Path | InputRecord], files: int
) -> Iterator[list[Path | InputRecord]]:
    """Up to ``files`` page files per partition; a JSONL or WARC file is a partition alone."""
    partition: list[Path | InputRecord] = []
    for unit in units:
        if isinstance(unit, Path) and is_container(unit):
            if partition:
                yield partition
                partition = []
            yield [unit]
            continue
        partition.append(unit)
        if len(partition) >= files:
            yield partition
            partition = []
    if partition:
        yield partition


def _chunks(records: Iterator[InputRecord], size: int) -> Iterator[list[InputRecord]]:
    while chunk := list(islice(records, size)):
        yield chunk


def _progress_bar(progress: bool | None, total: Callable[[], int | None]) -> Any:
    """A tqdm bar on standard error when it is a terminal (or when asked for), with the total
    (and so the time left) when it can be known before reading: see :func:`_count_pages`."""
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(total=total(), unit=" docs", desc="presswire", file=sys.stderr, dynamic_ncols=True)


MAX_COUNTED_FILES = 1_000_000
"""Beyond this many files, the progress bar shows a count without a total."""


def _count_pages(sources: Sequence[Any], options: InputOptions) -> int | None:
    """How many records the inputs hold, when each file is one page: the files they name
    (folders walked once more, which costs little beside parsing). None when it cannot be
    known without reading: paths on standard input, or a JSONL or WARC file among them."""
    if any(isinstance(item, StdinPaths) for item in sources):
        return None
    count = 0
    for unit in iter_units(sources, options, ReadStats()):
        if isinstance(unit, Path) and is_container(unit):
            return None
        count += 1
        if count > MAX_COUNTED_FILES:
            return None
    return count
