"""Batch outputs: JSONL of articles, CSV of quotes, Parquet and SQLite of both.

Every output is written under a temporary name, ``OUT.partial``, and renamed to ``OUT`` only
when the batch has finished, so ``OUT`` is never half-written. After a crash or Ctrl-C the
partial output stays; ``resume=True`` adopts it (or a finished ``OUT``, to add inputs to it),
drops a record torn by the crash, and reports the sources already written so that they are
skipped. Each format records every input once: an article, or an error with its reason.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar, Literal, TextIO

from presswire.corpus.work import JSON_LINE, OutputRecord
from presswire.errors import InputError
from presswire.serialize import json_line

__all__ = [
    "FORMATS",
    "CsvOutput",
    "JsonlOutput",
    "Output",
    "OutputFormat",
    "ParquetOutput",
    "SqliteOutput",
    "escape_cell",
    "format_for",
    "open_output",
]

OutputFormat = Literal["jsonl", "csv", "parquet", "sqlite"]
FORMATS: tuple[OutputFormat, ...] = ("jsonl", "csv", "parquet", "sqlite")
_SUFFIXES: dict[str, OutputFormat] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
}

ARTICLE_COLUMNS = (
    "source",
    "status",
    "error",
    "url",
    "id",
    "outlet",
    "title",
    "published",
    "section",
    "quote_count",
)
QUOTE_COLUMNS = (
    "speaker",
    "role",
    "key",
    "mention",
    "via",
    "kind",
    "cue",
    "text",
    "paragraph",
    "confidence",
)
CSV_COLUMNS = (*ARTICLE_COLUMNS, "quote", *QUOTE_COLUMNS)
"""One row per quote; an article without quotes, or an error, is one row with no quote."""


def format_for(path: Path, given: str | None = None) -> OutputFormat:
    """The output format: ``given``, or the one ``path``'s suffix names."""
    if given is not None:
        if given not in FORMATS:
            raise InputError(f"unknown output format {given!r}; one of {', '.join(FORMATS)}")
        return given
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise InputError(
            f"cannot tell the output format from {path.name!r}: give --format "
            f"({', '.join(FORMATS)})"
        )
    return found


def open_output(path: Path, output_format: OutputFormat) -> Output:
    classes: dict[str, type[Output]] = {
        "jsonl": JsonlOutput,
        "csv": CsvOutput,
        "parquet": ParquetOutput,
        "sqlite": SqliteOutput,
    }
    return classes[output_format](path)


def article_row(record: OutputRecord) -> dict[str, Any]:
    """The flat article columns of an output record."""
    article = record.get("article") or {}
    return {
        "source": record["source"],
        "status": record["status"],
        "error": record.get("error"),
        "url": record.get("url"),
        "id": record.get("id"),
        "outlet": article.get("outlet"),
        "title": article.get("title"),
        "published": article.get("published"),
        "section": article.get("section"),
        "quote_count": len(article.get("quotes") or ()) if record["status"] == "ok" else None,
    }


def quote_rows(record: OutputRecord) -> Iterator[dict[str, Any]]:
    """The flat quote columns of each quote of an output record, numbered from 1."""
    article = record.get("article") or {}
    for number, quote in enumerate(article.get("quotes") or (), start=1):
        speaker = quote.get("speaker") or {}
        yield {
            "quote": number,
            "speaker": speaker.get("name"),
            "role": speaker.get("role"),
            "key": speaker.get("key"),
            "mention": speaker.get("mention"),
            "via": quote.get("via"),
            "kind": quote.get("kind"),
            "cue": quote.get("cue"),
            "text": quote.get("text"),
            "paragraph": None if quote.get("in_lead") else quote.get("paragraph"),
            "confidence": quote.get("confidence"),
        }


class Output:
    """An output being written: ``open`` (returns the sources done), ``write`` batches,
    then ``commit`` (rename into place) or ``close`` (leave the partial output to resume)."""

    kind: ClassVar[str]
    folder: ClassVar[bool] = False
    """Whether the output is a folder (Parquet) rather than a file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.partial = self.path.with_name(self.path.name + ".partial")

    def open(self, resume: bool) -> set[str]:
        for path in (self.path, self.partial):
            self._refuse_foreign(path)
        if resume and not self.partial.exists() and self.path.exists():
            os.replace(self.path, self.partial)  # add to a finished output
        if not resume:
            _remove(self.partial)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return self._open(resume and self.partial.exists())

    def _refuse_foreign(self, path: Path) -> None:
        """Raise :class:`InputError` for anything at ``path`` that this output would not
        have written: a symbolic link (never followed), a folder where a file goes, a file
        where a folder goes, a folder that holds anything but an output of this kind. What
        presswire did not create it never renames, overwrites or deletes."""
        if path.is_symlink():
            raise InputError(
                f"{path} is a symbolic link; presswire neither follows nor removes one"
            )
        if not path.exists():
            return
        if self.folder != path.is_dir():
            what = "a folder" if path.is_dir() else "a file"
            raise InputError(
                f"{path} is {what}, not a {self.kind} output presswire wrote; "
                "move it or choose another output"
            )
        if self.folder and not _holds_only_parquet_parts(path):
            raise InputError(
                f"{path} is a folder that is not a presswire Parquet output; "
                "move it or choose another output"
            )

    def _open(self, resume: bool) -> set[str]:
        raise NotImplementedError

    def write(self, records: Sequence[OutputRecord]) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Stop writing and keep the partial output (after an error or interruption)."""

    def commit(self) -> None:
        """The batch is complete: put the output in place."""
        self.close()
        if self.path.is_dir() and not self.partial.is_dir():
            raise InputError(f"{self.path} is a folder; cannot replace it with a file")
        if self.path.exists() and self.partial.is_dir():
            shutil.rmtree(self.path)
        os.replace(self.partial, self.path)


def _holds_only_parquet_parts(folder: Path) -> bool:
    """Whether ``folder`` is laid out as presswire writes Parquet: ``articles/`` and
    ``quotes/`` with ``part-*.parquet`` files (or their ``.tmp`` forms) and nothing else."""
    for child in folder.iterdir():
        if child.name not in ("articles", "quotes") or child.is_symlink() or not child.is_dir():
            return False
        for part in child.iterdir():
            if not part.name.startswith("part-") or part.is_symlink() or not part.is_file():
                return False
    return True


def _remove(path: Path) -> None:
    """Remove an earlier partial output (checked by ``Output._refuse_foreign`` first)."""
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
    journal = path.with_name(path.name + "-journal")
    if journal.exists():
        journal.unlink()


# ---------------------------------------------------------------- JSONL
class JsonlOutput(Output):
    """One JSON object per input record, in input order (local engine)."""

    kind = "jsonl"
    _file: TextIO | None = None

    def _open(self, resume: bool) -> set[str]:
        done: set[str] = set()
        if resume:
            keep = 0
            with self.partial.open("rb") as existing:
                for line in existing:
                    if not line.endswith(b"\n"):
                        break  # torn by the crash
                    try:
                        done.add(json.loads(line)["source"])
                    except (ValueError, KeyError, TypeError):
                        break
                    keep += len(line)
            with self.partial.open("r+b") as existing:
                existing.truncate(keep)
        self._file = self.partial.open("a" if resume else "w", encoding="utf-8")
        return done

    def write(self, records: Sequence[OutputRecord]) -> None:
        assert self._file is not None
        self._file.write(
            "".join((record.get(JSON_LINE) or json_line(record)) + "\n" for record in records)
        )
        self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


# ---------------------------------------------------------------- CSV
FORMULA_OPENERS = ("=", "+", "-", "@", "\t", "\r")
"""A cell opening with one of these is a formula to a spreadsheet (a page's text could run
code there): such a cell is written behind a single quote, as OWASP's rule for CSV files
has it; so is a cell opening with a single quote, so that reading it back is exact."""


def escape_cell(value: Any) -> Any:
    if isinstance(value, str) and value and (value[0] in FORMULA_OPENERS or value[0] == "'"):
        return "'" + value
    return value


def _unescape_cell(value: Any) -> Any:
    if (
        isinstance(value, str)
        and len(value) > 1
        and value[0] == "'"
        and (value[1] in FORMULA_OPENERS or value[1] == "'")
    ):
        return value[1:]
    return value


class CsvOutput(Output):
    """Quotes as CSV rows with their article's columns (see :data:`CSV_COLUMNS`); a cell
    that a spreadsheet would run as a formula is escaped (:data:`FORMULA_OPENERS`)."""

    kind = "csv"
    _file: TextIO | None = None
    _writer: Any = None

    def _open(self, resume: bool) -> set[str]:
        complete: list[dict[str, Any]] = []
        if resume:
            complete = self._complete_rows()
        self._file = self.partial.open("w", encoding="utf-8", newline="")
        self._writer = csv.DictWriter(self._file, fieldnames=CSV_COLUMNS, lineterminator="\n")
        self._writer.writeheader()
        self._write_rows(complete)
        self._file.flush()
        return {row["source"] for row in complete}

    def _write_rows(self, rows: list[dict[str, Any]]) -> None:
        assert self._writer is not None
        self._writer.writerows(
            {name: escape_cell(value) for name, value in row.items()} for row in rows
        )

    def _complete_rows(self) -> list[dict[str, Any]]:
        """The rows of the sources written whole (a crash can tear a source's rows)."""
        with self.partial.open(encoding="utf-8", newline="") as existing:
            rows = [
                {name: _unescape_cell(value) for name, value in row.items()}
                for row in csv.DictReader(existing)
                if None not in row and None not in row.values()
            ]
        count: dict[str, int] = {}
        for row in rows:
            count[row["source"]] = count.get(row["source"], 0) + 1

        def whole(row: dict[str, Any]) -> bool:
            expected = int(row["quote_count"]) if row["quote_count"].isdigit() else 0
            return count[row["source"]] == max(1, expected)

        return [row for row in rows if whole(row)]

    def write(self, records: Sequence[OutputRecord]) -> None:
        assert self._writer is not None and self._file is not None
        rows: list[dict[str, Any]] = []
        for record in records:
            article = article_row(record)
            quotes = list(quote_rows(record))
            if quotes:
                rows.extend({**article, **quote} for quote in quotes)
            else:
                rows.append(article)
        self._write_rows(rows)
        self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


# ---------------------------------------------------------------- SQLite
_SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    source TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    error TEXT,
    url TEXT,
    id TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,
    section TEXT,
    quote_count INTEGER,
    article TEXT
);
CREATE TABLE IF NOT EXISTS quotes (
    rowid INTEGER PRIMARY KEY,
    source TEXT NOT NULL REFERENCES articles(source),
    quote INTEGER NOT NULL,
    speaker TEXT,
    role TEXT,
    key TEXT,
    mention TEXT,
    via TEXT,
    kind TEXT,
    cue TEXT,
    text TEXT NOT NULL,
    paragraph INTEGER,
    confidence REAL
);
CREATE INDEX IF NOT EXISTS quotes_by_key ON quotes(key);
CREATE INDEX IF NOT EXISTS quotes_by_source ON quotes(source);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
    text, speaker, content='quotes', content_rowid='rowid'
);
"""


class SqliteOutput(Output):
    """Tables ``articles`` (one row per input, ``article`` holding the JSON) and ``quotes``,
    with the full-text index ``quotes_fts`` over quote text and speaker. Each batch is one
    transaction."""

    kind = "sqlite"
    _db: sqlite3.Connection | None = None

    def _open(self, resume: bool) -> set[str]:
        self._db = sqlite3.connect(self.partial)
        self._db.executescript(_SQLITE_SCHEMA)
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(quotes)")}
        if "cue" not in columns:  # resuming an output of presswire 0.x, whose quotes had 'verb'
            self._db.close()
            self._db = None
            raise InputError(
                f"{self.partial}: written by an older presswire (quotes without 'cue'); "
                "start a new output"
            )
        return {row[0] for row in self._db.execute("SELECT source FROM articles")}

    def write(self, records: Sequence[OutputRecord]) -> None:
        assert self._db is not None
        with self._db:  # one transaction: a crash leaves the batch out entirely
            for record in records:
                row = article_row(record)
                article = record.get("article")
                self._db.execute(
                    "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        *(row[name] for name in ARTICLE_COLUMNS),
                        json_line(article) if article is not None else None,
                    ),
                )
                for quote in quote_rows(record):
                    cursor = self._db.execute(
                        "INSERT INTO quotes (source, quote, speaker, role, key, mention, via,"
                        " kind, cue, text, paragraph, confidence)"
                        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                        (record["source"], quote["quote"], *(quote[c] for c in QUOTE_COLUMNS)),
                    )
                    self._db.execute(
                        "INSERT INTO quotes_fts (rowid, text, speaker) VALUES (?,?,?)",
                        (cursor.lastrowid, quote["text"], quote["speaker"]),
                    )

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


# ---------------------------------------------------------------- Parquet
class ParquetOutput(Output):
    """A folder with ``articles/`` and ``quotes/`` datasets of Parquet parts (read either
    with ``pyarrow.parquet.read_table(OUT / "quotes")``, pandas, DuckDB or Spark). Parts are
    written every :attr:`PART_RECORDS` records, each under a temporary name first."""

    kind = "parquet"
    folder = True
    PART_RECORDS = 5000

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise InputError(
                "Parquet output needs pyarrow: pip install 'presswire[parquet]'"
            ) from exc
        self._articles: list[dict[str, Any]] = []
        self._quotes: list[dict[str, Any]] = []
        self._parts = 0

    def _open(self, resume: bool) -> set[str]:
        import pyarrow.parquet as pq

        # OUT and OUT.partial are presswire Parquet folders or absent: Output.open checked
        done: set[str] = set()
        for name in ("articles", "quotes"):
            folder = self.partial / name
            folder.mkdir(parents=True, exist_ok=True)
            for leftover in folder.glob("*.tmp"):
                leftover.unlink()
        parts = sorted((self.partial / "articles").glob("part-*.parquet"))
        for part in parts:
            done.update(pq.read_table(part, columns=["source"]).column("source").to_pylist())
        self._parts = len(parts)
        return done

    def write(self, records: Sequence[OutputRecord]) -> None:
        for record in records:
            row = article_row(record)
            article = record.get("article")
            row["article"] = json_line(article) if article is not None else None
            self._articles.append(row)
            context = {
                name: row[name] for name in ("source", "outlet", "title", "published", "url")
            }
            self._quotes.extend({**context, **quote} for quote in quote_rows(record))
        if len(self._articles) >= self.PART_RECORDS:
            self._flush()

    def _flush(self) -> None:
        if not self._articles:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        name = f"part-{self._parts:05d}.parquet"
        # quotes first: a part's articles count as done only once their quotes are written
        for folder, rows in (("quotes", self._quotes), ("articles", self._articles)):
            table = pa.Table.from_pylist(rows, schema=_parquet_schema(folder))
            temporary = self.partial / folder / (name + ".tmp")
            pq.write_table(table, temporary)
            os.replace(temporary, self.partial / folder / name)
        self._parts += 1
        self._articles, self._quotes = [], []

    def close(self) -> None:
        self._flush()

    def commit(self) -> None:
        self._flush()
        if self.path.exists():
            shutil.rmtree(self.path)
        os.replace(self.partial, self.path)


# The Parquet columns and their types, as names: pyarrow is imported only when writing.
_PARQUET_COLUMNS = {
    "articles": [(name, "int" if name == "quote_count" else "string") for name in ARTICLE_COLUMNS]
    + [("article", "string")],
    "quotes": [(name, "string") for name in ("source", "outlet", "title", "published", "url")]
    + [
        (name, {"quote": "int", "paragraph": "int", "confidence": "float"}.get(name, "string"))
        for name in ("quote", *QUOTE_COLUMNS)
    ],
}


def _parquet_schema(table: str) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64()}
    return pa.schema([(name, types[kind]) for name, kind in _PARQUET_COLUMNS[table]])
