"""Parsers for batch tests, importable by worker processes (which start fresh: spawn)."""

from __future__ import annotations

import os

from presswire import Article, Limits
from presswire.corpus import InputRecord
from presswire.corpus.work import parse_record

KILL_MARK = "KILL-THE-WORKER"


def die_on_mark(record: InputRecord, limits: Limits) -> Article:
    """Parse like presswire, but end the worker process abruptly (as the kernel's OOM killer
    or a crash in a C extension would) on a page that carries :data:`KILL_MARK`."""
    content = record.content
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content or ""
    if KILL_MARK in text:
        os._exit(17)
    return parse_record(record, limits)
