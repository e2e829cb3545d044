"""What a worker does with a batch of input records: parse each, and turn the result into an
output record (a plain dict that pickles cheaply and that every output format reads).

An output record is ``{"source", "status": "ok", "url", "id", "article"}`` or, for an input that
could not be read or parsed, ``{"source", "status": "error", "url", "id", "error"}`` with a
one-line reason. With ``quotes_only`` the article keeps only its outlet, title, published, url
and quotes.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

from attrs import field, frozen

from presswire import errors
from presswire.corpus.inputs import (
    InputOptions,
    InputRecord,
    ReadStats,
    file_records,
    read_deferred,
)
from presswire.errors import PresswireError
from presswire.limits import DEFAULT_LIMITS, Limits
from presswire.models import Article
from presswire.pipeline import parse
from presswire.serialize import json_line

__all__ = [
    "OutputRecord",
    "PartitionResult",
    "WorkOptions",
    "error_record",
    "parse_record",
    "process_batch",
    "process_partition",
    "read_partition",
]

OutputRecord = dict[str, Any]
Parser = Callable[[InputRecord, Limits], Article]

QUOTES_ONLY_FIELDS = ("outlet", "title", "published", "url", "quotes")


@frozen
class WorkOptions:
    limits: Limits = DEFAULT_LIMITS
    quotes_only: bool = False
    outlet: str | None = None
    encode_json: bool = False
    """Whether the worker writes each record's JSON line (see :func:`encoded`): for a JSONL
    output nobody else reads the records of, so that the batch process only writes lines."""


JSON_LINE = "json_line"
"""The key of an encoded record's JSON line; the record keeps only its source and status."""


def encoded(record: OutputRecord) -> OutputRecord:
    """``record`` as its JSON line, encoded where it was made (a worker process): the batch
    process then neither decodes the article's structure from the worker nor encodes it."""
    return {
        "source": record["source"],
        "status": record["status"],
        JSON_LINE: json_line(record),
    }


def parse_record(record: InputRecord, limits: Limits, outlet: str | None = None) -> Article:
    """The default parser: :func:`presswire.parse` over the record's content."""
    assert record.content is not None
    return parse(
        record.content,
        url=record.url,
        source_format=record.source_format,
        limits=limits,
        outlet=outlet,
    )


def error_record(record: InputRecord, reason: str) -> OutputRecord:
    return {
        "source": record.source,
        "status": "error",
        "url": record.url,
        "id": record.id,
        "error": reason,
    }


def one_line(exc: BaseException) -> str:
    """The error as one line for an error record (longer than a warning's)."""
    return errors.one_line(exc, limit=300)


def process_record(
    record: InputRecord, options: WorkOptions, parser: Callable[..., Article] | None = None
) -> OutputRecord:
    """One output record for one input record; never raises for a bad page."""
    record = read_deferred(record, options.limits)
    if record.error is not None:
        return error_record(record, record.error)
    try:
        if parser is None:
            article = parse_record(record, options.limits, options.outlet)
        else:
            article = parser(record, options.limits)
    except PresswireError as exc:
        return error_record(record, one_line(exc))
    except (MemoryError, RecursionError) as exc:
        return error_record(record, f"page too large to parse: {one_line(exc)}")
    except Exception as exc:  # a bug in presswire or a plugin: one record, not the batch
        return error_record(record, f"internal error (please report): {one_line(exc)}")
    data = article.to_dict()
    if options.quotes_only:
        data = {name: data.get(name) for name in QUOTES_ONLY_FIELDS}
    return {
        "source": record.source,
        "status": "ok",
        "url": article.url or record.url,
        "id": record.id,
        "article": data,
    }


def process_batch(
    records: Sequence[InputRecord],
    options: WorkOptions,
    parser: Callable[..., Article] | None = None,
) -> list[OutputRecord]:
    """Output records for a batch, in order: the unit of work shipped to a worker."""
    results = [process_record(record, options, parser) for record in records]
    return [encoded(result) for result in results] if options.encode_json else results


@frozen
class PartitionResult:
    """What a worker made of a partition of input files: the output records in order, and
    the counts the batch summary needs."""

    records: list[OutputRecord]
    read: int = 0
    skipped: int = 0
    passed_over: dict[str, int] = field(factory=dict)


def process_partition(
    units: Sequence[Path | InputRecord],
    input_options: InputOptions,
    options: WorkOptions,
    done: Collection[str] = frozenset(),
    parser: Callable[..., Article] | None = None,
) -> PartitionResult:
    """Read the files of a partition here, on the worker, and parse their records; records
    whose source is in ``done`` (written by an earlier run) are skipped."""
    return read_partition(
        units, input_options, done, lambda record: process_batch([record], options, parser)
    )


def read_partition(
    units: Sequence[Path | InputRecord],
    input_options: InputOptions,
    done: Collection[str],
    handle: Callable[[InputRecord], list[OutputRecord]],
) -> PartitionResult:
    """Read a partition's files, skip the records in ``done``, and collect what ``handle``
    makes of each other record, with the counts the batch summary needs."""
    stats = ReadStats()
    records: list[OutputRecord] = []
    read = skipped = 0
    for unit in units:
        found = (
            [unit] if isinstance(unit, InputRecord) else file_records(unit, input_options, stats)
        )
        for record in found:
            read += 1
            if record.source in done:
                skipped += 1
                continue
            records.extend(handle(record))
    return PartitionResult(records, read, skipped, dict(stats.skipped_kinds))
