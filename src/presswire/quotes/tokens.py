"""Words with offsets, and the word classes the attribution rules need."""

from __future__ import annotations

import re

from attrs import frozen

__all__ = ["Token", "is_capitalised", "tokenize"]

# A word (with inner apostrophes, hyphens and dots: Russia’s, high-ranking, U.S., [Antony]) or
# one punctuation character.
_TOKEN = re.compile(r"\[?\w+(?:[’'.\-]\w+)*\]?|[^\w\s]")


@frozen
class Token:
    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or self.text[0] == "["


def tokenize(text: str, offset: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[offset:end]`` with offsets into ``text``."""
    stop = len(text) if end is None else end
    return [Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, offset, stop)]


def is_capitalised(word: str) -> bool:
    first = word.lstrip("[")[:1]
    return first.isupper()
