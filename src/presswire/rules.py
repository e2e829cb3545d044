"""Helpers for keeping a plugin's rules as data: weighted signals for fingerprints, line tables.

A plugin declares *what* marks its outlet in tables; this module does the matching::

    SIGNALS = (
        Signal(r"^Think your friends would be interested\\? Share this story!$", 0.8,
               "RT share footer"),
        Signal(r"rt\\.com", 0.3, "rt.com URL", target="url"),
    )

    @hookimpl
    def presswire_fingerprint(document):
        return score_signals(document, SIGNALS)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any, Literal

from attrs import field, frozen, validators

from presswire.document import HEAD_LINES, clean_line
from presswire.models import Fingerprint

__all__ = [
    "HEAD_LINES",
    "MONTHS",
    "LineTable",
    "Signal",
    "clean_line",
    "combine_weights",
    "content_lines",
    "count_prose",
    "drop_repeats",
    "infer_year",
    "is_headline",
    "is_prose",
    "score_signals",
    "split_subheadings",
]

SignalTarget = Literal["text", "head", "markup", "url"]


def _compile(pattern: str | re.Pattern[str]) -> re.Pattern[str]:
    if isinstance(pattern, re.Pattern):
        return pattern
    return re.compile(pattern, re.MULTILINE)


EVIDENCE_CHARS = 80
"""How much of a signal's match a fingerprint's evidence shows."""


@frozen
class Signal:
    """One piece of evidence for an outlet, with its weight.

    :param pattern: a regular expression (compiled with ``re.MULTILINE``, so ``^``/``$`` match at
        line boundaries), matched against ``document.clean_text``: each line's white space is
        collapsed to single spaces and trimmed. Keep it linear: no nested quantifiers over the
        same characters.
    :param weight: in ``(0, 1]`` how sure a match alone makes the outlet; a negative weight in
        ``[-1, 0)`` is counter-evidence that scales the score down.
    :param evidence: what a match means, shown in the fingerprint.
    :param target: where to look: ``"text"`` the whole text dump, ``"head"`` its first
        :data:`HEAD_LINES` lines (both for text dumps only), ``"markup"`` the HTML source (for
        HTML pages only), ``"url"`` the URL hint (both). Text signals are not tried on HTML
        pages so that scoring a page never pays for parsing it: give HTML its own signals.
    """

    pattern: re.Pattern[str] = field(converter=_compile)
    weight: float = field(validator=[validators.ge(-1.0), validators.le(1.0)])
    evidence: str = field(validator=validators.instance_of(str))
    target: SignalTarget = field(
        default="text", validator=validators.in_(("text", "head", "markup", "url"))
    )

    required: str = field(init=False)
    """A literal every match contains: a cheap ``in`` test skips the regex on most pages."""

    reach: int | None = field(init=False)
    """The longest text a match can span (None: no bound): a match holds ``required``, so none
    starts further than this before its first occurrence, and the regex starts there."""

    after_newline: re.Pattern[str] | None = field(init=False)
    """For a pattern opening with '^' (at a line start): the same after a newline instead,
    which the regex engine looks for with a fast character scan rather than trying the
    pattern at every offset (seven times faster on a dump's head)."""

    @required.default
    def _required_literal(self) -> str:
        return required_literal(self.pattern)

    @after_newline.default
    def _after_newline(self) -> re.Pattern[str] | None:
        return after_newline(self.pattern)

    @reach.default
    def _longest_match(self) -> int | None:
        return longest_match(self.pattern)

    def matches(self, document: Any) -> bool:
        return self.find(document) is not None

    def find(self, document: Any) -> str | None:
        """The text the pattern matched in ``document`` (its first match), or None."""
        haystack = _haystack(document, self.target)
        if haystack is None:
            return None
        start = 0
        if self.required:
            first = haystack.find(self.required)
            if first < 0:
                return None
            if self.reach is not None:
                # '^' and look-behinds still see the text before ``start``: the same answer
                start = max(0, first - self.reach)
        if self.after_newline is None:
            found = self.pattern.search(haystack, start)
            return found.group(0) if found is not None else None
        # A match at a later line start is one of '\n...' a character before it, and so not
        # before ``start``: that is at least the required literal's length before the match.
        if start == 0 and (found := self.pattern.match(haystack)) is not None:
            return found.group(0)
        found = self.after_newline.search(haystack, start)
        return found.group(0).lstrip("\n") if found is not None else None

    def described(self, matched: str) -> str:
        """The evidence of a match: what it means, and what matched (shortened)."""
        shown = matched if len(matched) <= EVIDENCE_CHARS else matched[: EVIDENCE_CHARS - 1] + "…"
        return f"{self.evidence}: {shown!r}"


def required_literal(pattern: re.Pattern[str]) -> str:
    """The longest run of literal characters at the top level of ``pattern`` (outside groups,
    alternatives and repeats), which any match must contain; ``""`` when there is none or the
    pattern ignores case. Reads the pattern with the standard library's regex parser."""
    parsed = None if pattern.flags & re.IGNORECASE else _parse(pattern)
    if parsed is None:
        return ""
    parser, items = parsed
    best = run = ""
    for op, value in items:
        if op == parser.LITERAL:
            run += chr(value)
            best = max(best, run, key=len)
        else:
            run = ""
    return best if len(best) >= 3 else ""


def after_newline(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` with its opening '^' (multi-line) replaced by a newline, or None when it
    does not open so. Every match of the result but one at offset 0 is a newline followed by a
    match of ``pattern``, and every match of ``pattern`` after the first line is one of these."""
    if not pattern.flags & re.MULTILINE or not pattern.pattern.startswith("^"):
        return None
    try:  # an escaped newline: a literal one would be white space to re.VERBOSE
        return re.compile("\\n" + pattern.pattern[1:], pattern.flags)
    except re.error:
        return None


def longest_match(pattern: re.Pattern[str]) -> int | None:
    """The most characters a match of ``pattern`` can span, or None when that is not bounded
    (or the standard library's regex parser cannot tell)."""
    parsed = _parse(pattern)
    if parsed is None:
        return None
    parser, items = parsed
    try:
        longest = items.getwidth()[1]
    except Exception:  # a pattern the parser reads but cannot measure: search it all
        return None
    return None if longest >= parser.MAXREPEAT else int(longest)


def _parse(pattern: re.Pattern[str]) -> tuple[Any, Any] | None:
    """The standard library's regex parser and its reading of ``pattern``, or None when it
    cannot read it (a shortcut built on it is then left out: the same answers, slower)."""
    try:
        parser: Any = getattr(re, "_parser", None)
        if parser is None:  # Python 3.10
            import sre_parse as parser
        return parser, parser.parse(pattern.pattern, pattern.flags)
    except Exception:
        return None


def _haystack(document: Any, target: str) -> str | None:
    if target == "url":
        url: str | None = document.url
        return url
    if target == "markup":
        markup: str | None = document.markup
        return markup
    if document.source_format != "text":
        return None
    text: str = document.head if target == "head" else document.clean_text
    return text


def combine_weights(weights: Iterable[float]) -> float:
    """Combine independent evidence: ``1 - prod(1 - w)`` over positive weights (noisy-or), then
    scale by ``prod(1 - |w|)`` over negative ones. Two 0.5 signals give 0.75."""
    miss, penalty = 1.0, 1.0
    for weight in weights:
        if weight >= 0:
            miss *= 1.0 - weight
        else:
            penalty *= 1.0 + weight
    return round(max(0.0, min(1.0, (1.0 - miss) * penalty)), 4)


def score_signals(document: Any, signals: Iterable[Signal]) -> Fingerprint:
    """Match ``signals`` against ``document`` and return the combined :class:`Fingerprint`."""
    matched = [
        (signal, found) for signal in signals if (found := signal.find(document)) is not None
    ]
    return Fingerprint(
        score=combine_weights(signal.weight for signal, _ in matched),
        evidence=tuple(signal.described(found) for signal, found in matched),
    )


def _to_frozenset(items: Iterable[str]) -> frozenset[str]:
    return frozenset(items)


def _compile_all(patterns: Iterable[str | re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    return tuple(_compile(p) for p in patterns)


@frozen
class LineTable:
    """A table of boilerplate lines: exact lines (after :func:`clean_line`) and patterns.

    ``table.matches(line)`` is True when the cleaned line is one of ``exact`` or a pattern
    ``fullmatch``-es it. Exact lines are a set lookup, so long tables cost nothing per line.
    ``table.matches_clean(line)`` gives the same answer for a line that is clean already (an
    item of ``Document.content_lines`` or ``clean_lines``) without cleaning it again.
    """

    exact: frozenset[str] = field(default=frozenset(), converter=_to_frozenset)
    patterns: tuple[re.Pattern[str], ...] = field(default=(), converter=_compile_all)

    def matches(self, line: str) -> bool:
        return self.matches_clean(clean_line(line))

    def matches_clean(self, line: str) -> bool:
        """:meth:`matches` for a line :func:`clean_line` gave: telling that a line is clean
        reads every character, and plugins test each of a page's lines against tables."""
        if line in self.exact:
            return True
        for pattern in self.patterns:  # noqa: SIM110 (a loop: no generator for every line)
            if pattern.fullmatch(line):
                return True
        return False


# ---------------------------------------------------------------- lines of a text dump
SENTENCE_ENDINGS = (".", "!", "?", "…", '"', "”", "’", "'", "»", ")", ":")
"""Characters a body paragraph ends with; headlines, labels and menu items end otherwise."""
_ENDING_CHARACTERS = frozenset(SENTENCE_ENDINGS)
# One character each: a text ends a sentence when its last character is in the set. A set
# lookup of that character costs a tenth of ``endswith`` with the tuple, which tries every
# ending on a line that ends with none (most lines of a page's menus and headers).
MIN_PROSE_WORDS = 8
"""Fewer words than this is a headline, label or menu item rather than a body paragraph."""


def is_prose(text: str) -> bool:
    """True for a line that reads as a body paragraph: several words, ends a sentence."""
    # the ending first (cheap), then at most MIN_PROSE_WORDS splits, not every word
    return (
        text.rstrip()[-1:] in _ENDING_CHARACTERS
        and len(text.split(None, MIN_PROSE_WORDS - 1)) >= MIN_PROSE_WORDS
    )


def count_prose(lines: Iterable[str]) -> int:
    """How many of ``lines`` are prose (:func:`is_prose`), for lines :func:`clean_line` gave
    (``Document.content_lines``): with single spaces and none at the ends, a line's words are
    its spaces and one, so nothing is split (a fingerprint counts the prose of every page)."""
    least_spaces = MIN_PROSE_WORDS - 1
    return sum(
        1 for line in lines if line[-1:] in _ENDING_CHARACTERS and line.count(" ") >= least_spaces
    )


def is_headline(text: str, *, max_words: int = 30) -> bool:
    """True for a line that reads as a headline or subheading: words, no sentence ending."""
    # the ending first (cheap: most lines of a body end a sentence), then at most
    # max_words + 1 splits, not every word of a long paragraph
    if text.rstrip()[-1:] in _ENDING_CHARACTERS:
        return False
    return 2 <= len(text.split(None, max_words)) <= max_words


def content_lines(lines: Iterable[str]) -> list[str]:
    """The non-empty lines of a dump, each cleaned with :func:`clean_line`."""
    return [cleaned for line in lines if (cleaned := clean_line(line))]


def drop_repeats(items: Iterable[str]) -> list[str]:
    """``items`` without consecutive repeats (dumps print titles and captions twice)."""
    result: list[str] = []
    for item in items:
        if not result or result[-1] != item:
            result.append(item)
    return result


MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
"""English month names and abbreviations, lower case, to month numbers."""


def split_subheadings(lines: Iterable[str]) -> tuple[list[str], list[str]]:
    """Split body lines into ``(paragraphs, subheadings)``.

    A subheading is a headline-like line (:func:`is_headline`) directly followed by a prose
    line; any other line is a paragraph, so no text is lost.
    """
    items = list(lines)
    paragraphs: list[str] = []
    subheadings: list[str] = []
    for index, line in enumerate(items):
        following = items[index + 1] if index + 1 < len(items) else None
        if following is not None and is_headline(line, max_words=20) and is_prose(following):
            subheadings.append(line)
        else:
            paragraphs.append(line)
    return paragraphs, subheadings


def infer_year(month: int, day: int, reference: date | None) -> int | None:
    """The year of a day-and-month date printed without one, from a nearby ``reference`` date
    (such as the date a scraper stored beside the page); ``None`` when nothing pins it down.

    The date must fall within 2 days of the reference in one of the reference's year, the year
    before or the year after; otherwise the year is not known and is not guessed.
    """
    if reference is None:
        return None
    for year in (reference.year, reference.year - 1, reference.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if abs((candidate - reference).days) <= 2:
            return year
    return None
