"""Questions to a batch's SQLite output: who said what, searched by speaker and words."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from presswire.errors import InputError
from presswire.quotes.lexicon import DEFAULT_LEXICON
from presswire.quotes.speakers import canonical_key

__all__ = ["QUERY_COLUMNS", "plain_words", "query"]

QUERY_COLUMNS = (
    "speaker",
    "role",
    "key",
    "mention",
    "via",
    "kind",
    "cue",
    "text",
    "outlet",
    "title",
    "published",
    "url",
    "source",
    "paragraph",
    "confidence",
)
"""The columns of a quote row: of ``query``, and of ``presswire quotes`` and ``presswire
query`` in every format (the same columns, in the same order)."""


_WORD_OR_PHRASE = re.compile(r'"([^"]*)"|(\S+)')


def plain_words(search: str) -> str:
    """A full-text query that finds quotes holding every word (and phrase in double quotes)
    of ``search``, with none of its characters read as query syntax: each becomes an FTS5
    string ('Russian-American' is the phrase 'russian american')."""
    terms = [phrase or word for phrase, word in _WORD_OR_PHRASE.findall(search)]
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms if term.strip())


def query(
    database: str | os.PathLike[str],
    *,
    speaker: str | None = None,
    search: str | None = None,
    outlet: str | None = None,
    kind: str | Iterable[str] | None = None,
    min_confidence: float = 0.0,
    limit: int | None = 100,
    fts: bool = False,
) -> list[dict[str, Any]]:
    """Quotes from a ``presswire batch --format sqlite`` database, oldest article first.

    :param speaker: words of the speaker's name or key, any transliteration the key covers
        ('Ryabkov', 'Sergey Ryabkov'), matched case-insensitively.
    :param search: words the quote text holds, all of them, in any order ('Russian-American',
        "Biden's", 'U.S.' are words; '"arms control"' in double quotes is a phrase).
    :param fts: ``search`` is SQLite's full-text query syntax instead ('sanctions AND Iran',
        'Iran OR Iraq', 'NEAR(arms control)').
    :param kind: a quote kind ('indirect') or several (``("direct", "mixed")``).
    :param min_confidence: only quotes of at least this confidence (0.5 keeps the speakers
        found with a cue).
    :raises InputError: not a presswire database, or a malformed search.
    """
    path = Path(database)
    if not path.is_file():
        raise InputError(f"{path}: no such database")
    clauses: list[str] = []
    values: list[Any] = []
    if speaker:
        # the words of the canonical key: 'Sergey Ryabkov' finds 'Sergei Ryabkov'
        for word in canonical_key(speaker, DEFAULT_LEXICON).split("-"):
            clauses.append("(q.speaker LIKE ? OR q.key LIKE ? OR q.mention LIKE ?)")
            values += [f"%{word}%"] * 3
    if search:
        clauses.append("q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        values.append(search if fts else plain_words(search))
    if outlet:
        clauses.append("a.outlet = ?")
        values.append(outlet)
    kinds = [kind] if isinstance(kind, str) else list(kind or ())
    if kinds:
        clauses.append("q.kind IN (" + ",".join("?" * len(kinds)) + ")")
        values += kinds
    if min_confidence > 0:
        clauses.append("q.confidence >= ?")
        values.append(min_confidence)
    sql = (
        "SELECT q.speaker, q.role, q.key, q.mention, q.via, q.kind, q.cue, q.text, a.outlet,"
        " a.title, a.published, a.url, q.source, q.paragraph, q.confidence"
        " FROM quotes q JOIN articles a ON a.source = q.source"
        + (" WHERE " + " AND ".join(clauses) if clauses else "")
        + " ORDER BY a.published IS NULL, a.published, q.source, q.quote"
    )
    if limit is not None:
        sql += " LIMIT ?"
        values.append(limit)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute(sql, values).fetchall()
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{path}: {exc}") from exc
    finally:
        connection.close()
    return [dict(zip(QUERY_COLUMNS, row, strict=True)) for row in rows]
