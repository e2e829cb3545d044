"""The driver: the steps of :mod:`presswire.quotes` (its docstring shows the data flow) run
over an article's paragraphs in order, passing on who spoke last for pronouns and for
quotation paragraphs without a cue."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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


def extract_quotes(
    paragraphs: Sequence[str],
    *,
    lexicon: Lexicon = DEFAULT_LEXICON,
    context: Iterable[str] = (),
    block_paragraphs: Iterable[int] = (),
    deadline: Deadline | None = None,
    min_confidence: float = MIN_CONFIDENCE,
) -> list[Quote]:
    """Every attribution in ``paragraphs``, quoted and reported, with its speaker.

    :param context: other text of the article (title, lead, captions) that names people and
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
    blocks = {index for index in block_paragraphs if 0 <= index < len(paragraphs)}
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
        if index in blocks:
            quotes += _block(original, index, last)
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
        found = assemble(original, index, quotations, reported, min_confidence)
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
