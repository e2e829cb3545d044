"""Quotations (words between quote marks) and their speakers, paragraph by paragraph.

For each quotation (:mod:`presswire.quotes.marks`) the attribution is looked for in this order:

1. after it in its sentence: ``“...,” Ryabkov added`` / ``“...,” said Peskov`` /
   ``“...,” TASS quoted Ryabkov as saying`` (then ``via`` is TASS);
2. before it in its sentence: ``He then noted that "..."`` / ``Ryabkov said Russia cannot hope
   for a “dynamic improvement”`` / ``According to Lavrov, ...``;
3. the quotation before it in the same paragraph (``“...,” he continued. “...”``);
4. ``According to X,`` opening the paragraph;
5. for a quotation that stands as a sentence of its own, the last speaker before it (a
   sentence that goes on after the closing mark makes it a title: '“Hawaii Five-0,” the
   procedural, ...').

A quotation with none of these and fewer than :data:`MIN_UNATTRIBUTED_WORDS` words is a scare
quote or a name (``The ‘Russiagate’ narrative``) and is not reported. Speakers are resolved to
the people of the article by :mod:`presswire.quotes.speakers`. Everything is linear in the text."""

from __future__ import annotations

import bisect

from presswire.limits import Deadline
from presswire.models import QuoteKind, Speaker
from presswire.quotes.assemble import Fragment
from presswire.quotes.confidence import CONFIDENCE
from presswire.quotes.cues import (
    CUE_WINDOW,
    cue_after,
    cue_before,
    name_and_colon,
    relayed_by,
    subject_cue,
)
from presswire.quotes.lexicon import Lexicon
from presswire.quotes.marks import QuoteSpan
from presswire.quotes.reported import closing_attribution
from presswire.quotes.resolve import (
    according_to_opening,
    resolve_speaker,
)
from presswire.quotes.sentences import next_after
from presswire.quotes.speakers import PersonIndex
from presswire.quotes.tokens import Token, tokenize

__all__ = [
    "AFTER_WINDOW",
    "BEFORE_WINDOW",
    "DEADLINE_EVERY",
    "MAX_SPACE_AFTER_MARK",
    "MIN_UNATTRIBUTED_WORDS",
    "QUOTE_SENTENCE_ENDS",
    "SUBJECT_MIN_WORDS",
    "cut_unclosed",
    "paragraph_quotes",
    "strip_span",
]


SUBJECT_MIN_WORDS = 4
"""Words a partial quotation with no cue needs before the subject of its sentence is taken
as its speaker ('Paul Ryan worried that the safety net was becoming “a hammock that lulls
able-bodied people”'); shorter ones are mostly terms and names ('the “establishment”')."""


MIN_UNATTRIBUTED_WORDS = 6
"""An unattributed quotation shorter than this is a scare quote or a title, not a quote."""


MAX_SPACE_AFTER_MARK = 8
"""Characters of white space after a closing mark still read as 'right after' it."""


QUOTE_SENTENCE_ENDS = ("!", "?")
"""A quotation ending in one of these inside its closing mark may take its attribution from
the sentence after ('“... our fix!” Clinton said'); one ending in a full stop does not ('...
the election.” Rubio said the polls ...' starts a new sentence)."""


BEFORE_WINDOW = 60
"""How many tokens of its sentence before a quotation are searched for its attribution."""


DEADLINE_EVERY = 256
"""Quotations in one paragraph between two checks of the document's deadline."""


AFTER_WINDOW = 40
"""How many tokens after a quotation are read: the cue, its speaker and an 'according to'."""


def paragraph_quotes(
    original: str,
    text: str,
    spans: list[QuoteSpan],
    tokens: list[Token],
    sentences: list[int],
    index: int,
    people: PersonIndex,
    lexicon: Lexicon,
    last: Speaker | None,
    introduced: str | None,
    deadline: Deadline,
) -> tuple[list[Fragment], Speaker | None]:
    """The paragraph's quotations with their speakers, and the last speaker after them.

    ``text`` is ``original`` with its '' pairs read as double marks (the same offsets),
    ``spans`` its quotations, ``tokens`` the tokens outside them
    (:func:`~presswire.quotes.sentences.tokens_between`) and ``sentences`` where its
    sentences start; ``introduced`` says how the paragraph before leads to ``last`` (a key of
    :data:`~presswire.quotes.confidence.CONFIDENCE`: 'He said:', the person it opens with), or
    None."""
    starts = [t.start for t in tokens]
    paragraph_speaker = according_to_opening(tokens, text, index, people, lexicon, last)
    quotes: list[Fragment] = []
    previous: tuple[QuoteSpan, Speaker | None, str | None] | None = None  # span, speaker, via
    attributed_until = -1  # where the sentence of the last quotation with a cue ends
    for number, span in enumerate(spans):
        if number % DEADLINE_EVERY == DEADLINE_EVERY - 1:
            deadline.check("finding quotes")
        sentence_start = sentences[bisect.bisect_right(sentences, span.opening) - 1]
        sentence_end = next_after(sentences, span.opening, len(text))
        next_opening = spans[number + 1].opening if number + 1 < len(spans) else len(text)
        after_end = min(sentence_end, next_opening)
        after_from = (span.closing + 1) if span.closing is not None else span.end
        before_from = sentence_start
        if previous is not None and previous[0].opening >= sentence_start:
            before_from = (previous[0].closing or previous[0].end) + 1
        # Token windows around the quotation, bounded so that a sentence of thousands of
        # quotations costs linear time: cues sit near their quotation.
        quote_at = bisect.bisect_left(starts, span.opening)
        first = max(bisect.bisect_left(starts, sentence_start), quote_at - BEFORE_WINDOW)
        outside_before = list(range(first, quote_at))
        near_before = list(range(max(first, bisect.bisect_left(starts, before_from)), quote_at))
        after_at = bisect.bisect_left(starts, after_from)
        after = list(
            range(after_at, min(bisect.bisect_left(starts, after_end), after_at + AFTER_WINDOW))
        )
        if _embedded(tokens, near_before) and not _comma_after(text, span, tokens, after):
            # 'Sims say he was “riding the fence” until Haley said ...': a quotation inside a
            # clause belongs to that clause's verb before any verb after it
            cue = (
                cue_before(tokens, near_before, lexicon, people)
                or cue_before(tokens, outside_before, lexicon, people)
                or cue_after(tokens, after, lexicon)
            )
        else:
            cue = (
                cue_after(tokens, after, lexicon)
                or cue_before(tokens, near_before, lexicon, people)
                or cue_before(tokens, outside_before, lexicon, people)
            )
        cue_sentence_end = sentence_end
        continues = False
        if cue is None and _ends_sentence_with(text, span, sentence_end):
            # '“... our fix!” Clinton said to People.': the attribution is the next sentence
            next_end = min(next_after(sentences, sentence_end, len(text)), next_opening)
            following = list(
                range(after_at, min(bisect.bisect_left(starts, next_end), after_at + CUE_WINDOW))
            )
            cue = cue_after(tokens, following, lexicon)
            cue_sentence_end = next_end
        if cue is None:
            cue = name_and_colon(tokens, near_before, lexicon, people)
        kind = _kind(text, tokens, outside_before, span)
        opening = bisect.bisect_left(starts, sentence_start)  # the sentence's first token
        confidence = CONFIDENCE["cue"]
        if cue is None and kind == "partial" and outside_before and _worded(text, span):
            cue = subject_cue(tokens, opening, first, quote_at, lexicon, people)
            confidence = CONFIDENCE["sentence subject"]  # read only when cue is found
        speaker: Speaker | None = None
        via = cue.via if cue else None
        if via is None and cue is not None and cue.verb not in (None, "according to"):
            via = relayed_by(tokens, opening, cue, quote_at, after, lexicon)
        if cue is not None:
            speaker = resolve_speaker(tokens, cue, text, index, people, lexicon, last)
        elif (
            previous is not None
            and previous[1] is not None
            and (
                _adjacent(text, previous[0], span)
                # '“...,” said Tim Hess, a developer who introduced him to bankers. “...”': the
                # sentence after a quotation's attribution, itself a quotation, goes on with it
                # (a direct quotation: nothing stands before it in its sentence)
                or (
                    attributed_until == sentence_start
                    and not outside_before
                    and not _words_in(tokens, after)
                )
            )
        ):
            speaker, via = previous[1], previous[2]  # the same words, relayed the same way
            confidence = CONFIDENCE["interrupted" if kind == "direct" else "next partial"]
            continues = True
        elif paragraph_speaker is not None:
            speaker, confidence = paragraph_speaker, CONFIDENCE["according to opening"]
        elif not outside_before and last is not None and not _words_in(tokens, after):
            # a quotation standing as a sentence continues the last speaker; one that a
            # sentence goes on from ('“Hawaii Five-0,” the 1960s procedural, ...') is a title
            speaker = last
            confidence = CONFIDENCE[
                introduced if introduced and number == 0 else "continues last speaker"
            ]
        start, end = strip_span(text, span.start, span.end)
        if end <= start:  # nothing but white space and commas between the marks
            previous = (span, None, None)
            continue
        if speaker is None and (
            span.single or len(text[start:end].split()) < MIN_UNATTRIBUTED_WORDS
        ):
            previous = (span, None, None)
            continue
        quotes.append(
            Fragment(
                start,
                end,
                kind,
                speaker,
                cue.verb if cue else None,
                via,
                confidence if speaker else CONFIDENCE["no speaker"],
                sentence_start,
                continues,
            )
        )
        previous = (span, speaker, via)
        if cue is not None:
            attributed_until = cue_sentence_end
        if speaker is not None:
            last = speaker
    return quotes, last


def cut_unclosed(text: str, spans: list[QuoteSpan], lexicon: Lexicon) -> list[QuoteSpan]:
    """The spans, each quotation that has no closing mark ended at a comma an attribution
    follows ('“We will not leave, said a 43-year-old protester who ...'): the attribution is
    not part of what was said, and names the speaker."""
    if all(span.closing is not None for span in spans):
        return spans  # the common case
    cut = []
    for span in spans:
        if span.closing is None:
            tokens = tokenize(text, span.start, span.end)
            for k, token in enumerate(tokens):
                if (
                    token.text == ","
                    and k > 0  # words of its own before the comma
                    and closing_attribution(tokens, k + 1, len(tokens), lexicon)
                ):
                    span = span._replace(end=token.start)
                    break
        cut.append(span)
    return cut


def _embedded(tokens: list[Token], before: list[int]) -> bool:
    """Whether a quotation continues a clause: words before it that do not end in a comma or
    colon ('called Trump “unhinged”', not 'said: “...”')."""
    return len(before) >= 2 and tokens[before[-1]].text not in {",", ":"}


def _words_in(tokens: list[Token], indexes: list[int]) -> bool:
    return any(tokens[i].is_word for i in indexes)


def _comma_after(text: str, span: QuoteSpan, tokens: list[Token], after: list[int]) -> bool:
    """A comma closes the quotation, inside its marks or after them: '“...,” he said'."""
    inside = text[span.start : span.end].rstrip()
    return inside.endswith(",") or bool(after and tokens[after[0]].text == ",")


def _ends_sentence_with(text: str, span: QuoteSpan, sentence_end: int) -> bool:
    """Whether the quotation ends its sentence (nothing but white space after its closing
    mark) with one of :data:`QUOTE_SENTENCE_ENDS` inside the mark: '“... our fix!” Clinton
    said'."""
    # (the sentence must end right after the mark: a bounded slice keeps a sentence of
    # thousands of quotations linear)
    if span.closing is None or sentence_end - span.closing > MAX_SPACE_AFTER_MARK:
        return False
    if text[span.closing + 1 : sentence_end].strip():
        return False
    inside = text[span.start : span.end].rstrip()
    return inside.endswith(QUOTE_SENTENCE_ENDS)


def _worded(text: str, span: QuoteSpan) -> bool:
    """A quotation of several words in sentence case: words someone said, not a name or a
    scare-quoted term ('the “establishment”', 'CNN’s “The Lead”')."""
    words = text[span.start : span.end].split(None, SUBJECT_MIN_WORDS)
    return len(words) >= SUBJECT_MIN_WORDS and any(w[:1].islower() for w in words)


def _adjacent(text: str, first: QuoteSpan, second: QuoteSpan) -> bool:
    """Nothing but punctuation, a cue and white space between two quotations."""
    between = text[(first.closing or first.end) + 1 : second.opening]
    return len(between.split()) <= CUE_WINDOW


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _kind(text: str, tokens: list[Token], before: list[int], span: QuoteSpan) -> QuoteKind:
    """Direct when the quotation is a sentence of its own or follows 'said:' / 'that' with a
    capital letter; partial when it is a fragment inside a sentence of reported speech."""
    if not before:
        return "direct"
    last = tokens[before[-1]].lower
    starts_upper = text[span.start : span.start + 1].isupper()
    return "direct" if starts_upper and last in {":", ",", "that"} else "partial"
