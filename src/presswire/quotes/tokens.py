"""Words with offsets, and the word classes the attribution rules need."""

from __future__ import annotations

import re
import sys

__all__ = ["Token", "is_capitalised", "tokenize"]

# A word (with inner apostrophes, hyphens and dots: Russia’s, high-ranking, U.S., [Antony]) or
# one punctuation character. A dot joins only one or two characters after it ('U.S', '3.5',
# 'No.2'), so that a missing space after a full stop still ends a word: 'said.Trump'. ``{p}``
# makes the word's repeats possessive where the regex engine has them (Python 3.11): what
# follows them matches the empty string, so the greedy match is the match and the engine need
# not keep the places to back up to (a third of the split's time).
_WORD_OR_MARK = r"\[?\w+{p}(?:[’'\-]\w+{p}|\.\w{{1,2}}\b)*{p}\]?|[^\w\s]"
_TOKEN = re.compile(_WORD_OR_MARK.format(p=""))
# The same as a group: ``split`` then gives the white space between tokens beside them, and
# every offset comes from adding up lengths, without a match object per token. Nothing in the
# pattern looks before a token's start: splitting a slice gives the tokens of the text's range.
_SPLIT = re.compile("(" + _WORD_OR_MARK.format(p="+" if sys.version_info >= (3, 11) else "") + ")")


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
    parts = _SPLIT.split(text[offset:stop])  # space, token, space, ..., token, space
    # The fields Token.__init__ sets, set here: no call of __init__ per token (a tenth of the
    # tokenizer's time). A test holds the two to the same tokens.
    make = Token.__new__
    tokens: list[Token] = []
    position = offset
    for index in range(1, len(parts), 2):
        word = parts[index]
        token = make(Token)
        token.text = word
        token.start = position = position + len(parts[index - 1])
        token.end = position = position + len(word)
        token.lower = word.lower()
        token.is_word = word[0].isalnum() or word[0] == "["
        tokens.append(token)
    return tokens


def is_capitalised(word: str) -> bool:
    first = word.lstrip("[")[:1]
    return first.isupper()
