"""Words with offsets, and the word classes the attribution rules need."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence

__all__ = ["Token", "is_capitalised", "tokenize"]

# A word (with inner apostrophes, hyphens and dots: Russia’s, high-ranking, U.S., [Antony]) or
# one punctuation character. A dot joins only one or two characters after it ('U.S', '3.5',
# 'No.2'), so that a missing space after a full stop still ends a word: 'said.Trump'. ``{p}``
# makes the word's repeats possessive where the regex engine has them (Python 3.11): what
# follows them matches the empty string, so the greedy match is the match and the engine need
# not keep the places to back up to (a third of the split's time).
_WORD_OR_MARK = r"\[?\w+{p}(?:[’'\-]\w+{p}|\.\w{{1,2}}\b)*{p}\]?|[^\w\s]"
# As a group: ``split`` then gives the tokens of a run of non-space characters
# without a match object per token. Nothing in the pattern looks before a token's start or
# past a white space after its end: splitting a run gives the tokens it holds in the text.
_SPLIT = re.compile("(" + _WORD_OR_MARK.format(p="+" if sys.version_info >= (3, 11) else "") + ")")

_JOINS_WORD_BEFORE = "_]"
"""Characters besides letters and digits that a word token takes in at its end ('_' is \\w,
']' closes '[Antony]'): any other one after a word is a token of its own."""


class Token:
    """A word or punctuation mark with its offsets (a plain slotted class: it is made often)."""

    __slots__ = ("end", "is_word", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()
        self.is_word = text[0].isalnum() or text[0] == "["

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str, offset: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[offset:end]`` with offsets into ``text`` (a negative offset or end
    counts as 0, as for a regex's ``pos`` and ``endpos``)."""
    offset = max(offset, 0)
    stop = len(text) if end is None else max(end, 0)
    # No token holds white space, so the tokens are those of each run of non-space characters
    # (``str.split``: the same white space as the regex's ``\s``). Most runs are a word alone
    # ('said') or a word and a mark ('said.'), told apart without the regex, which costs tens
    # of times more per character. The fields Token.__init__ sets are set here: no call of
    # __init__ per token. A test holds all of it to the token pattern's matches.
    segment = text[offset:stop]
    runs = segment.split()
    make = Token.__new__
    tokens: list[Token] = []
    # Where the only white space is single spaces (a printable text has no other), each run
    # starts a character after the one before it ends, without a search for it.
    spaced = "  " not in segment and segment.isprintable()
    find = text.find
    position = offset + len(segment) - len(segment.lstrip())
    # Lower case needs no context across white space (only a final sigma has any), so the
    # runs of the text in lower case are those runs in lower case: one call for all of them.
    for chunk, lower in zip(runs, segment.lower().split(), strict=True):
        if not spaced:
            position = find(chunk, position)  # only white space lies before it
        if chunk.isalnum():  # one word (within \w+), the most common run: made inline
            token = make(Token)
            token.text = chunk
            token.start = position
            token.end = position = position + len(chunk)
            token.lower = lower
            token.is_word = True
            tokens.append(token)
            position += 1
            continue
        last = chunk[-1]
        if chunk[:-1].isalnum() and not last.isalnum() and last not in _JOINS_WORD_BEFORE:
            words: Sequence[str] = (chunk[:-1], last)  # 'said.', 'Peskov,'
        else:
            words = _SPLIT.split(chunk)[1::2]  # the white space around them is ''
        for word in words:
            token = make(Token)
            token.text = word
            token.start = position
            token.end = position = position + len(word)
            token.lower = word.lower()
            token.is_word = word[0].isalnum() or word[0] == "["
            tokens.append(token)
        position += 1
    return tokens


def is_capitalised(word: str) -> bool:
    first = word.lstrip("[")[:1]
    return first.isupper()
