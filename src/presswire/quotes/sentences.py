"""Sentences and token windows of a paragraph: where sentences start (no boundary inside a
quotation or after an abbreviation), and the tokens outside the quotations, with one
placeholder token where each quotation stands."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from presswire.quotes.marks import (
    QuoteSpan,
    mark_positions,
)
from presswire.quotes.speakers import TITLES
from presswire.quotes.tokens import Token, tokenize

__all__ = [
    "QUOTATION_TOKEN",
    "SENTENCE_END",
    "next_after",
    "sentence_ends",
    "sentence_starts",
    "tokens_between",
]


QUOTATION_TOKEN = "“"
"""The token that stands for a quotation among the words outside quotations: a clause break,
so that no speaker phrase runs across a quotation ('whether Clinton “...,” 75 percent of')."""


_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|"
    + "|".join(title.capitalize() for title in TITLES)
    + r"|Jr|Sr|St|No|vs|etc|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.N|U\.K)\.$"
)


_SENTENCE_END_MARKS = ".!?…"
"""The characters a :data:`SENTENCE_END` match opens with."""


SENTENCE_END = re.compile(
    "[" + re.escape(_SENTENCE_END_MARKS) + r"]+[\"”’»)]*\s+(?=[\"“‘«(\[]?[A-Z0-9])"
)


def tokens_between(text: str, spans: list[QuoteSpan]) -> list[Token]:
    """The tokens outside the quotations (marks included in the quotations), with a
    :data:`QUOTATION_TOKEN` where each quotation stands."""
    tokens: list[Token] = []
    position = 0
    for span in spans:
        tokens += tokenize(text, position, span.opening)
        tokens.append(Token(QUOTATION_TOKEN, span.opening, span.opening + 1))
        # an unclosed quotation runs to the next opening mark or the paragraph's end
        position = span.closing + 1 if span.closing is not None else span.end
    return tokens + tokenize(text, position)


def sentence_starts(text: str, spans: list[QuoteSpan]) -> list[int]:
    """Offsets where sentences start; no boundary inside a quotation."""
    inside = [(s.opening, s.closing if s.closing is not None else s.end) for s in spans]
    opens = [b[0] for b in inside]
    starts = [0]
    for match in sentence_ends(text):
        at = match.start()
        i = bisect.bisect_right(opens, at) - 1
        if i >= 0 and match.end() <= inside[i][1]:
            continue  # inside a quotation; '... election." Rubio said' ends one after it
        if _ABBREVIATION.search(text, max(0, at - 5), at + 1):
            continue
        starts.append(match.end())
    return starts


def sentence_ends(text: str) -> Iterator[re.Match[str]]:
    """``SENTENCE_END.finditer(text)``, with the regex tried only where one of its opening
    marks stands (found with ``str.find``): scanning for them, the regex engine spends some
    sixty instructions a character. A match that fails at a mark fails at the marks after it
    in the same run, and a match never starts inside the one before it: the same matches."""
    end = 0
    for at in mark_positions(text, _SENTENCE_END_MARKS):
        if at >= end and (match := SENTENCE_END.match(text, at)) is not None:
            end = match.end()
            yield match


def next_after(starts: list[int], offset: int, default: int) -> int:
    i = bisect.bisect_right(starts, offset)
    return starts[i] if i < len(starts) else default
