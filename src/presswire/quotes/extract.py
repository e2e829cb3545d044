"""The driver: the steps of :mod:`presswire.quotes` (its docstring shows the data flow) run
over an article's paragraphs in order, passing on who spoke last for pronouns and for
quotation paragraphs without a cue."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from presswire.limits import Deadline
from presswire.models import Quote, Speaker
from presswire.quotes.assemble import Fragment, assemble
from presswire.quotes.confidence import CONFIDENCE, MIN_CONFIDENCE
from presswire.quotes.lexicon import DEFAULT_LEXICON, Lexicon
from presswire.quotes.marks import (
    mark_characters,
    normalise_pairs,
    spans_in_normalised,
)
from presswire.quotes.quotations import (
    MIN_UNATTRIBUTED_WORDS,
    cut_unclosed,
    paragraph_quotes,
    strip_span,
)
from presswire.quotes.reported import may_report, reported_statements
from presswire.quotes.resolve import find_introducer, subject_speaker
from presswire.quotes.sentences import sentence_starts, tokens_between
from presswire.quotes.speakers import PersonIndex

__all__ = ["MIN_UNATTRIBUTED_WORDS", "extract_quotes"]

WORD = re.compile(r"\w+")
LEAD_STATEMENTS_COMPARED = 20
"""How many of a lead's statements are compared with the body's (a standfirst holds a few)."""


def extract_quotes(
    paragraphs: Sequence[str],
    *,
    lead: str | None = None,
    lexicon: Lexicon = DEFAULT_LEXICON,
    context: Iterable[str] = (),
    block_paragraphs: Iterable[int] = (),
    deadline: Deadline | None = None,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[Quote]:
    """Every attribution in ``paragraphs``, quoted and reported, with its speaker.

    :param lead: the article's lead, read before the paragraphs: its statements come first,
        marked ``in_lead``. A statement the body repeats (a standfirst summing up the story)
        is given once, from the body.
    :param context: other text of the article (title, captions) that names people and
        their roles: 'Russian Deputy Foreign Minister Sergei Ryabkov' in a caption.
    :param block_paragraphs: indexes of paragraphs that are quotations set off without marks
        (from the plugin hook ``presswire_block_quotes``); they belong to the previous speaker.
    :param deadline: checked for every paragraph and every
        :data:`~presswire.quotes.quotations.DEADLINE_EVERY` quotations
        (:class:`~presswire.TimeLimitExceededError` when the document's time is up).
    :param min_confidence: leave out attributions less sure than this (by default
        :data:`~presswire.quotes.confidence.MIN_CONFIDENCE`, as ``parse`` does; 0 keeps the
        guesses too).
    """
    deadline = deadline or Deadline(None)
    if not lead:
        return _extract(
            paragraphs, lexicon, context, block_paragraphs, deadline, min_confidence, False
        )
    # The lead is read as the paragraph before the body, so its speakers carry on into it.
    found = _extract(
        (lead, *paragraphs),
        lexicon,
        context,
        [index + 1 for index in block_paragraphs],
        deadline,
        min_confidence,
        True,
    )
    in_lead = [quote for quote in found if quote.in_lead]
    body = found[len(in_lead) :]
    if not in_lead:
        return body
    repeated = _repeated_in(body)
    return [quote for quote in in_lead if not repeated(quote)] + body


def _words(text: str) -> str:
    """``text``'s words, lower case, one space apart: how a repeated statement is compared."""
    return " ".join(WORD.findall(text.lower()))


def _repeated_in(body: Sequence[Quote]) -> Callable[[Quote], bool]:
    """Whether a lead statement is one of ``body``'s by the same speaker: the content of one
    holds the other's ('relations hit their lowest point' in both)."""
    by_speaker: dict[str | None, list[str]] = {}
    for quote in body:
        by_speaker.setdefault(_speaker_key(quote), []).append(f" {_words(quote.text)} ")
    compared = 0

    def repeated(quote: Quote) -> bool:
        nonlocal compared
        compared += 1
        if compared > LEAD_STATEMENTS_COMPARED:
            return False  # no standfirst says this much: keep them all, in linear time
        words = f" {_words(quote.text)} "
        return words.strip() != "" and any(
            words in other or other in words for other in by_speaker.get(_speaker_key(quote), ())
        )

    return repeated


def _speaker_key(quote: Quote) -> str | None:
    return quote.speaker.key if quote.speaker is not None else None


def _extract(
    paragraphs: Sequence[str],
    lexicon: Lexicon,
    context: Iterable[str],
    block_paragraphs: Iterable[int],
    deadline: Deadline,
    min_confidence: float,
    lead_first: bool,
) -> list[Quote]:
    """:func:`extract_quotes` over ``paragraphs``, in order; with ``lead_first``, the first
    is the lead: its quotes are ``in_lead`` and the others' paragraph numbers one lower."""
    shift = 1 if lead_first else 0
    blocks = {index for index in block_paragraphs if 0 <= index < len(paragraphs)}
    shared: dict[Any, Any] = {}  # speakers and cues the quotes share (see assemble)
    pairs, marks = lexicon.quote_pairs, mark_characters(lexicon.quote_pairs)
    normalised = [normalise_pairs(text) for text in paragraphs]  # the same offsets, '' as "
    paragraph_spans = [spans_in_normalised(text, pairs, marks) for text in normalised]
    read_stance = min_confidence <= CONFIDENCE["stance"]  # else none would be kept
    to_read = [
        index
        for index, spans in enumerate(paragraph_spans)
        if spans or index in blocks or may_report(normalised[index], lexicon, read_stance)
    ]
    if not to_read:
        return []  # nothing quoted or reported anywhere: no names to index, no cues to read
    # Paragraphs after the last statement only pass on who spoke last: nobody reads it.
    last_needed = to_read[-1]
    reading = set(to_read)
    people = PersonIndex(paragraphs, lexicon, context)
    quotes: list[Quote] = []
    last: Speaker | None = None  # the last speaker, for pronouns and unattributed paragraphs
    introduced: str | None = None  # how the paragraph before leads to ``last``: 'He said:'
    for index, original in enumerate(paragraphs[: last_needed + 1]):
        deadline.check("finding quotes")
        text = normalised[index]
        spans = cut_unclosed(text, paragraph_spans[index], lexicon)
        # read once: let them go, so that the spans of paragraphs read and the quotes found
        # are never in memory together
        normalised[index], paragraph_spans[index] = "", []
        if index in blocks:
            quotes += _block(original, index - shift, last)
            continue
        if index not in reading:  # only who speaks at its start matters for what follows
            last, introduced = _leads_to(text, index, people, lexicon, last, introduced)
            continue
        quotations: list[Fragment] = []
        speaker_after = last
        tokens = None  # a paragraph without quotations is tokenized sentence by sentence
        sentences = sentence_starts(text, spans)
        if spans:
            tokens = tokens_between(text, spans)  # quotation content never holds its own cue
            quotations, speaker_after = paragraph_quotes(
                original,
                text,
                spans,
                tokens,
                sentences,
                index,
                people,
                lexicon,
                last,
                introduced,
                deadline,
            )
        ends = {
            span.opening: span.closing + 1 if span.closing is not None else span.end
            for span in spans
        }
        reported = reported_statements(
            text, tokens, sentences, ends, index, people, lexicon, last, read_stance, deadline
        )
        in_lead = lead_first and index == 0
        number = 0 if in_lead else index - shift
        found = assemble(original, number, quotations, reported, min_confidence, shared, in_lead)
        quotes += found
        spoken = [quote.speaker for quote in found if quote.speaker is not None]
        last = spoken[-1] if spoken else speaker_after
        if spans and spans[-1].closing is None and last is not None:
            introduced = "introduced"  # a quotation left open goes on in the next paragraph
        elif spoken:
            introduced = "after its speaker"  # 'Peskov noted that ...' / '“...”'
        elif not spans:
            last, introduced = _leads_to(text, index, people, lexicon, last, introduced)
        else:
            introduced = None
    return quotes


def _leads_to(
    text: str,
    index: int,
    people: PersonIndex,
    lexicon: Lexicon,
    last: Speaker | None,
    introduced: str | None,
) -> tuple[Speaker | None, str | None]:
    """Who may speak a quotation that opens the next paragraph without a cue, and how sure
    that is (a key of :data:`~presswire.quotes.confidence.CONFIDENCE`): the speaker this
    paragraph introduces ('He said:'), the person it opens with ('Peskov once again rejected
    the allegations.'); a paragraph that names nobody passes on what the one before said
    (``introduced``): an unrelated paragraph changes no attribution."""
    introducer = find_introducer(text, index, people, lexicon, last)
    if introducer is not None:
        return introducer, "introduced"
    subject = subject_speaker(text, index, people, lexicon, last)
    opens_with_pronoun = text.split(None, 1)[:1] in (["He"], ["She"])
    if subject is not None and (subject is not last or opens_with_pronoun):
        return subject, "after its speaker"
    if not people.mentions_in(index):
        return last, introduced
    return last, None


def _block(paragraph: str, index: int, last: Speaker | None) -> list[Quote]:
    """A quotation paragraph set off without marks (a plugin says which): the last speaker's."""
    start, end = strip_span(paragraph, 0, len(paragraph))
    if end <= start:
        return []
    return [
        Quote(
            text=paragraph[start:end],
            paragraph=index,
            start=start,
            end=end,
            kind="block",
            speaker=last,
            confidence=CONFIDENCE["block" if last else "no speaker"],
        )
    ]
