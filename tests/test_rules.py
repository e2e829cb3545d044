"""Signals: their shortcuts (a required literal, the reach of a match, '^' read as a newline)
give the answer of a plain regex search."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from presswire import Document
from presswire.rules import Signal

PATTERNS = [
    r"^abc$",  # anchored at both ends, a literal
    r"^a|bab",  # '^' on one alternative only
    r"^(?<=\n)ab",  # a look-behind at the line start: never at the text's start
    r"^\Aab",  # only at the text's start
    r"bc\nab",  # a match over two lines
    r"^ab\w*$",  # unbounded: no reach
    r"(?<=a)bab",  # a look-behind before the literal
    r"\bbab",
    r"^ab",
    r"^a{1,3}bcb",  # the literal is not where a match starts
    re.compile(r"^ a b c", re.MULTILINE | re.VERBOSE),  # white space is no newline here
    re.compile(r"^abc"),  # not multi-line: '^' is the text's start only
]


@pytest.mark.parametrize("pattern", PATTERNS, ids=str)
@given(text=st.text(alphabet=st.sampled_from("abc \n"), max_size=40))
@example(text="abc")
@example(text="c\nabc")
@example(text="ab\nbab")
def test_signal_matches_where_its_pattern_searches(
    pattern: str | re.Pattern[str], text: str
) -> None:
    signal = Signal(pattern, weight=0.5, evidence="test")
    document = Document(text, source_format="text")
    compiled = signal.pattern
    assert signal.matches(document) == (compiled.search(document.clean_text) is not None)


def test_signal_shortcuts_are_read_off_the_pattern() -> None:
    anchored = Signal(r"^Press TV News Roku$", weight=0.5, evidence="menu")
    assert (anchored.required, anchored.reach) == ("Press TV News Roku", 18)
    assert anchored.after_newline is not None
    assert anchored.after_newline.pattern == r"\nPress TV News Roku$"
    unbounded = Signal(r"Also on rt\.com .*", weight=0.5, evidence="related")
    assert (unbounded.required, unbounded.reach, unbounded.after_newline) == (
        "Also on rt.com ",
        None,
        None,
    )
