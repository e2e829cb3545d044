"""Reported speech: statements without quote marks, and clauses that hold a quotation.

Each sentence of a paragraph is read for these frames, in this order (the verbs are the
lexicon's ``clause_verbs`` and ``bare_clause_verbs``, data that plugins extend):

1. ``According to X, CONTENT.``;
2. ``X VERB (that) CONTENT``: 'Ryabkov noted that ...', 'Peskov said Moscow is ready',
   'Peskov told RT (that) ...', 'TASS quoted Ryabkov as saying that ...' (speaker Ryabkov,
   via TASS); the content runs to the end of the sentence, or of its clause (a ';', ', adding',
   ', according to X', which then relays it);
3. ``CONTENT, X VERB.`` and ``CONTENT, according to X.``: the attribution closes the sentence.

The content must hold words of its own: a content that is a quotation alone is a direct quote
('He said: “...”'), which :mod:`presswire.quotes.quotations` reads. A sentence may hold
several statements ('Trump, who said he would win, added that ...').
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping

from presswire.models import Speaker
from presswire.quotes.assemble import Fragment
from presswire.quotes.confidence import CONFIDENCE
from presswire.quotes.cues import (
    QUOTED_AS,
    SENTENCE_ENDS,
    TELLING_VERBS,
    Cue,
    according_source,
    closing_according,
    closing_cue,
    relayed_before,
    told_agency,
)
from presswire.quotes.grammar import ACCORDING, ACCORDING_MODIFIERS, DETERMINERS
from presswire.quotes.lexicon import Lexicon, words
from presswire.quotes.phrases import (
    POSSESSIVE_PRONOUNS,
    phrase_after,
    phrase_before,
    sentence_subject,
    skip_back,
)
from presswire.quotes.resolve import resolve_speaker
from presswire.quotes.sentences import QUOTATION_TOKEN
from presswire.quotes.speakers import PersonIndex
from presswire.quotes.tokens import Token

__all__ = ["MIN_CONTENT_WORDS", "may_report", "reported_statements"]

MIN_CONTENT_WORDS = 3
"""Words a reported statement needs: 'he said so' reports nothing a reader can use."""
THAT_REACH = 8
"""Tokens between a verb and its 'that' ('said in a statement on Monday that')."""
NEW_STATEMENT_REACH = 4
"""Words after a comma within which a clause verb opens a statement of its own."""
CLAUSE_CUTS = frozenset({";", "(", ")"})
"""Marks that end the clause a statement is reported in."""
NOT_CLAUSE_OPENERS = frozenset(
    words(
        """
    to of about for with from on in at by into as over after before during against without
    so yes no goodbye hello thanks sorry nothing anything something much more little
    """
    )
)
"""Words after a verb that open no reported clause: 'said to be', 'talked about', 'said so'."""
COORDINATORS = frozenset({"and", "but"})
"""Words that join a second verb to its sentence's subject: 'announced ... and said'."""
NOT_SPEAKERS = frozenset({"it", "this", "that", "there", "which", "what"})
"""Subjects that are no speaker: 'it is said that', 'this shows that'."""
BARE_OPENERS = frozenset(
    words(
        """
    he she they we i it there the a an his her their its our this these those that
    """
    )
)
"""Lower-case words that may open a clause reported without 'that' ('said he would', 'said
the talks failed'); a capitalised word may as well ('said Moscow is ready')."""


def may_report(text: str, lexicon: Lexicon) -> bool:
    """Whether a paragraph holds a word that may report speech: a cheap test that spares the
    tokens of most paragraphs that report nothing."""
    verbs = _marked_verbs(lexicon.clause_verbs)
    lowered = text.lower()
    return "according to" in lowered or not verbs.isdisjoint(lowered.split())


_MARKED: dict[frozenset[str], frozenset[str]] = {}


def _marked_verbs(verbs: frozenset[str]) -> frozenset[str]:
    """The verbs as they stand between white space: alone or with a mark after them."""
    found = _MARKED.get(verbs)
    if found is None:
        found = _MARKED[verbs] = frozenset(
            verb + mark for verb in verbs for mark in ("", ",", ".", ":", ";")
        )
    return found


def reported_statements(
    text: str,
    tokens: list[Token],
    sentences: list[int],
    quotation_ends: Mapping[int, int],
    index: int,
    people: PersonIndex,
    lexicon: Lexicon,
    last: Speaker | None,
) -> list[list[Fragment]]:
    """The statements of reported speech in a paragraph.

    :param tokens: the tokens outside its quotations, a :data:`QUOTATION_TOKEN` where each
        quotation stands (:func:`~presswire.quotes.sentences.tokens_between`).
    :param sentences: where its sentences start.
    :param quotation_ends: for each quotation's opening mark, the offset after its closing
        mark.
    """
    starts = [token.start for token in tokens]
    found: list[list[Fragment]] = []
    for number, sentence in enumerate(sentences):
        first = bisect.bisect_left(starts, sentence)
        end = sentences[number + 1] if number + 1 < len(sentences) else len(text)
        stop = bisect.bisect_left(starts, end)
        if stop - first < MIN_CONTENT_WORDS + 1:
            continue
        for cue, contents in _frames(tokens, first, stop, lexicon, people):
            speaker = resolve_speaker(tokens, cue, text, index, people, lexicon, last)
            if speaker.mention.lower() in NOT_SPEAKERS:
                continue
            pieces = [_trimmed(tokens, start, end) for start, end in contents]
            pieces = [(start, end) for start, end in pieces if end > start]
            own_words = sum(tokens[k].is_word for start, end in pieces for k in range(start, end))
            if own_words < MIN_CONTENT_WORDS:
                continue  # too short, or a quotation alone: a direct quote, not reported
            found.append(
                [
                    _fragment(tokens, start, end, quotation_ends, cue, speaker, sentence, n > 0)
                    for n, (start, end) in enumerate(pieces)
                ]
            )
    return found


def _trimmed(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """The content ``start:end`` without the marks that close it (a full stop, a comma)."""
    while end > start and not (tokens[end - 1].is_word or tokens[end - 1].text == QUOTATION_TOKEN):
        end -= 1
    while start < end and tokens[start].text in {",", ":", "-", "—", "–"}:
        start += 1
    return start, end


def _fragment(
    tokens: list[Token],
    start: int,
    end: int,
    quotation_ends: Mapping[int, int],
    cue: Cue,
    speaker: Speaker,
    sentence: int,
    continues: bool,
) -> Fragment:
    """The content ``tokens[start:end]`` as a fragment: mixed when it holds a quotation."""
    last = tokens[end - 1]
    finish = quotation_ends.get(last.start, last.end) if last.text == QUOTATION_TOKEN else last.end
    quoted = any(tokens[k].text == QUOTATION_TOKEN for k in range(start, end))
    return Fragment(
        tokens[start].start,
        finish,
        "mixed" if quoted else "indirect",
        speaker,
        cue.verb,
        cue.via,
        CONFIDENCE["reported"],
        sentence,
        continues,
    )


Frame = tuple[Cue, list[tuple[int, int]]]
"""A cue and the token ranges of what it reports (two for 'CONTENT, X said, CONTENT')."""


def _frames(
    tokens: list[Token], first: int, stop: int, lexicon: Lexicon, people: PersonIndex
) -> list[Frame]:
    """The cues of a sentence ``tokens[first:stop]`` with the token ranges of what each
    reports."""
    according = _according_opening(tokens, first, stop, lexicon)
    if according is not None:
        return [according]
    found: list[Frame] = []
    k = first
    while k < stop:
        frame = _verb_frame(tokens, k, first, stop, lexicon, people)
        if frame is None or (found and found[-1][1][0][0] <= frame[0].start < found[-1][1][-1][1]):
            k += 1  # no frame, or a speaker inside the last statement's content
            continue
        found.append(frame)
        k = frame[1][-1][1]
    if found:
        return found
    closing = _closing_frame(tokens, first, stop, lexicon)
    return [closing] if closing is not None else []


def _according_opening(
    tokens: list[Token], first: int, stop: int, lexicon: Lexicon
) -> Frame | None:
    """'According to X, CONTENT.'"""
    if stop - first < 4 or (tokens[first].lower, tokens[first + 1].lower) != ACCORDING:
        return None
    end = phrase_after(tokens, first + 2, lexicon, ACCORDING_MODIFIERS)
    if end <= first + 2 or end >= stop or tokens[end].text != ",":
        return None
    return Cue(first + 2, end, "according to"), [
        (end + 1, _clause_end(tokens, end + 1, stop, lexicon))
    ]


def _closing_frame(tokens: list[Token], first: int, stop: int, lexicon: Lexicon) -> Frame | None:
    """'CONTENT, X said.' / 'CONTENT, said X.' / 'CONTENT, according to X.': an attribution
    after a comma that ends the sentence; or, set off by commas, one that interrupts it ('The
    latest test, North Korea said, was its biggest yet')."""
    commas = [k for k in range(first + 1, stop) if tokens[k].text == ","]
    for comma in commas:
        rest = list(range(comma + 1, stop))
        cue = closing_cue(tokens, rest, lexicon) or closing_according(tokens, rest, lexicon)
        if cue is None:
            continue
        after = next(
            (k for k in range(cue.end, min(stop, cue.end + 8)) if tokens[k].text == ","), None
        )
        if after is not None and after + 1 < stop and _ends_here(tokens, cue.end, after):
            return cue, [(first, comma), (after + 1, _clause_end(tokens, after + 1, stop, lexicon))]
        if tokens[stop - 1].text in SENTENCE_ENDS and _ends_here(tokens, cue.end, stop - 1):
            return cue, [(first, comma)]
    return None


def _ends_here(tokens: list[Token], start: int, end: int) -> bool:
    """Whether only the attribution's verb, the one told or a short time or place phrase stand
    between the speaker phrase and ``end`` (', he said on Monday,')."""
    return all(tokens[k].is_word for k in range(start, end)) and end - start <= 6


def _verb_frame(
    tokens: list[Token],
    verb: int,
    first: int,
    stop: int,
    lexicon: Lexicon,
    people: PersonIndex,
) -> Frame | None:
    """'X VERB (that) CONTENT' with the verb at ``verb``, in the sentence ``first:stop``."""
    token = tokens[verb]
    lower = token.lower
    if lower not in lexicon.clause_verbs or token.text != lower:
        return None
    if verb > first and (
        tokens[verb - 1].lower in DETERMINERS
        or tokens[verb - 1].lower in POSSESSIVE_PRONOUNS
        or tokens[verb - 1].lower == "to"  # 'declined to say', 'is expected to'
    ):
        return None
    content = _content_start(tokens, verb, stop, lexicon)
    if content is None:
        return None
    cue = _speaker_of(tokens, verb, first, lexicon, people)
    if cue is None:
        return None
    end = _clause_end(tokens, content, stop, lexicon)
    via = cue.via
    if (
        end + 3 < stop
        and tokens[end].text == ","
        and (tokens[end + 1].lower, tokens[end + 2].lower) == ACCORDING
    ):
        via = via or according_source(tokens, end + 3, lexicon)
    return Cue(cue.start, cue.end, cue.verb, via), [(content, end)]


def _speaker_of(
    tokens: list[Token], verb: int, first: int, lexicon: Lexicon, people: PersonIndex
) -> Cue | None:
    """The cue of a clause verb: its speaker phrase before it ('Kremlin spokesman Dmitry
    Peskov said'), the one quoted ('TASS quoted Ryabkov as saying'), or for a participle after
    a comma the subject of the sentence ('Peskov said ..., adding that ...')."""
    lower = tokens[verb].lower
    if lower == QUOTED_AS[1]:  # 'TASS quoted Ryabkov as saying (that)'
        before = list(range(first, verb + 1))
        return relayed_before(tokens, before, len(before) - 1, lexicon)
    if lower.endswith("ing"):
        if verb - 1 > first and tokens[verb - 1].text == ",":
            subject = sentence_subject(tokens, first, verb - 1, lexicon, people)
            if subject is not None:
                return Cue(subject[0], subject[1], tokens[verb].text)
        return None
    start = phrase_before(tokens, verb, first, lexicon)
    if start is None and verb - 1 > first and tokens[verb - 1].lower in COORDINATORS:
        # 'Authorities announced an arrest and said a curfew would continue': the subject
        # of the sentence
        subject = sentence_subject(tokens, first, verb - 1, lexicon, people)
        if subject is not None:
            return Cue(subject[0], subject[1], tokens[verb].text)
    if start is None:
        return None
    end = skip_back(tokens, verb, start, lexicon)
    return Cue(start, end, tokens[verb].text, told_agency(tokens, verb, lexicon))


def _content_start(tokens: list[Token], verb: int, stop: int, lexicon: Lexicon) -> int | None:
    """Where the clause a verb reports starts: after its 'that' (within reach, past the one
    told and a time or place phrase: 'told reporters on Monday that'), or right after the verb
    or the one told for a verb that reports a bare clause ('said Moscow is ready', 'told RT
    the talks failed')."""
    for k in range(verb + 1, min(stop, verb + 1 + THAT_REACH)):
        text = tokens[k].lower
        if text == "that":
            return k + 1
        if not tokens[k].is_word or tokens[k].text == QUOTATION_TOKEN:
            break
    lower = tokens[verb].lower
    if lower not in lexicon.bare_clause_verbs and not lower.endswith("ing"):
        return None
    start = verb + 1
    if lower in TELLING_VERBS:  # the one told: 'told RT', 'told reporters', 'told him'
        told = phrase_after(tokens, start, lexicon)
        start = told if told > start else start + 1
    if start >= stop:
        return None
    opener = tokens[start]
    if opener.text == ",":  # 'said, adding': a clause of its own follows
        return None
    if opener.lower in NOT_CLAUSE_OPENERS or not opener.is_word:
        return None
    if opener.text == opener.lower and opener.lower not in BARE_OPENERS:
        return None  # 'said repeatedly', 'told reporters'
    return start


def _clause_end(tokens: list[Token], start: int, stop: int, lexicon: Lexicon) -> int:
    """Where the reported clause starting at ``start`` ends: the sentence's end, a ';' or a
    bracket, or a comma before 'according to' or before a participle that reports anew
    (', adding that ...')."""
    for k in range(start, stop):
        text = tokens[k].text
        if text in CLAUSE_CUTS:
            return k
        if text == "," and k + 1 < stop:
            following = tokens[k + 1].lower
            if (following, tokens[k + 2].lower if k + 2 < stop else "") == ACCORDING:
                return k
            if _new_statement(tokens, k + 1, stop, lexicon):
                return k  # ', adding that ...', ', but he said ...': a statement of its own
    return stop


def _new_statement(tokens: list[Token], start: int, stop: int, lexicon: Lexicon) -> bool:
    """Whether a clause verb stands within a few words from ``start``, with only words before
    it: ', adding that', ', but he said', ', Roberts noted'."""
    for k in range(start, min(stop, start + NEW_STATEMENT_REACH)):
        token = tokens[k]
        if not token.is_word:
            return False
        if token.lower in lexicon.clause_verbs and token.text == token.lower:
            return True
    return False
