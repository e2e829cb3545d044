"""Input records of a corpus: files, folders, JSONL exports and WARC files, read lazily.

Every input yields :class:`InputRecord` objects, one per document, each with a ``source`` that
names it for good (``path``, ``path:LINE`` for a JSONL line, ``path@OFFSET`` for a WARC record),
so that an output can be matched to its input and ``--resume`` can skip what is done. A record
that cannot be read (a broken JSONL line, a file over the size limit, a folder that does not
exist) is still a record: it carries ``error`` instead of content, and becomes an error record
in the output. Nothing is silently dropped; the only inputs passed over are WARC records that
hold no HTML page (requests, metadata, images), counted in :attr:`ReadStats.skipped`.
"""

from __future__ import annotations

import fnmatch
import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Literal

from attrs import define, field, frozen

from presswire.decoding import replace_surrogates
from presswire.errors import InputError, one_line
from presswire.limits import DEFAULT_LIMITS, Limits

__all__ = [
    "InputOptions",
    "InputRecord",
    "ReadStats",
    "file_records",
    "is_container",
    "iter_records",
    "iter_units",
]

STDIN = "-"
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
PAGE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".shtml")
"""What a folder's files are read by default (besides JSONL and WARC files, and files with no
suffix, as scrapers often save pages): a page's text or HTML. Any other file in a folder (an
expected-output ``.json``, a ``.csv``, an image) is passed over unless ``include`` names it;
a file named on its own is always read."""


def _valid_text(value: Any) -> Any:
    return replace_surrogates(value)[0] if isinstance(value, str) else value


@frozen
class InputRecord:
    """One document of the corpus, or the reason it could not be read."""

    source: str = field(converter=_valid_text)
    """Where it comes from, unique in the corpus: a path, ``path:LINE`` or ``path@OFFSET``.
    Like ``url`` and ``id``, valid Unicode: a lone surrogate (a file name's undecodable
    byte, a JSON escape) is U+FFFD here, so that every output format can write it and a
    resumed batch finds the same source again."""
    content: str | bytes | None = None
    url: str | None = field(default=None, converter=_valid_text)
    source_format: Literal["text", "html"] | None = None
    id: str | None = field(default=None, converter=_valid_text)
    """The record's own identifier, from a JSONL export's id field."""
    error: str | None = None
    """Why it could not be read; ``content`` is then ``None``."""
    path: str | None = None
    """A page file not read yet: the process that parses the record reads it
    (:func:`read_deferred`), so that a batch's worker processes, not the process that hands
    out the work, pay for reading."""


@frozen
class InputOptions:
    """How inputs are found and read (the options of ``presswire batch``)."""

    include: tuple[str, ...] = ()
    """Glob patterns a file found in a folder must match (any of them); none: every file."""
    exclude: tuple[str, ...] = ()
    """Glob patterns that leave a file found in a folder out."""
    text_field: str = "text"
    html_field: str = "html"
    url_field: str = "url"
    id_field: str = "id"
    limits: Limits = DEFAULT_LIMITS
    skip_paths: frozenset[str] = frozenset()
    """Resolved paths never read as input: the batch's own output."""


@define
class ReadStats:
    """What reading passed over besides the records, by kind: WARC records that are no HTML
    page, files given twice."""

    skipped_kinds: dict[str, int] = field(factory=dict)

    @property
    def skipped(self) -> int:
        return sum(self.skipped_kinds.values())

    def skip(self, kind: str, count: int = 1) -> None:
        self.skipped_kinds[kind] = self.skipped_kinds.get(kind, 0) + count


def iter_records(
    inputs: Iterable[str | os.PathLike[str] | StdinPaths],
    options: InputOptions = InputOptions(),
    stats: ReadStats | None = None,
    defer: bool = False,
) -> Iterator[InputRecord]:
    """Every record of ``inputs`` in order: files, folders (recursive, sorted), JSONL and WARC
    files by their suffix, and ``-`` for a list of paths on standard input."""
    stats = stats if stats is not None else ReadStats()
    for unit in iter_units(inputs, options, stats):
        if isinstance(unit, InputRecord):
            yield unit
        else:
            yield from file_records(unit, options, stats, defer)


def iter_units(
    inputs: Iterable[str | os.PathLike[str] | StdinPaths],
    options: InputOptions = InputOptions(),
    stats: ReadStats | None = None,
) -> Iterator[Path | InputRecord]:
    """The files ``inputs`` name, in order, each once (folders expanded and filtered, ``-``
    read from stdin), or an error record for a path that does not exist. A file is read by
    :func:`file_records`: here, or on the worker that gets it (the Dask engine)."""
    stats = stats if stats is not None else ReadStats()
    seen: set[str] = set()  # files given twice (or found in two folders given) are read once
    for item in inputs:
        if isinstance(item, StdinPaths) or os.fspath(item) == STDIN:
            lines = item if isinstance(item, StdinPaths) else stdin_paths()
            for line in lines:
                yield from _path_units(Path(line), options, stats, seen)
        else:
            yield from _path_units(Path(os.fspath(item)), options, stats, seen)


class StdinPaths:
    """``-`` with its first path read ahead, so that piped page text is refused before an
    output is opened (:func:`stdin_paths`)."""

    def __init__(self) -> None:
        self._lines = stdin_paths()
        self._first = next(self._lines, None)

    def __iter__(self) -> Iterator[str]:
        if self._first is not None:
            yield self._first
        yield from self._lines


def stdin_paths() -> Iterator[str]:
    """The paths ``-`` stands for: standard input's lines, one path each. Raises
    :class:`~presswire.InputError` at once when the first line is no path of an existing file
    or folder: page text was piped in, which ``presswire parse -`` reads."""
    first = True
    for line in sys.stdin:
        path = line.strip()
        if not path:
            continue
        if first and not _exists(path):
            raise InputError(
                f"'-' reads the paths of files or folders from standard input, one per line, "
                f"and its first line is none ({path[:60]!r}); to parse a page given on "
                "standard input, use `presswire parse -`"
            )
        first = False
        yield path


def _exists(path: str) -> bool:
    try:
        return Path(path).exists()
    except OSError:
        return False


def _path_units(
    path: Path, options: InputOptions, stats: ReadStats, seen: set[str]
) -> Iterator[Path | InputRecord]:
    try:
        if path.is_dir():
            files: Iterable[tuple[Path, str]] = _folder_files(
                path, options.include, options.exclude
            )
        elif path.exists():
            files = ((path, str(path.resolve())),)
        else:
            yield InputRecord(source=str(path), error="InputError: no such file or folder")
            return
    except OSError as exc:  # a name too long for the file system, and the like
        yield InputRecord(source=str(path)[:300], error=f"InputError: not a path: {exc.strerror}")
        return
    for file, resolved in files:
        if any(resolved == own or resolved.startswith(own + os.sep) for own in options.skip_paths):
            continue  # the batch's own output, inside an input folder
        if file is not path and not options.include and not _looks_like_pages(file.name):
            stats.skip("files in folders that are no pages by their name (--include reads them)")
            continue
        if resolved in seen:
            stats.skip("files given twice")
            continue
        seen.add(resolved)
        yield file


def _looks_like_pages(name: str) -> bool:
    lower = name.lower()
    return "." not in lower or lower.endswith(PAGE_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES)


def is_container(path: Path) -> bool:
    """A file that holds many records (JSONL, WARC) rather than one page."""
    return path.name.lower().endswith(JSONL_SUFFIXES + WARC_SUFFIXES)


def _folder_files(
    folder: Path, include: Sequence[str], exclude: Sequence[str]
) -> Iterator[tuple[Path, str]]:
    """Files under ``folder``, sorted, hidden ones left out, filtered by the globs (matched
    against the path relative to ``folder`` and against the file name), each with its
    resolved path. The walk enters no linked folder, so only a linked file needs resolving
    on its own: the folder is resolved once (resolving a path stats each of its parts)."""
    real_folder = os.path.realpath(folder)
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            relative = path.relative_to(folder).as_posix()
            if include and not _matches(relative, name, include):
                continue
            if exclude and _matches(relative, name, exclude):
                continue
            if os.path.islink(path):
                yield path, str(path.resolve())
            else:
                yield path, os.path.join(real_folder, *relative.split("/"))


def _matches(relative: str, name: str, patterns: Sequence[str]) -> bool:
    return any(
        fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(name, pattern) for pattern in patterns
    )


def file_records(
    path: Path, options: InputOptions, stats: ReadStats, defer: bool = False
) -> Iterator[InputRecord]:
    """The records of one file: one page, or every line of a JSONL file or page of a WARC.
    With ``defer``, a page file is not read here: its record names it (``path``)."""
    name = path.name.lower()
    try:
        if name.endswith(JSONL_SUFFIXES):
            yield from _jsonl_records(path, options)
        elif name.endswith(WARC_SUFFIXES):
            yield from _warc_records(path, options, stats)
        elif defer:
            yield InputRecord(source=str(path), path=str(path))
        else:
            yield _plain_file(path, options.limits)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        # A file that breaks off in the middle: what was read stands, the rest is one error.
        yield InputRecord(source=str(path), error=f"InputError: cannot read: {exc}")


def read_deferred(record: InputRecord, limits: Limits) -> InputRecord:
    """``record`` with its page file read, if it names one not read yet."""
    if record.path is None or record.content is not None or record.error is not None:
        return record
    return _plain_file(Path(record.path), limits)


def _plain_file(path: Path, limits: Limits) -> InputRecord:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            return InputRecord(
                source=source,
                error=f"LimitExceededError: {size} bytes, over the limit of {limits.max_bytes}",
            )
        return InputRecord(source=source, content=path.read_bytes())
    except OSError as exc:
        return InputRecord(source=source, error=f"InputError: cannot read: {exc.strerror or exc}")


def _open_text(path: Path) -> IO[str]:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    return path.open(encoding="utf-8", errors="replace")


def _jsonl_records(path: Path, options: InputOptions) -> Iterator[InputRecord]:
    with _open_text(path) as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            source = f"{path}:{number}"
            yield _jsonl_record(source, line, options)


def _jsonl_record(source: str, line: str, options: InputOptions) -> InputRecord:
    if len(line) > options.limits.max_bytes:  # characters: a cheap bound before decoding JSON
        return InputRecord(
            source=source, error=f"LimitExceededError: line over {options.limits.max_bytes} bytes"
        )
    try:
        data: Any = json.loads(line)
    except ValueError as exc:
        return InputRecord(source=source, error=f"InputError: not JSON: {exc}")
    if not isinstance(data, dict):
        return InputRecord(source=source, error="InputError: the line is not a JSON object")
    url = _string(data.get(options.url_field))
    record_id = _string(data.get(options.id_field))
    for field_name, source_format in (
        (options.html_field, "html"),
        (options.text_field, "text"),
    ):
        value = data.get(field_name)
        if isinstance(value, str) and value.strip():
            return InputRecord(
                source=source,
                content=value,
                url=url,
                source_format=source_format,  # type: ignore[arg-type]
                id=record_id,
            )
    return InputRecord(
        source=source,
        url=url,
        id=record_id,
        error=f"InputError: no text in field {options.html_field!r} or {options.text_field!r}",
    )


def _string(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    return str(value)


def _warc_records(path: Path, options: InputOptions, stats: ReadStats) -> Iterator[InputRecord]:
    """The HTML responses of a WARC file. A record cut off before its stated length is an
    error record (not a truncated article), and so is a file that stops being WARC: the
    error names the offset, and the batch goes on with the next input."""
    from warcio.archiveiterator import ArchiveIterator  # imported only for WARC input

    seen = 0
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                seen += 1
                found = _warc_record(path, records, record, options, stats)
                if found is not None:
                    yield found
        except Exception as exc:  # warcio raises its own, zlib's and EOFError on bad files
            offset = getattr(records, "offset", None)
            where = f"{path}@{offset}" if offset is not None else str(path)
            yield InputRecord(
                source=where,
                error=f"InputError: not a readable WARC record at offset {offset}: {one_line(exc)}",
            )
            return
    if seen == 0 and path.stat().st_size > 0:
        yield InputRecord(source=str(path), error="InputError: no WARC record could be read")


def _warc_record(
    path: Path, records: Any, record: Any, options: InputOptions, stats: ReadStats
) -> InputRecord | None:
    if str(record.format).startswith("arc") and "://" not in (
        record.rec_headers.get_header("uri") or ""
    ):
        # warcio reads a line that is no WARC header as an old ARC record: a text file named
        # .warc would be 'passed over' record by record instead of said to be no WARC
        raise ValueError("neither a WARC nor an ARC record")
    if record.rec_type != "response":
        stats.skip(f"WARC {record.rec_type}")
        return None
    content_type = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
    if "html" not in content_type.lower():
        stats.skip(f"WARC response {content_type.split(';')[0].strip() or 'untyped'}")
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    body = record.content_stream().read(options.limits.max_bytes + 1)
    # only after the body is read: asking warcio for the offset first empties the body
    source = f"{path}@{records.get_record_offset()}"
    if len(body) > options.limits.max_bytes:
        return InputRecord(
            source=source,
            url=url,
            error=f"LimitExceededError: page over {options.limits.max_bytes} bytes",
        )
    missing = getattr(record.raw_stream, "limit", 0)
    if isinstance(missing, int) and missing > 0:
        return InputRecord(
            source=source,
            url=url,
            error=f"InputError: WARC record cut off: {missing} bytes of it missing",
        )
    return InputRecord(
        source=source,
        content=_decode_declared(body, content_type),
        url=url,
        source_format="html",
    )


def _decode_declared(body: bytes, content_type: str) -> str | bytes:
    """The body decoded with the charset its HTTP header declares; bytes when it declares none
    (or a wrong one): presswire's decoding then reads the page's own declaration."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            try:
                return body.decode(value.strip().strip("\"'"))
            except (LookupError, UnicodeDecodeError):
                return body
    return body
