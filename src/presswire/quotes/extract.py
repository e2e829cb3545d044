"""Attributions of an article: what each person said, quoted or reported, and who said it.

The data flow, paragraph by paragraph (each step a module of this package)::

    paragraphs ──marks──> quotation spans ──tokens/sentences──> tokens outside quotations
        │                       │
        │                 quotations: each quotation's cue (cues) and speaker (resolve)
        │                       │                    ──> quotation fragments
        └──reported: sentences of reported speech (cues' frames, resolve)
                                │                    ──> reported statements
                          assemble: fragments of one statement joined ('“...,” he said.
                          “...”'), quotations inside a reported clause made one mixed
                          statement, confidence (confidence) ──> Quote objects

Speakers are resolved against the people of the whole article (titles and captions included,
:mod:`presswire.quotes.speakers`). Everything is linear in the text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from presswire.limits import Deadline
from presswire.models import Quote, Speaker
from presswire.quotes.confidence import CONFIDENCE
from presswire.quotes.lexicon import DEFAULT_LEXICON, Lexicon
from presswire.quotes.marks import (
    mark_characters,
    normalise_pairs,
    spans_in_normalised,
)
from presswire.quotes.quotations import (
    MIN_UNATTRIBUTED_WORDS,
    paragraph_quotes,
    strip_span,
)
from presswire.quotes.speakers import (
    PersonIndex,
)

__all__ = ["MIN_UNATTRIBUTED_WORDS", "extract_quotes"]


def extract_quotes(
    paragraphs: Sequence[str],
    *,
    lexicon: Lexicon = DEFAULT_LEXICON,
    context: Iterable[str] = (),
    block_paragraphs: Iterable[int] = (),
    deadline: Deadline | None = None,
) -> list[Quote]:
    """Every quote in ``paragraphs`` with its speaker.

    :param context: other text of the article (title, lead, captions) that names people and
        their roles: 'Russian Deputy Foreign Minister Sergei Ryabkov' in a caption.
    :param block_paragraphs: indexes of paragraphs that are quotations set off without marks
        (from the plugin hook ``presswire_block_quotes``); they belong to the previous speaker.
    :param deadline: checked for every paragraph and every :data:`DEADLINE_EVERY` quotations
        (:class:`~presswire.TimeLimitExceededError` when the document's time is up).
    """
    deadline = deadline or Deadline(None)
    blocks = {index for index in block_paragraphs if 0 <= index < len(paragraphs)}
    pairs, marks = lexicon.quote_pairs, mark_characters(lexicon.quote_pairs)
    normalised = [normalise_pairs(text) for text in paragraphs]  # the same offsets, '' as "
    paragraph_spans = [spans_in_normalised(text, pairs, marks) for text in normalised]
    with_quotes = [index for index, spans in enumerate(paragraph_spans) if spans]
    if not blocks and not with_quotes:
        return []  # no quotation anywhere: no names to index, no cues to read
    # Paragraphs after the last quotation only pass on who spoke last: nobody reads it.
    last_needed = max([*with_quotes, *blocks])
    people = PersonIndex(paragraphs, lexicon, context)
    quotes: list[Quote] = []
    last: Speaker | None = None  # the last speaker, for pronouns and unattributed paragraphs
    introduced = False  # whether the paragraph before introduced ``last``: 'He said:'
    for index, text in enumerate(paragraphs[: last_needed + 1]):
        deadline.check("finding quotes")
        if index in blocks:
            start, end = strip_span(text, 0, len(text))
            if end > start:
                quotes.append(
                    Quote(
                        text=text[start:end],
                        paragraph=index,
                        start=start,
                        end=end,
                        kind="block",
                        speaker=last,
                        confidence=CONFIDENCE["block" if last else "no speaker"],
                    )
                )
            continue
        found, last, introduced = paragraph_quotes(
            text,
            normalised[index],
            paragraph_spans[index],
            index,
            people,
            lexicon,
            last,
            introduced,
            deadline,
        )
        quotes.extend(found)
    return quotes
