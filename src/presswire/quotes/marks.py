"""Pairing quote marks inside one paragraph.

Marks are paired as opening and closing marks, not in sequence: a curly or angle mark says
which it is; a straight mark opens where a word starts after it and closes where one ended
before it. A quotation that is not closed runs to the end of its paragraph and no further
(a quotation over several paragraphs opens each paragraph and closes only the last), so an odd
number of marks never swallows the rest of an article. Single marks count only in a paragraph
without double marks, and never between two letters (an apostrophe). One pass: linear time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple

__all__ = ["QuoteSpan", "find_quote_spans"]

_CLOSING_PAIR = re.compile(r"(?<=\S)''")
_OPENING_PAIR = re.compile(r"''|``")
_SINGLE_OPEN = "\u2018"  # ‘
_SINGLE_CLOSE = "\u2019"  # ’
_STRAIGHT_SINGLE = "'"
_SINGLE_PAIRS = {_SINGLE_OPEN: _SINGLE_CLOSE, _STRAIGHT_SINGLE: _STRAIGHT_SINGLE}
_SINGLE_MARKS = frozenset({_SINGLE_OPEN, _SINGLE_CLOSE, _STRAIGHT_SINGLE})
_OPENS_AFTER = "([{—–-/:;,"
"""Besides white space, what a symmetric mark may follow when it opens a quotation."""


class QuoteSpan(NamedTuple):
    """One quotation in a paragraph: ``text[start:end]`` is its content without the marks (a
    tuple: one is made for every quotation of every paragraph)."""

    start: int
    end: int
    opening: int  # offset of the opening mark
    closing: int | None  # offset of the closing mark; None when it runs to the paragraph end
    single: bool = False  # marked with single quotes


def find_quote_spans(text: str, pairs: Mapping[str, str]) -> list[QuoteSpan]:
    """Every quotation in ``text`` (one paragraph), in order, non-overlapping."""
    return spans_in_normalised(normalise_pairs(text), pairs, mark_characters(pairs))


def spans_in_normalised(text: str, pairs: Mapping[str, str], marks: str) -> list[QuoteSpan]:
    """:func:`find_quote_spans` of a text :func:`normalise_pairs` gave, with the
    :func:`mark_characters` of ``pairs``: for a caller that reads many paragraphs."""
    spans = _pair(text, pairs, marks, single=False)
    if not spans and _may_open_single(text):  # most paragraphs have only apostrophes
        spans = _pair(text, _SINGLE_PAIRS, _SINGLE_MARK_CHARACTERS, single=True)
    return [span for span in spans if _has_words(text, span)]


def normalise_pairs(text: str) -> str:
    """Two apostrophes (or backticks) for a double mark, as some newspapers' text has it: a
    closing pair becomes '" ', an opening one ' "', so that offsets stay the text's."""
    if "''" in text or "``" in text:
        text = _CLOSING_PAIR.sub('" ', text)
        text = _OPENING_PAIR.sub(' "', text)
    return text


def _pair(text: str, pairs: Mapping[str, str], marks: str, *, single: bool) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    opening: int | None = None
    expected = ""
    for index in mark_positions(text, marks):
        char = text[index]
        if single and _inside_word(text, index):
            continue  # an apostrophe: Russia’s, don't
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if opening is not None and _closes_quotation(text, index, before, after, expected, pairs):
            spans.append(_span(text, opening, index, single))
            opening = None
        elif char in pairs and (pairs[char] != char or _opens(before, after)):
            if opening is not None:  # a new opening mark ends an unclosed quotation
                spans.append(_span(text, opening, None, single, stop=index))
            opening, expected = index, pairs[char]
    if opening is not None:
        spans.append(_span(text, opening, None, single))
    return spans


GUILLEMETS = frozenset("«»")


def _closes_quotation(
    text: str, index: int, before: str, after: str, expected: str, pairs: Mapping[str, str]
) -> bool:
    """Whether the mark at ``index`` (between the characters ``before`` and ``after``) closes
    the open quotation, whose closing marks are ``expected``."""
    char = text[index]
    if char not in expected:
        # an opening mark typed for the closing one: '“... in Iowa,“ said Clyburn'
        return char in pairs and _closes(before, after)
    return (
        char not in pairs
        or _closes(before, after)
        # French typography sets a space inside guillemets: '« Non »,'
        or (char in GUILLEMETS and not after.isalnum())
        # a space between a nested quotation's mark and ours: "... 'Well done,' \" said"
        or (before == " " and text[index - 2 : index - 1] in _SINGLE_MARKS)
    )


def mark_characters(pairs: Mapping[str, str]) -> str:
    """The characters of a pairs table (any opening or closing mark), each once."""
    return _mark_characters(tuple(pairs.items()))


@lru_cache(maxsize=64)
def _mark_characters(pairs: tuple[tuple[str, str], ...]) -> str:
    marks = {opening for opening, _ in pairs} | {close for _, closes in pairs for close in closes}
    return "".join(sorted(marks))


_SINGLE_MARK_CHARACTERS = mark_characters(_SINGLE_PAIRS)


def mark_positions(text: str, marks: str) -> list[int]:
    """The offsets of the characters ``marks`` in ``text``, in order. ``str.find`` for each
    mark runs at memchr speed and Python sees only the marks; a regex character class costs
    the engine some sixty instructions for every character of every paragraph."""
    positions: list[int] = []
    for mark in marks:
        index = text.find(mark)
        while index >= 0:
            positions.append(index)
            index = text.find(mark, index + 1)
    positions.sort()  # one sorted run for each mark: the sort merges them in linear time
    return positions


def _opens(before: str, after: str) -> bool:
    """A symmetric mark opens where it starts a word: after a space or bracket, before a word."""
    return not after.isspace() and (before.isspace() or before in _OPENS_AFTER)


def _may_open_single(text: str) -> bool:
    """Whether a single mark could open a quotation here: '‘', or "'" that :func:`_opens`.

    A ``str.find`` loop: a regex with a look-behind tried at every offset was twenty times
    slower, and this runs on every paragraph without double marks."""
    if _SINGLE_OPEN in text:
        return True
    index = text.find(_STRAIGHT_SINGLE)
    while index >= 0:
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if _opens(before, after):
            return True
        index = text.find(_STRAIGHT_SINGLE, index + 1)
    return False


def _closes(before: str, after: str) -> bool:
    return not before.isspace() and not after.isalnum()


def _inside_word(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return before.isalnum() and after.isalnum()


def _span(
    text: str, opening: int, closing: int | None, single: bool, *, stop: int | None = None
) -> QuoteSpan:
    end = closing if closing is not None else (stop if stop is not None else len(text))
    start = opening + 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start=start, end=end, opening=opening, closing=closing, single=single)


_ALPHANUMERIC = re.compile(r"[^\W_]")


def _has_words(text: str, span: QuoteSpan) -> bool:
    return _ALPHANUMERIC.search(text, span.start, span.end) is not None
