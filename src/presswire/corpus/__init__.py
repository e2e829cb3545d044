"""Corpus scale: ``presswire.batch`` over folders, JSONL exports and WARC files, on one
machine or a Dask cluster, into JSONL, CSV, Parquet or SQLite; ``query`` over SQLite."""

from __future__ import annotations

from presswire.corpus.inputs import InputOptions, InputRecord, ReadStats, iter_records
from presswire.corpus.outputs import FORMATS, OutputFormat
from presswire.corpus.query import query
from presswire.corpus.run import BatchSummary, batch
from presswire.corpus.work import OutputRecord, process_record

__all__ = [
    "FORMATS",
    "BatchSummary",
    "InputOptions",
    "InputRecord",
    "OutputFormat",
    "OutputRecord",
    "ReadStats",
    "batch",
    "iter_records",
    "process_record",
    "query",
]
