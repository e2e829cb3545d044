"""Quotes and their speakers, paragraph by paragraph.

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
the people of the article by :mod:`presswire.quotes.speakers`. Everything is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache

from attrs import frozen

from presswire.limits import Deadline
from presswire.models import Quote, QuoteKind, Speaker
from presswire.quotes.lexicon import DEFAULT_LEXICON, PHRASAL_VERBS, Lexicon, words
from presswire.quotes.marks import (
    QuoteSpan,
    mark_characters,
    mark_positions,
    normalise_pairs,
    spans_in_normalised,
)
from presswire.quotes.speakers import (
    HONORIFICS,
    IRREGULAR_PAST,
    MAX_NAME_WORDS,
    PRONOUNS,
    ROLE_CONNECTORS,
    TITLES,
    Person,
    PersonIndex,
    is_inflected,
    is_name_word,
    is_role_word,
    role_before,
)
from presswire.quotes.tokens import Token, is_capitalised, tokenize

__all__ = ["MIN_UNATTRIBUTED_WORDS", "extract_quotes"]

CONFIDENCE = {
    "cue": 0.9,  # a reporting verb or 'according to' with its speaker in the sentence
    "interrupted": 0.8,  # '“...,” he said. “...”': the second half of a direct quotation
    "introduced": 0.8,  # 'He said:' closing the paragraph before the quotation
    "according to opening": 0.6,  # 'According to Lavrov, ...' opening the paragraph
    "sentence subject": 0.5,  # a partial quotation of several words without a cue
    "block": 0.6,  # a plugin's quotation paragraph without marks, the last speaker's
    "next partial": 0.4,  # a partial quotation right after another one, its speaker's
    "continues last speaker": 0.4,  # a quotation standing as a sentence, no cue at all
    "no speaker": 0.3,
}
"""How a speaker was found, and how sure that makes it: measured on PolNeAR train, a cue is
right on 84% of direct and 70% of partial quotations it finds, the subject of the sentence of a
partial quotation without a cue on 60%, the last speaker continued on 32%, the speaker of a
partial quotation next to another on 28%."""
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
CUE_WINDOW = 14
"""How many tokens after a quotation its attribution may take to reach the verb."""
BEFORE_WINDOW = 60
"""How many tokens of its sentence before a quotation are searched for its attribution."""
DEADLINE_EVERY = 256
"""Quotations in one paragraph between two checks of the document's deadline."""
CLAUSE_REACH = 20
"""Tokens before a reporting verb searched for the subject of its clause."""
MAX_VERBS_BEFORE = 4
"""Reporting verbs tried, nearest first, before a quotation's attribution is given up."""
AFTER_WINDOW = 40
"""How many tokens after a quotation are read: the cue, its speaker and an 'according to'."""
ACCORDING_WINDOW = 12
"""Tokens after a speaker and verb in which a trailing 'according to SOURCE' is looked for."""
FINAL_COMMAS = 3
"""Commas, the last first, after which a sentence-final attribution is looked for."""
OUTER_REACH = 7
"""Words between a reporting verb and the pronoun opening the clause it reports: 'said on
his official Twitter feed that he'."""
SKIPPABLE = frozenset(
    words(
        """
    had has have was is were would will also then later previously once again further earlier
    reportedly publicly repeatedly recently even never not just already has himself herself
    themselves often always sometimes still now first
    """
    )
)
"""Auxiliaries, adverbs and reflexives between a speaker and the reporting verb: 'had said',
'Cruz himself said'."""
ADVERB_MIN_LENGTH = 5
"""A lower-case word ending in -ly and longer than this is an adverb ('openly', 'bluntly')
unless :data:`NOT_ADVERBS` lists it."""
NOT_ADVERBS = frozenset(
    words(
        """
    family assembly supply rally ally reply daily weekly monthly quarterly yearly elderly
    early likely only
    """
    )
)
"""Words ending in -ly that are no adverb of manner between a subject and its verb."""
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "another", "one"})
SPEAKER_DETERMINERS = DETERMINERS - {"that"}
"""Determiners a speaker phrase may open with ('that Americans will say' is a clause)."""
POSSESSIVE_MARKS = frozenset({"’s", "'s", "’", "'"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})
"""Pronouns that stand for a person as a verb's subject: 'he in a statement said'."""
OBJECT_PRONOUNS = frozenset({"it", "him", "her", "them", "us", "me"})
"""Pronouns that follow a verb as its object, never as its subject: 'saying it', 'told him'."""
ATTRIBUTION_DASHES = frozenset({"―", "—", "–"})
"""A dash that attributes a quotation to the name after it: '“...” ― Pamela Padilla'."""
RELATIVE_SUBJECT = "who"
"""A relative pronoun that speaks ('Mike Lee, who declared, “...”'): mentioned as written,
resolved to the name before it."""
RELATIVE_BREAKS = frozenset({",", "-", *ATTRIBUTION_DASHES})
"""What stands between a name and its 'who': 'Mike Lee, who', 'Donald Trump - who'."""
COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "being"})
"""Forms of 'be' that make the verb after them a passive: 'who was called'."""
PAST_LIKE_BASE = frozenset({"read", "went"})
"""Past forms :func:`is_inflected` does not count ('read' is also a name, 'Ian Read'; 'went'
is only in 'went on'): not base forms either."""
CLAUSE_OPENERS = frozenset(
    {"while", "but", "and", "whereas", "although", "though", "because", "when", "if", "since"}
)
"""Words after a quotation that open a clause of its own: its verb attributes nothing."""
QUOTATION_TOKEN = "“"
"""The token that stands for a quotation among the words outside quotations: a clause break,
so that no speaker phrase runs across a quotation ('whether Clinton “...,” 75 percent of')."""
CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "-", "“", "”", '"', "«", "»"})
ATTRIBUTION_TAILS = frozenset(
    words(
        """
    in on at during after before from via while outside inside ahead following last earlier
    later yesterday today tonight
    """
    )
)
"""Words that open a time or place phrase after an attribution's verb: ', she said in a
video message', ', he said on Monday'."""
WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
TELLING_VERBS = frozenset({"told", "tells"})
"""Reporting verbs whose object is the person told: ', he told reporters', 'told Interfax'."""
MAX_TOLD_WORDS = 4
"""Words of the person told after 'told' in a closing cue: 'told The Washington Post'."""
NOT_TOLD_WORDS = frozenset({"that", "about", "how", "what", "why", "whether", "to", "of"})
"""Words that open what was told, not who was told: 'told his roommate that ...'."""
SENTENCE_ENDS = frozenset({".", "!", "?"})
SENTENCE_PUNCTUATION = SENTENCE_ENDS | {",", ";"}
"""What may follow a finished attribution: the sentence's end, or a clause break."""
ACCORDING = ("according", "to")
QUOTED_AS = ("as", "saying")
QUOTING_VERBS = frozenset({"quoted", "quotes", "cited", "cites"})
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|"
    + "|".join(title.capitalize() for title in TITLES)
    + r"|Jr|Sr|St|No|vs|etc|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.N|U\.K)\.$"
)
_SENTENCE_END_MARKS = ".!?…"
"""The characters a :data:`_SENTENCE_END` match opens with."""
_SENTENCE_END = re.compile(
    "[" + re.escape(_SENTENCE_END_MARKS) + r"]+[\"”’»)]*\s+(?=[\"“‘«(\[]?[A-Z0-9])"
)


@frozen
class _Cue:
    start: int  # token index range of the speaker phrase
    end: int
    verb: str | None
    via: str | None = None


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
            start, end = _strip(text, 0, len(text))
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
        found, last, introduced = _paragraph_quotes(
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


def _paragraph_quotes(
    original: str,
    text: str,
    spans: list[QuoteSpan],
    index: int,
    people: PersonIndex,
    lexicon: Lexicon,
    last: Speaker | None,
    introduced: bool,
    deadline: Deadline,
) -> tuple[list[Quote], Speaker | None, bool]:
    """The paragraph's quotes, the last speaker after it, and whether it introduces the
    next paragraph's quotation ('He said:'). ``text`` is ``original`` with its '' pairs read
    as double marks (the same offsets), ``spans`` its quotations."""
    if not spans:  # no quotation: only who speaks at its start matters for what follows
        introducer = _introducer(text, index, people, lexicon, last)
        if introducer is not None:
            return [], introducer, True
        return [], _subject_speaker(text, index, people, lexicon, last), False
    tokens = _tokens_between(text, spans)  # quotation content never holds its own cue
    starts = [t.start for t in tokens]
    sentences = _sentence_starts(text, spans)
    paragraph_speaker = _according_to_opening(tokens, text, index, people, lexicon, last)
    quotes: list[Quote] = []
    previous: tuple[QuoteSpan, Speaker | None, str | None] | None = None  # span, speaker, via
    attributed_until = -1  # where the sentence of the last quotation with a cue ends
    for number, span in enumerate(spans):
        if number % DEADLINE_EVERY == DEADLINE_EVERY - 1:
            deadline.check("finding quotes")
        sentence_start = sentences[bisect.bisect_right(sentences, span.opening) - 1]
        sentence_end = _next_after(sentences, span.opening, len(text))
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
                _cue_before(tokens, near_before, lexicon, people)
                or _cue_before(tokens, outside_before, lexicon, people)
                or _cue_after(tokens, after, lexicon)
            )
        else:
            cue = (
                _cue_after(tokens, after, lexicon)
                or _cue_before(tokens, near_before, lexicon, people)
                or _cue_before(tokens, outside_before, lexicon, people)
            )
        cue_sentence_end = sentence_end
        if cue is None and _ends_sentence_with(text, span, sentence_end):
            # '“... our fix!” Clinton said to People.': the attribution is the next sentence
            next_end = min(_next_after(sentences, sentence_end, len(text)), next_opening)
            following = list(
                range(after_at, min(bisect.bisect_left(starts, next_end), after_at + CUE_WINDOW))
            )
            cue = _cue_after(tokens, following, lexicon)
            cue_sentence_end = next_end
        if cue is None:
            cue = _name_and_colon(tokens, near_before, lexicon, people)
        kind = _kind(text, tokens, outside_before, span)
        opening = bisect.bisect_left(starts, sentence_start)  # the sentence's first token
        confidence = CONFIDENCE["cue"]
        if cue is None and kind == "partial" and outside_before and _worded(text, span):
            cue = _subject_cue(tokens, opening, first, quote_at, lexicon, people)
            confidence = CONFIDENCE["sentence subject"]  # read only when cue is found
        speaker: Speaker | None = None
        via = cue.via if cue else None
        if via is None and cue is not None and cue.verb not in (None, "according to"):
            via = _relayed_by(tokens, opening, cue, quote_at, after, lexicon)
        if cue is not None:
            speaker = _speaker(tokens, cue, text, index, people, lexicon, last)
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
        elif paragraph_speaker is not None:
            speaker, confidence = paragraph_speaker, CONFIDENCE["according to opening"]
        elif not outside_before and last is not None and not _words_in(tokens, after):
            # a quotation standing as a sentence continues the last speaker; one that a
            # sentence goes on from ('“Hawaii Five-0,” the 1960s procedural, ...') is a title
            speaker = last
            confidence = CONFIDENCE[
                "introduced" if introduced and number == 0 else "continues last speaker"
            ]
        start, end = _strip(text, span.start, span.end)
        if speaker is None and (
            span.single or len(text[start:end].split()) < MIN_UNATTRIBUTED_WORDS
        ):
            previous = (span, None, None)
            continue
        quotes.append(
            Quote(
                text=original[start:end],
                paragraph=index,
                start=start,
                end=end,
                kind=kind,
                speaker=speaker,
                cue=cue.verb if cue else None,
                via=via,
                confidence=confidence if speaker else CONFIDENCE["no speaker"],
            )
        )
        previous = (span, speaker, via)
        if cue is not None:
            attributed_until = cue_sentence_end
        if speaker is not None:
            last = speaker
    return quotes, last, False


# ---------------------------------------------------------------- sentences and masks
def _tokens_between(text: str, spans: list[QuoteSpan]) -> list[Token]:
    """The tokens outside the quotations (marks included in the quotations), with a
    :data:`QUOTATION_TOKEN` where each quotation stands."""
    tokens: list[Token] = []
    position = 0
    for span in spans:
        tokens += tokenize(text, position, span.opening)
        tokens.append(Token(QUOTATION_TOKEN, span.opening, span.opening + 1))
        # an unclosed quotation runs to the next opening mark or the paragraph's end
        position = span.closing + 1 if span.closing is not None else span.end
    return tokens + tokenize(text, position)


def _sentence_starts(text: str, spans: list[QuoteSpan]) -> list[int]:
    """Offsets where sentences start; no boundary inside a quotation."""
    inside = [(s.opening, s.closing if s.closing is not None else s.end) for s in spans]
    opens = [b[0] for b in inside]
    starts = [0]
    for match in _sentence_ends(text):
        at = match.start()
        i = bisect.bisect_right(opens, at) - 1
        if i >= 0 and match.end() <= inside[i][1]:
            continue  # inside a quotation; '... election." Rubio said' ends one after it
        if _ABBREVIATION.search(text, max(0, at - 5), at + 1):
            continue
        starts.append(match.end())
    return starts


def _sentence_ends(text: str) -> Iterator[re.Match[str]]:
    """``_SENTENCE_END.finditer(text)``, with the regex tried only where one of its opening
    marks stands (found with ``str.find``): scanning for them, the regex engine spends some
    sixty instructions a character. A match that fails at a mark fails at the marks after it
    in the same run, and a match never starts inside the one before it: the same matches."""
    end = 0
    for at in mark_positions(text, _SENTENCE_END_MARKS):
        if at >= end and (match := _SENTENCE_END.match(text, at)) is not None:
            end = match.end()
            yield match


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


def _next_after(starts: list[int], offset: int, default: int) -> int:
    i = bisect.bisect_right(starts, offset)
    return starts[i] if i < len(starts) else default


def _worded(text: str, span: QuoteSpan) -> bool:
    """A quotation of several words in sentence case: words someone said, not a name or a
    scare-quoted term ('the “establishment”', 'CNN’s “The Lead”')."""
    words = text[span.start : span.end].split(None, SUBJECT_MIN_WORDS)
    return len(words) >= SUBJECT_MIN_WORDS and any(w[:1].islower() for w in words)


def _adjacent(text: str, first: QuoteSpan, second: QuoteSpan) -> bool:
    """Nothing but punctuation, a cue and white space between two quotations."""
    between = text[(first.closing or first.end) + 1 : second.opening]
    return len(between.split()) <= CUE_WINDOW


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
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


# ---------------------------------------------------------------- cues
def _may_be_verb(lower: str, lexicon: Lexicon) -> bool:
    """Whether a word, in lower case, may be a reporting verb: a cheap test that spares
    :func:`_is_verb`'s call for most words of a sentence."""
    return lower in lexicon.reporting_verbs or lower in PHRASAL_VERBS


def _is_verb(tokens: list[Token], at: int, lexicon: Lexicon) -> bool:
    """A reporting verb: in the lexicon, written in lower case ('States' in 'the United
    States' is no verb), and not a noun after a determiner or possessive ('Moscow's answer',
    'the comment', 'his note')."""
    token = tokens[at]
    if token.text != token.lower:
        return False
    if token.lower not in lexicon.reporting_verbs:
        particle = PHRASAL_VERBS.get(token.lower)  # 'shot back', 'chimed in'
        return (
            particle is not None
            and at + 1 < len(tokens)
            and tokens[at + 1].lower == particle
            and not (at + 2 < len(tokens) and tokens[at + 2].lower == "to")
        )
    if at == 0:
        return True
    previous = tokens[at - 1].lower
    return not (
        previous in DETERMINERS
        or previous in POSSESSIVE_PRONOUNS
        or previous.endswith(("’s", "'s"))
    )


def _cue_after(tokens: list[Token], after: list[int], lexicon: Lexicon) -> _Cue | None:
    """'..., Ryabkov added' / '..., said Peskov' / '..., TASS quoted Ryabkov as saying', with
    the agency of a trailing 'according to' as ``via`` ('..., Sanders said, according to
    CNN')."""
    cue = (
        _dash_attribution(tokens, after, lexicon)
        or _speaker_after(tokens, after, lexicon)
        or _final_cue(tokens, after, lexicon)
    )
    if cue is None or cue.via is not None:
        return cue
    rest = [i for i in after if i >= cue.end][:ACCORDING_WINDOW]
    for k in range(len(rest) - 2):
        if (tokens[rest[k]].lower, tokens[rest[k + 1]].lower) == ACCORDING:
            via = _according_source(tokens, rest[k + 2], lexicon)
            return _Cue(cue.start, cue.end, cue.verb, via) if via else cue
    return cue


def _relayed_by(
    tokens: list[Token],
    opening: int,
    cue: _Cue,
    quote_at: int,
    after: list[int],
    lexicon: Lexicon,
) -> str | None:
    """The source relaying a speaker's words with 'according to' around a cue before the
    quotation: opening its sentence ('According to Yahoo News, Clinton's spokesman said ...
    “...”') or closing it ('Trump said he was “happy to see” it, according to the Times.')."""
    if opening + 2 < min(cue.start, quote_at) and _opens_with_according(tokens, opening):
        return _according_source(tokens, opening + 2, lexicon)
    if cue.start > quote_at:
        return None  # a cue after the quotation reads its own 'according to'
    for k in range(len(after) - 2):  # right after the quotation (its comma inside) or a comma
        if (k == 0 or tokens[after[k - 1]].text == ",") and _opens_with_according(tokens, after[k]):
            source = _closing_according(tokens, after[k:], lexicon)
            if source is not None:
                return _according_source(tokens, source.start, lexicon)
    return None


def _opens_with_according(tokens: list[Token], at: int) -> bool:
    return (tokens[at].lower, tokens[at + 1].lower) == ACCORDING


def _according_source(tokens: list[Token], start: int, lexicon: Lexicon) -> str | None:
    """The source of 'according to X' that relays a speaker's words, as ``via``: an agency
    by its name ('according to the state-run TASS news agency' gives 'TASS'), any other
    source as written ('according to the Las Vegas Sun')."""
    agency = _via(tokens, start, min(len(tokens), start + 4), lexicon)
    if agency is not None:
        return agency
    end = _phrase_after(tokens, start, lexicon, ACCORDING_MODIFIERS)
    return _joined(tokens[start:end]) if end > start else None


def _final_cue(tokens: list[Token], after: list[int], lexicon: Lexicon) -> _Cue | None:
    """A speaker and verb after the last commas of the quotation's sentence, however far
    it went on: 'Julian Assange has been “arbitrarily detained” by Britain and Sweden since
    December 2010, and should be freed, the rights group says.' The sentence must end within
    ``after`` (not cut by the window or by the next quotation)."""
    if not after or tokens[after[-1]].text not in SENTENCE_ENDS:
        return None
    commas = [k for k, i in enumerate(after) if tokens[i].text == ","][-FINAL_COMMAS:]
    for k in reversed(commas):
        cue = _closing_cue(tokens, after[k + 1 :], lexicon) or _closing_according(
            tokens, after[k + 1 :], lexicon
        )
        if cue is not None:
            return cue
    return None


def _closing_according(tokens: list[Token], rest: list[int], lexicon: Lexicon) -> _Cue | None:
    """', according to show insiders.' ending the sentence: the source of all of it."""
    if len(rest) < 3 or (tokens[rest[0]].lower, tokens[rest[1]].lower) != ACCORDING:
        return None
    start = rest[2]
    end = _phrase_after(tokens, start, lexicon, ACCORDING_MODIFIERS)
    next_at = end  # the token after the source, past a parenthetical
    if next_at < len(tokens) and tokens[next_at].text == "(":  # 'Reclaim Our Schools (AROS).'
        closing = next(
            (k for k in range(next_at + 1, min(len(tokens), next_at + 8)) if tokens[k].text == ")"),
            None,
        )
        next_at = next_at if closing is None else closing + 1
    if end == start or (next_at < len(tokens) and tokens[next_at].text not in SENTENCE_PUNCTUATION):
        return None
    return _Cue(start, end, "according to")


def _dash_attribution(tokens: list[Token], after: list[int], lexicon: Lexicon) -> _Cue | None:
    """A dash and a name that end the quotation's sentence, with no verb: '“...” ― Pamela
    Padilla', the attribution of testimonials and epigraphs."""
    if len(after) < 2 or tokens[after[0]].text not in ATTRIBUTION_DASHES:
        return None
    start = after[1]
    end = _phrase_after(tokens, start, lexicon)
    last = after[-1] + 1  # the sentence (or the window) ends here
    if end == start or not (end == last or (end == last - 1 and tokens[end].text == ".")):
        return None
    if not any(is_name_word(tokens[i], lexicon) for i in range(start, end)):
        return None
    return _Cue(start, end, None)


def _speaker_after(tokens: list[Token], after: list[int], lexicon: Lexicon) -> _Cue | None:
    window = after[:CUE_WINDOW]
    while window and tokens[window[0]].text in CLAUSE_BREAKS:
        window = window[1:]
    if not window:
        return None
    words = [tokens[i].lower for i in window]
    for k, word in enumerate(words):
        if word in QUOTING_VERBS and QUOTED_AS[0] in words[k + 1 : k + 8]:
            as_at = words.index(QUOTED_AS[0], k + 1)
            if as_at + 1 < len(words) and words[as_at + 1] == QUOTED_AS[1] and as_at > k + 1:
                via = _via(tokens, window[0], window[k], lexicon)
                return _Cue(window[k + 1], window[as_at], tokens[window[k]].text, via)
    if _is_verb(tokens, window[0], lexicon):  # '..., said Peskov'
        if tokens[window[0]].lower.endswith("ing") or tokens[window[0]].lower in TELLING_VERBS:
            # '“reckless,” saying Americans ...': a participle has no subject after it, and
            # '“...,” told Fox News' names the one told
            return None
        end = _inverted_subject(tokens, window[0] + 1, lexicon)
        if end > window[0] + 1:
            return _Cue(window[0] + 1, end, tokens[window[0]].text)
        return None
    k = 0
    while k < len(window):
        i = window[k]
        if tokens[i].text == "(" and k > 0:
            closing = next(
                (
                    j
                    for j in range(k + 1, min(len(window), k + 10))
                    if tokens[window[j]].text == ")"
                ),
                None,
            )
            if closing is not None:  # 'Rep. John Mica (R-Fla.) said': step over the brackets
                k = closing + 1
                continue
        if tokens[i].text in CLAUSE_BREAKS and k > 0:
            verb_at = _appositive_then_verb(tokens, window, k, lexicon)
            if tokens[i].text != "," or verb_at is None:
                if tokens[i].text == ",":
                    # 'Harry Bond, 30, of Raleigh, N.C., who was polled, said'
                    verb_at = _verb_after_appositives(tokens, after, k, lexicon)
                    if verb_at is not None:
                        verb = tokens[after[verb_at]].text
                        return _Cue(window[0], window[k], verb)
                    return _closing_cue(tokens, window[k + 1 :], lexicon)  # ', he said.'
                break
            k, i = verb_at, window[verb_at]  # '..., Mitch McConnell, R-Ky., said'
        if _is_verb(tokens, i, lexicon) and k > 0:
            start = _phrase_before(tokens, i, window[0], lexicon)
            if start is not None and not any(
                tokens[j].lower in CLAUSE_OPENERS for j in range(window[0], start)
            ):  # not '“Mr. Trump,” while Trump refers to ...': another clause's verb
                verb = tokens[i].text
                via = _told_agency(tokens, i, lexicon)
                return _Cue(start, _skip_back(tokens, i, start, lexicon), verb, via)
            break
        k += 1
    return None


def _name_and_colon(
    tokens: list[Token], before: list[int], lexicon: Lexicon, people: PersonIndex
) -> _Cue | None:
    """A person's name and a colon right before the quotation, with no verb: 'Republican
    pollster Daron Shaw: “...”'. The name has two words or is a person named before, and is no
    organisation ('White House')."""
    if len(before) < 2 or tokens[before[-1]].text != ":":
        return None
    name = _trailing_name(tokens[before[0] : before[-1]], lexicon)
    if not name or name[-1].lower in lexicon.non_person_words:
        return None
    if len(name) < 2 and people.by_name(name[0].text) is None:
        return None
    start = before[-1] - len(name)
    return _Cue(start, before[-1], None)


def _verb_after_appositives(
    tokens: list[Token], after: list[int], comma: int, lexicon: Lexicon
) -> int | None:
    """For a name right after the quotation and a comma at ``after[comma]``, the position in
    ``after`` of a reporting verb after a run of appositives and a comma ('Harry Bond, 30, of
    Raleigh, N.C., who was among those polled, said'). None when the words before the comma
    are not all a name, or the verb has its own subject after it ('..., said analysts')."""
    name = _trailing_name(tokens[after[0] : after[comma]], lexicon)
    if not name or name[0] is not tokens[after[0]]:
        return None
    for k in range(comma + 1, min(len(after) - 1, comma + APPOSITIVE_REACH)):
        if tokens[after[k]].text != "," or not _is_verb(tokens, after[k + 1], lexicon):
            continue
        following = after[k + 2] if k + 2 < len(after) else None
        if tokens[after[k + 1]].lower in TELLING_VERBS:
            following = None  # 'Malkia Cyril, ..., told The Huffington Post': the one told
        if following is not None and (
            is_name_word(tokens[following], lexicon)
            or tokens[following].lower in DETERMINERS
            or tokens[following].lower in lexicon.speaker_nouns
        ):
            return None
        return k + 1
    return None


def _closing_cue(tokens: list[Token], rest: list[int], lexicon: Lexicon) -> _Cue | None:
    """A speaker and verb that end the sentence after a comma: ', he said.' / ', said
    Peskov.' The quotation's sentence went on after its closing mark ('“...” at the
    Democratic convention, he said.')."""
    for k, i in enumerate(rest[:CLOSING_CUE_WORDS]):
        if not _is_verb(tokens, i, lexicon):
            continue
        if k == 0:
            if tokens[i].lower in TELLING_VERBS:
                return None  # ', told Fox News': the person told, not the speaker
            start, end = i + 1, _inverted_subject(tokens, i + 1, lexicon)
            last = end
        else:
            subject = _phrase_before(tokens, i, rest[0], lexicon)
            if subject != rest[0]:
                return None
            start, end, last = rest[0], _skip_back(tokens, i, rest[0], lexicon), i + 1
        if end > start and _ends_attribution(tokens, last, i):
            return _Cue(start, end, tokens[i].text)
        return None
    return None


def _ends_attribution(tokens: list[Token], at: int, verb: int) -> bool:
    """Whether the words from ``at`` on, after a closing cue's speaker and verb, only finish
    the attribution: the sentence ends (', he said.'), a time or place phrase follows (', she
    said in a video message', ', Hollande said Tuesday'), or the person told ('..., he told
    reporters'). Anything else is a clause of its own: ', he said the plan would fail'."""
    if tokens[verb].lower in TELLING_VERBS:  # step over the person told: 'reporters'
        limit = min(len(tokens), at + MAX_TOLD_WORDS)
        while at < limit and tokens[at].is_word and not _opens_tail(tokens[at]):
            if tokens[at].lower in NOT_TOLD_WORDS:
                return False  # 'told his roommate that ...', 'tells one joke about ...'
            at += 1
    return at >= len(tokens) or tokens[at].text in SENTENCE_PUNCTUATION or _opens_tail(tokens[at])


def _opens_tail(token: Token) -> bool:
    return token.lower in ATTRIBUTION_TAILS or token.text in WEEKDAYS


def _appositive_then_verb(
    tokens: list[Token], window: list[int], comma: int, lexicon: Lexicon
) -> int | None:
    """For a short phrase between commas at ``window[comma]`` followed by a reporting verb,
    the verb's position in ``window``."""
    for k in range(comma + 1, min(len(window) - 1, comma + 12)):
        text = tokens[window[k]].text
        if text == ",":
            verb = k + 1
            return verb if k > comma + 1 and _is_verb(tokens, window[verb], lexicon) else None
        if text in CLAUSE_BREAKS:
            return None
    return None


def _cue_before(
    tokens: list[Token], before: list[int], lexicon: Lexicon, people: PersonIndex
) -> _Cue | None:
    """'He then noted that "..."', 'Ryabkov said ... a “dynamic improvement”': the reporting
    verb nearest the quotation, with the speaker of the nearest verb before it that has one
    ('Ryabkov said, adding that, “...”' gives Ryabkov and 'adding'); else 'according to X'."""
    if not before:
        return None
    floor = before[0]
    nearest: str | None = None
    nearest_at = floor
    verbs = 0
    for position in range(len(before) - 1, -1, -1):
        i = before[position]
        word = tokens[i].lower
        if position == 0 and word in lexicon.reporting_verbs and tokens[i].text[:1].isupper():
            end = _inverted_subject(tokens, i + 1, lexicon)  # 'Said Dorothy Poynter, “...”'
            if end > i + 1:
                return _Cue(i + 1, end, word, None)
        if (
            word == ACCORDING[1]
            and position > 0
            and tokens[before[position - 1]].lower == ACCORDING[0]
        ):
            end = _phrase_after(tokens, i + 1, lexicon, ACCORDING_MODIFIERS)
            if end > i + 1:
                return _Cue(i + 1, end, "according to")
        if word == QUOTED_AS[1]:
            relayed = _relayed_before(tokens, before, position, lexicon)
            if relayed is not None:
                return relayed
        if _may_be_verb(word, lexicon) and _is_verb(tokens, i, lexicon):
            verbs += 1
            if verbs > MAX_VERBS_BEFORE:
                break  # 'said ... said ... said': an attribution is never this far back
            if nearest is None:
                nearest, nearest_at = tokens[i].text, i
            start = _phrase_before(tokens, i, floor, lexicon)
            if start is not None:
                end = _skip_back(tokens, i, start, lexicon)
                if end == start + 1 and tokens[start].lower in SUBJECT_PRONOUNS:
                    # 'Trump told reporters he thought ...': the pronoun's clause is what
                    # the named speaker said
                    outer = _outer_cue(tokens, start, floor, nearest, lexicon, people)
                    if outer is not None:
                        return outer
                return _Cue(start, end, nearest, _told_agency(tokens, i, lexicon))
            if tokens[i].lower.endswith("ing") and i > floor and tokens[i - 1].text == ",":
                # '[Trump] defended the incident, calling the protester “...”': the speaker
                # is the subject that opens the sentence
                subject = _sentence_subject(tokens, floor, i - 2, lexicon, people)
                if subject is not None:
                    return _Cue(subject[0], subject[1], nearest, None)
    if nearest is not None:
        # 'Bush referred to Rubio as “...” but described ...': the verb's own subject
        clause = _clause_subject(tokens, floor, nearest_at, lexicon, people)
        if clause is not None:
            return _Cue(clause[0], clause[1], nearest, None)
    if nearest is not None or tokens[before[-1]].text == ":":
        # 'A Warren adviser, who spoke ..., said of the senator, “...”', 'Clinton has since
        # come around on what happened: “...”': the subject opening the sentence speaks
        subject = _sentence_subject(tokens, floor, before[-1], lexicon, people)
        if subject is not None:
            return _Cue(subject[0], subject[1], nearest, None)
    return None


def _subject_cue(
    tokens: list[Token],
    opening: int,
    first: int,
    quote_at: int,
    lexicon: Lexicon,
    people: PersonIndex,
) -> _Cue | None:
    """For a partial quotation without a cue, the subject of its sentence ('Paul Ryan worried
    that the safety net was becoming “a hammock ...”'): the sentence must open within the
    window before the quotation (``first``)."""
    if opening < first:
        return None
    subject = _sentence_subject(tokens, opening, quote_at - 1, lexicon, people)
    return None if subject is None else _Cue(subject[0], subject[1], None)


def _outer_cue(
    tokens: list[Token],
    pronoun: int,
    floor: int,
    verb: str | None,
    lexicon: Lexicon,
    people: PersonIndex,
) -> _Cue | None:
    """For a subject pronoun opening the clause a reporting verb reports ('Weiner admitted to
    the newspaper that he ...', 'Trump told reporters he ...'), the cue of that outer verb
    when its speaker is named: the one who said it, and the one the pronoun stands for."""
    k = pronoun - 1
    if k > floor and tokens[k].lower == "that":
        k -= 1
    lowest = max(floor, k - OUTER_REACH)
    while k > lowest and tokens[k].is_word and not _is_verb(tokens, k, lexicon):
        k -= 1  # the one told, or a time or place phrase: 'on his official Twitter feed'
    if not _is_verb(tokens, k, lexicon):
        return None
    start = _phrase_before(tokens, k, floor, lexicon)
    if start is None:
        if k - 1 > floor and tokens[k - 1].lower == "and":
            # 'Trump bemoaned the unrest and said he thought ...': the sentence's subject
            subject = _sentence_subject(tokens, floor, k - 1, lexicon, people)
            if subject is not None and tokens[subject[0]].lower not in PRONOUNS:
                return _Cue(subject[0], subject[1], verb)
        return None
    end = _skip_back(tokens, k, start, lexicon)
    if end <= start or (end == start + 1 and tokens[start].lower in PRONOUNS):
        return None
    return _Cue(start, end, verb, _told_agency(tokens, k, lexicon))


def _clause_subject(
    tokens: list[Token], floor: int, verb: int, lexicon: Lexicon, people: PersonIndex
) -> tuple[int, int] | None:
    """For a reporting verb with no speaker right before it, the nearest pronoun or named
    person before it that is followed by a verb-like word: the subject of the clause the verb
    continues ('Bush referred to Rubio as “...” but described ...' gives Bush)."""
    for k in range(verb - 1, max(floor, verb - CLAUSE_REACH) - 1, -1):
        following = tokens[k + 1]
        if (
            not (following.is_word and following.text == following.lower)
            or following.lower in NOT_VERBS
        ):
            continue
        token = tokens[k]
        if token.lower in SUBJECT_PRONOUNS:
            return k, k + 1
        if not (token.is_word and is_capitalised(token.text)):
            continue
        if people.by_name(token.text.strip("[]")) is None or not is_name_word(token, lexicon):
            continue
        start = k
        while (
            start > floor and tokens[start - 1].is_word and is_name_word(tokens[start - 1], lexicon)
        ):
            start -= 1
        return start, k + 1
    return None


def _sentence_subject(
    tokens: list[Token], floor: int, last: int, lexicon: Lexicon, people: PersonIndex
) -> tuple[int, int] | None:
    """The span of a pronoun, a person's name or a description opening the sentence at
    ``floor``, before ``last``, after an opening phrase set off by a comma ('In response,
    Trump issued ...'). Not a possessive ('Trump’s plan includes:'), and a single capitalised
    word only if the article names a person so: a sentence's first word is capitalised
    whatever it is ('Outside the arena, ...')."""
    first = tokens[floor].lower
    participle = first.endswith("ing") and floor + 1 < last and tokens[floor + 1].text.islower()
    if participle or (first in lexicon.non_speakers and first not in DETERMINERS):
        # 'In response to the attack, Trump ...', 'Reprising a line, the senator ...'
        comma = next(
            (
                k
                for k in range(floor + 1, min(last, floor + OPENING_PHRASE))
                if tokens[k].text == ","
            ),
            None,
        )
        if comma is None or comma + 1 >= last:
            return None  # 'But ...'
        floor, first = comma + 1, tokens[comma + 1].lower
        if first in lexicon.non_speakers and first not in DETERMINERS:
            return None
    end = _phrase_after(tokens, floor, lexicon)
    if end <= floor or end > last:
        return None
    words = tokens[floor:end]
    if all(t.lower in lexicon.non_speakers for t in words) or all(t.text.isupper() for t in words):
        return None  # 'The email went on', a dateline 'NEW YORK'
    if len(words) == 1 and first not in PRONOUNS and people.by_name(words[0].text) is None:
        return None
    if tokens[end - 1].lower.endswith(("’s", "'s")) or (
        end < len(tokens) and tokens[end].lower in POSSESSIVE_MARKS
    ):
        return None
    return floor, end


def _relayed_before(
    tokens: list[Token], before: list[int], position: int, lexicon: Lexicon
) -> _Cue | None:
    """'Interfax quoted Peskov as saying: “...”': the cue at ``before[position]`` ('saying')."""
    if position < 2 or tokens[before[position]].lower != QUOTED_AS[1]:
        return None
    if tokens[before[position - 1]].lower != QUOTED_AS[0]:
        return None
    as_at = position - 1
    for k in range(as_at - 2, max(-1, as_at - 9), -1):
        if tokens[before[k]].lower in QUOTING_VERBS:
            via = _via(tokens, before[0], before[k], lexicon)
            return _Cue(before[k + 1], before[as_at], tokens[before[k]].text, via)
    return None


def _skip_back(tokens: list[Token], verb: int, start: int, lexicon: Lexicon) -> int:
    """The end of the speaker phrase: the verb, less the auxiliaries and the time and place
    phrases in front of it."""
    end = verb
    while end > start + 1 and _skippable(tokens[end - 1], tokens[verb]):
        end -= 1
    end = _skip_coordinated(tokens, end, start, verb)
    return _skip_adverbial(tokens, end, start, lexicon)


def _skip_coordinated(tokens: list[Token], end: int, lowest: int, verb: int) -> int:
    """The end of a subject in front of a past tense joined to the verb: 'I laughed and
    said', 'Trump smiled and added'; ``end`` when there is none."""
    if end - 2 > lowest and tokens[end - 1].lower == "and" and _past_tense(tokens[end - 2]):
        end -= 2
        while end > lowest + 1 and _skippable(tokens[end - 1], tokens[verb]):
            end -= 1
    return end


def _skippable(token: Token, verb: Token) -> bool:
    """An auxiliary or adverb between a speaker and the verb: 'had', 'also', 'cynically' (an
    adverb only before a verb with a tense: 'should formally declare' has no speaker)."""
    lower = token.lower
    return lower in SKIPPABLE or (
        len(lower) > ADVERB_MIN_LENGTH
        and lower.endswith("ly")
        and token.text == lower
        and lower not in NOT_ADVERBS
        and is_inflected(verb.lower)
    )


def _past_tense(token: Token) -> bool:
    """A verb in the past tense, lower case: 'laughed', 'paused', 'told'."""
    return token.text == token.lower and (
        token.lower.endswith("ed") or token.lower in IRREGULAR_PAST
    )


def _phrase_before(tokens: list[Token], verb: int, floor: int, lexicon: Lexicon) -> int | None:
    """Start of the speaker phrase ending right before the verb (auxiliaries skipped).

    Parentheticals ('Sanders (I-Vt.) said') and an appositive between commas ('Tad Devine,
    Sanders's chief strategist, said') are stepped over to the name in front of them.
    """
    end = verb
    while end > floor and _skippable(tokens[end - 1], tokens[verb]):
        end -= 1
    end = _skip_coordinated(tokens, end, floor, verb)
    end = _skip_adverbial(tokens, end, floor, lexicon)
    end = _skip_parenthetical(tokens, end, floor)
    if end > floor + 1 and tokens[end - 1].text == ",":
        appositive = _appositive_start(tokens, end - 1, floor, lexicon)
        if appositive is None:
            return _name_after_role(tokens, end - 1, floor, lexicon)
        end = appositive
        # 'Willie Minor, an actor in Dallas, who runs a theater, recalled': a second
        # appositive in front, opening with an article, is stepped over too
        earlier = _appositive_start(tokens, end, floor, lexicon)
        if earlier is not None and tokens[earlier + 1].lower in DESCRIPTION_DETERMINERS:
            end = earlier
    if end <= floor:
        return None
    head = tokens[end - 1]
    if head.lower in PRONOUNS:
        return end - 1
    if (
        head.lower == RELATIVE_SUBJECT
        and end - 2 >= floor
        and tokens[end - 2].text in RELATIVE_BREAKS
        and not any(tokens[k].lower in COPULAS for k in range(end, verb))
    ):
        # 'Mike Lee, who declared ...'; not 'a woman who suggested' (a clause inside the
        # reported one), nor 'who was called' (passive)
        return end - 1
    start = end
    nouns = False
    while start > floor:
        token = tokens[start - 1]
        lower = token.lower
        if token.text == "." and start - 1 > floor and _abbreviated(tokens[start - 2].text):
            start -= 1  # 'Sen.', 'Mr.', 'J.'
            continue
        if lower in ROLE_CONNECTORS and _role_word_behind(tokens, start - 1, floor):
            start -= 1  # 'Secretary of State', 'ambassador to the US'
            continue
        if lower in DETERMINERS:
            start -= 1
            connector = start - 1
            if (
                connector - 1 >= floor
                and tokens[connector].lower in ("of", "to")
                and (
                    is_capitalised(tokens[connector - 1].text)
                    or is_role_word(tokens[connector - 1].lower)
                )
            ):
                # a title that is no role word, which the connector check above misses:
                start = connector  # 'Speaker of the House'
                continue
            break
        if token.is_word and (
            is_capitalised(token.text) or is_role_word(lower) or lower in lexicon.speaker_nouns
        ):
            nouns = (
                nouns
                or lower in lexicon.speaker_nouns
                or is_capitalised(token.text)
                or start == end  # a role word as the head: 'the host said'
            )
            start -= 1
            continue
        if token.is_word and "-" in lower and start < end:  # 'high-ranking', 'state-run'
            start -= 1
            continue
        if lower in POSSESSIVE_MARKS and start < end:  # "Sanders's chief strategist"
            start -= 1
            continue
        # 'the harbour master said' is a description; 'a statement saying' is a document
        opening = (
            None
            if tokens[verb].lower.endswith("ing")
            else _determiner_before(tokens, start - 1, floor)
        )
        if opening is not None and start == end:
            start, nouns = opening, True
        break
    while (
        start < end
        and (tokens[start].lower in lexicon.non_speakers or tokens[start].text == ".")
        and not (tokens[start].lower in SPEAKER_DETERMINERS and start + 1 < end)
    ):
        start += 1
    if start >= end or not nouns:
        return None
    absolute = tokens[verb].lower.endswith("ing") and tokens[start - 1].lower == "with"
    if start > floor and tokens[start - 1].lower in PREPOSITIONS and not absolute:
        # ('with Trump yelling: “...”' is an absolute construction: Trump speaks)
        owner = tokens[start - 2] if start - 2 >= floor else None
        if owner is None or not (is_capitalised(owner.text) or is_role_word(owner.lower)):
            return None  # 'of Republican claims' is no speaker; 'Speaker of the House' is
    if tokens[start].lower in {"a", "an"} and _base_form(tokens[verb].lower):
        return None  # 'a Donald Trump tweet attacking ...': a noun, no verb of that subject
    return start


def _skip_adverbial(tokens: list[Token], end: int, floor: int, lexicon: Lexicon) -> int:
    """The end of the subject in front of the time and place phrases between it and its verb:
    'Beck on Wednesday called', 'Trump in his announcement speech called', 'Sanders at a
    rally in Iowa said' (the first such phrase after a name or a pronoun)."""
    subject_end = end
    for k in range(end - 1, max(floor, end - ADVERBIAL_REACH) - 1, -1):
        token = tokens[k]
        if not token.is_word and token.lower not in POSSESSIVE_MARKS:
            break  # punctuation: 'Trump, in his speech, said' is for the appositive rules
        if token.lower in NOT_DESCRIPTIVE or is_role_word(token.lower):
            break  # a role belongs to the subject: 'Council on ... Director Nihad Awad says'
        if _is_verb(tokens, k, lexicon):
            break
        if (
            token.lower in ADVERBIAL_PREPOSITIONS
            and k > floor
            and _names_subject(tokens, k - 1, floor, lexicon)
        ):
            subject_end = k
    return subject_end


def _names_subject(tokens: list[Token], last: int, floor: int, lexicon: Lexicon) -> bool:
    """A pronoun or a name ends at ``last``, not a noun phrase ('the European Union', 'the
    National Championship')."""
    if tokens[last].lower in SUBJECT_PRONOUNS:
        return True
    if not (tokens[last].is_word and is_name_word(tokens[last], lexicon)):
        return False
    first = last - 1
    while (
        first >= floor
        and tokens[first].is_word
        and (is_capitalised(tokens[first].text) or is_role_word(tokens[first].lower))
    ):
        first -= 1
    return not (first >= floor and tokens[first].lower in DETERMINERS)


def _base_form(verb: str) -> bool:
    """A verb form that agrees with no singular subject ('tweet', 'say'), as a noun reads."""
    return not is_inflected(verb) and verb not in PAST_LIKE_BASE


# A US politician's party and state after the name: 'McConnell, R-Ky., said'.
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z]{0,3}\.?")
DESCRIPTION_WORDS = 4
"""Tokens, the determiner included, of a description before its verb: 'the harbour master',
'the New York businessman'."""
DESCRIPTION_DETERMINERS = frozenset({"the", "a", "an"})
DESCRIPTION_OPENERS = DESCRIPTION_DETERMINERS | {"one", "another"}
"""Words a description before its verb may open with: 'the host', 'one user'."""
NOT_DESCRIPTIVE = frozenset(
    {"and", "or", "but", "that", "who", "which", "there", "it", "not", "also", "then", "so"}
)
"""Words that end a clause rather than describe a person: 'the messages and disagrees'."""
PREPOSITIONS = frozenset(
    words(
        """
    at in on by for with from to of after before during through across around over under
    into among between against toward towards behind beyond near within without upon
    """
    )
)
"""'at one point', 'in a statement': a phrase after these is no speaker."""
ADVERBIAL_PREPOSITIONS = frozenset({"in", "on", "at", "during"})
"""Prepositions of time and place phrases that may stand between a subject and its verb."""
ADVERBIAL_REACH = 8
"""Tokens of such phrases looked back over from the verb."""
APPOSITIVE_WORDS = 12
"""Words an appositive between commas may have ('Tad Devine, Sanders's chief strategist,')."""
RELATIVE_CLAUSE_WORDS = 24
"""Words a relative clause between commas may have ('Christie, who has campaigned heavily
for GOP nominee Donald Trump since he suspended his own campaign in February, blasted')."""
APPOSITIVE_REACH = 30
"""Tokens after a speaker's name that appositives may take before the verb."""
CLOSING_CUE_WORDS = 5
"""Tokens, the verb included, of a speaker and verb ending a sentence after a comma."""
MAX_MODIFIERS = 2
"""Lower-case words a speaker phrase after its verb may hold before a role or name: 'said
conservative activist Bob Klaus'."""
PARTITIVES = frozenset({"one", "two", "some", "many", "several", "both", "most", "each"})
PLURAL_DETERMINERS = frozenset({"the", "those", "these", "two", "three", "several"})
"""'One of those advisers', 'two of the witnesses': a speaker taken from a group."""
AGE_NOUN = "-year-old"
"""A word that names a person by age: 'the 46-year-old'."""
ACCORDING_MODIFIERS = 3
"""The same after 'according to', where no clause can follow the verb: 'According to
conservative talk radio host Rush Limbaugh'."""
OPENING_PHRASE = 12
"""Tokens of a phrase opening a sentence before its subject: 'In response to the attack,'."""
NOT_VERBS = PREPOSITIONS | NOT_DESCRIPTIVE | DETERMINERS | {"as", "than", "like"}
"""Lower-case words after a name that show it is no verb's subject: 'to Rubio as'."""


def _determiner_before(tokens: list[Token], last: int, floor: int) -> int | None:
    """The determiner opening a short description that ends at ``last`` in a lower-case head
    noun, with plain or capitalised words before it ('the harbour master', 'the New York
    businessman')."""
    k = last
    while k >= floor and last - k < DESCRIPTION_WORDS:
        token = tokens[k]
        if token.lower in DETERMINERS:
            after_preposition = k > floor and tokens[k - 1].lower in PREPOSITIONS
            plain = token.lower in DESCRIPTION_OPENERS
            return k if k < last and plain and not after_preposition else None
        if not token.is_word or token.lower in NOT_DESCRIPTIVE or token.lower in PREPOSITIONS:
            return None  # 'a leader to', 'a premium for items': no description of a person
        if token.text != token.lower and (k == last or token.text.isupper()):
            return None  # the head is a common noun: 'the New York businessman'
        if k == last and token.lower.endswith("ing"):
            return None  # 'the following comment:' is a noun phrase, no speaker and verb

        k -= 1
    return None


def _abbreviated(word: str) -> bool:
    """A word an abbreviation dot follows: an honorific or initials ('Sen', 'Mr', 'J', 'G.K')."""
    return word.lower() + "." in HONORIFICS or _INITIALS.fullmatch(word) is not None


_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")


def _skip_parenthetical(tokens: list[Token], end: int, floor: int) -> int:
    """The end of the phrase in front of a '(...)' right before ``end``."""
    if end > floor and tokens[end - 1].text == ")":
        k = end - 2
        while k >= floor and end - k < 12 and tokens[k].text != "(":
            k -= 1
        if k >= floor and tokens[k].text == "(":
            return k
    return end


def _appositive_start(tokens: list[Token], comma: int, floor: int, lexicon: Lexicon) -> int | None:
    """For 'NAME, DESCRIPTION, said': the end of NAME, if the part between the commas reads as
    a description of a person (it holds a role or speaker noun and no reporting verb)."""
    k = comma - 1
    while k >= floor and comma - k <= RELATIVE_CLAUSE_WORDS and tokens[k].text != ",":
        k -= 1
    if k < floor or tokens[k].text != ",":
        return None
    between = tokens[k + 1 : comma]
    relative = bool(between) and between[0].lower == RELATIVE_SUBJECT
    if not relative and len(between) >= APPOSITIVE_WORDS:
        return None
    if relative:  # a relative clause may hold any verb
        described = True
    elif any(_is_verb(tokens, j, lexicon) for j in range(k + 1, comma)):
        return None  # '..., Peskov said, adding ...': a clause, not an appositive
    else:
        described = (
            any(is_role_word(t.lower) or t.lower in lexicon.speaker_nouns for t in between)
            or _PARTY_TAG.fullmatch("".join(t.text for t in between)) is not None
            or (bool(between) and between[0].lower in DESCRIPTION_DETERMINERS)  # 'McKee, a ...,'
        )
    described = described or (len(between) == 1 and between[0].text.isdigit())  # 'Ramos, 58,'
    before = tokens[k - 1] if k - 1 >= floor else None
    if (
        described
        and before is not None
        and before.is_word
        and (is_capitalised(before.text) or before.lower in lexicon.speaker_nouns)
    ):
        return k  # 'Tad Devine, ...,' or 'A Warren adviser, who ...,'
    return None


def _name_after_role(tokens: list[Token], comma: int, floor: int, lexicon: Lexicon) -> int | None:
    """For 'ROLE, NAME, said': where NAME starts, if it is a name of up to four words set
    off by commas after a role ('Florida’s attorney general, Pam Bondi, vowed')."""
    k = comma - 1
    while k >= floor and comma - k <= 4 and tokens[k].is_word and is_name_word(tokens[k], lexicon):
        k -= 1
    if k == comma - 1 or k < floor + 1 or tokens[k].text != ",":
        return None
    role = tokens[k - 1].lower
    return k + 1 if is_role_word(role) or role in lexicon.speaker_nouns else None


def _role_word_behind(tokens: list[Token], at: int, floor: int) -> bool:
    """A role word within two connector words behind ``at``: 'ambassador to the'."""
    k = at - 1
    while k >= floor and at - k <= 3:
        lower = tokens[k].lower
        if is_role_word(lower):
            return True
        if lower not in ROLE_CONNECTORS:
            return False
        k -= 1
    return False


def _inverted_subject(tokens: list[Token], start: int, lexicon: Lexicon) -> int:
    """End of the speaker phrase right after its verb ('said Peskov', 'said he'); an object
    pronoun there is no speaker ('..., saying it')."""
    if start < len(tokens) and (
        tokens[start].lower in OBJECT_PRONOUNS or tokens[start].lower in PREPOSITIONS
    ):
        return start  # '..., saying it', '..., said of Cruz'
    return _phrase_after(tokens, start, lexicon)


def _phrase_after(
    tokens: list[Token], start: int, lexicon: Lexicon, max_modifiers: int = MAX_MODIFIERS
) -> int:
    """End of the speaker phrase starting at ``start`` ('Peskov', 'the diplomat', 'one of
    those advisers')."""
    if start < len(tokens) and tokens[start].lower in PRONOUNS:
        return start + 1
    if (
        start + 2 < len(tokens)
        and tokens[start].lower in PARTITIVES
        and tokens[start + 1].lower == "of"
    ):
        inner = start + 2
        if tokens[inner].lower in POSSESSIVE_PRONOUNS or tokens[inner].lower in PLURAL_DETERMINERS:
            inner += 1  # 'one of his aides', 'one of those advisers'
        end = _phrase_after(tokens, inner, lexicon, max_modifiers)
        return end if end > inner else start
    end = start
    if end < len(tokens) and tokens[end].lower in DETERMINERS:
        end += 1
    phrase_end = end  # 'end' may run ahead over modifiers that only count before a noun
    modifiers = 0
    while end < len(tokens) and end - start < 10:
        token = tokens[end]
        if token.is_word and (
            is_capitalised(token.text)
            or is_role_word(token.lower)
            or token.lower in lexicon.speaker_nouns
            or "-" in token.lower
        ):
            end = phrase_end = end + 1
            modifiers = 0
            continue
        if token.text == "." and end > start and _abbreviated(tokens[end - 1].text):
            end = phrase_end = end + 1  # 'Mr. McGinley', 'Sen. Sanders', 'John F. Kennedy'
            continue
        if (
            token.lower in {"of", "to"}
            and end + 1 < len(tokens)
            and is_capitalised(tokens[end + 1].text)
        ):
            end = phrase_end = end + 1
            continue
        if (
            token.is_word
            and token.text == token.lower
            and modifiers < max_modifiers
            and token.lower not in NOT_VERBS
            and not _is_verb(tokens, end, lexicon)
            # a past tense after a name is its verb: 'Ryan endorsed Trump', 'Kasich suspended'
            and not (
                token.lower.endswith("ed")
                and end > start
                and is_name_word(tokens[end - 1], lexicon)
            )
        ):
            end += 1  # 'said conservative activist Bob Klaus'
            modifiers += 1
            continue
        break
    end = phrase_end
    return (
        end
        if any(
            is_capitalised(t.text)
            or t.lower in lexicon.speaker_nouns
            or t.lower.endswith(AGE_NOUN)  # 'said the 46-year-old'
            for t in tokens[start:end]
        )
        else start
    )


def _via(tokens: list[Token], start: int, end: int, lexicon: Lexicon) -> str | None:
    match = _agency_pattern(lexicon.agencies).search(" ".join(t.text for t in tokens[start:end]))
    return match.group() if match else None


@cache
def _agency_pattern(agencies: tuple[str, ...]) -> re.Pattern[str]:
    """Any agency name as a whole word, the longest first ('Xinhua News Agency' over 'Xinhua')."""
    names = sorted(agencies, key=lambda name: (-len(name), name))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(name) for name in names) + r")(?!\w)")


def _told_agency(tokens: list[Token], verb: int, lexicon: Lexicon) -> str | None:
    """'Peskov told Interfax': the agency that relayed it."""
    if tokens[verb].lower not in TELLING_VERBS:
        return None
    return _via(tokens, verb + 1, min(len(tokens), verb + 4), lexicon)


# ---------------------------------------------------------------- speakers
def _speaker(
    tokens: list[Token],
    cue: _Cue,
    text: str,
    index: int,
    people: PersonIndex,
    lexicon: Lexicon,
    last: Speaker | None,
) -> Speaker:
    phrase = tokens[cue.start : cue.end]
    mention = text[phrase[0].start : phrase[-1].end]
    position = phrase[0].start
    if len(phrase) == 1 and phrase[0].lower in PRONOUNS:
        person = _recent(people, index, position, last)
        return _from_person(mention, person, None, last if person is None else None)
    if len(phrase) == 1 and phrase[0].lower == RELATIVE_SUBJECT:
        return _relative_speaker(tokens, cue.start, mention, people, lexicon)
    # 'Tad Devine, Sanders's chief strategist,' / 'Rep. John Mica (R-Fla.)': the name comes
    # before the appositive or the brackets.
    cut = next((k for k, t in enumerate(phrase) if t.text in {",", "("}), len(phrase))
    core = phrase[:cut] if cut > 0 else phrase
    name_words = _trailing_name(core, lexicon)
    if name_words:
        role = (
            role_before(tokens, cue.start + len(core) - len(name_words))
            if len(name_words) < len(core)
            else None
        ) or _appositive_role(phrase[cut:], text, lexicon)
        return _named_speaker(mention, name_words, role, people)
    head = next((t.lower for t in reversed(phrase) if t.lower in lexicon.speaker_nouns), None)
    person = _described(people, lexicon, head, index, position, last) if head else None
    return _from_person(mention, person, None, None)


def _appositive_role(tail: list[Token], text: str, lexicon: Lexicon) -> str | None:
    """The role an appositive gives, as written: ', executive director of Democrats for Life,'
    or ', a political scientist at Texas Tech,' (without the article). Not a relative clause,
    an age or a party tag."""
    if len(tail) < 2 or tail[0].text != ",":
        return None
    words = tail[1:]
    end = next((k for k, t in enumerate(words) if t.text in {",", "("}), len(words))
    words = words[:end]
    if words and words[0].lower in DESCRIPTION_DETERMINERS:
        words = words[1:]
    elif not any(is_role_word(t.lower) or t.lower in lexicon.speaker_nouns for t in words):
        return None
    if not words or words[0].lower == "who" or _PARTY_TAG.fullmatch(words[0].text):
        return None
    return text[words[0].start : words[-1].end]


def _from_person(
    mention: str, person: Person | None, role: str | None, fallback: Speaker | None
) -> Speaker:
    if person is not None:
        return Speaker(mention=mention, name=person.name, role=role or person.role, key=person.key)
    if fallback is not None:
        return Speaker(mention=mention, name=fallback.name, role=fallback.role, key=fallback.key)
    return Speaker(mention=mention)


def _relative_speaker(
    tokens: list[Token], who: int, mention: str, people: PersonIndex, lexicon: Lexicon
) -> Speaker:
    """'who' as a speaker: the person named right before it ('Mike Lee, who declared'), or
    nobody named ('critics who say')."""
    k = who - 1
    if k >= 0 and tokens[k].text in RELATIVE_BREAKS:
        k -= 1
    name_words = _trailing_name(tokens[max(0, k + 1 - MAX_NAME_WORDS) : k + 1], lexicon)
    if not name_words:
        return Speaker(mention=mention)
    return _named_speaker(mention, name_words, None, people)


def _named_speaker(
    mention: str, name_words: list[Token], role: str | None, people: PersonIndex
) -> Speaker:
    """The speaker a name names: the article's person of that name (with the role the
    article gives them, else ``role``), or the name as written."""
    name = _joined(name_words)
    person = people.by_name(name)
    if person is not None:
        return Speaker(mention=mention, name=person.name, role=person.role or role, key=person.key)
    return Speaker(mention=mention, name=name, role=role, key=people.key(name) or None)


def _trailing_name(phrase: list[Token], lexicon: Lexicon) -> list[Token]:
    """The capitalised words ending the phrase that are a name, not a role."""
    words: list[Token] = []
    for at in range(len(phrase) - 1, -1, -1):
        token = phrase[at]
        lower = token.lower.strip("[]")
        if token.text == "." and words and at > 0 and _INITIALS.fullmatch(phrase[at - 1].text):
            words.insert(0, token)  # 'Julie A. Diaz', 'John F. Kennedy'
        elif (
            token.is_word
            and is_capitalised(token.text)
            and not is_role_word(lower)
            and lower not in lexicon.non_speakers
            and not lower.endswith(("’s", "'s"))
        ):
            words.insert(0, token)
        else:
            break
    return words


def _joined(words: list[Token]) -> str:
    """Name words as written, a dot kept to its initial: 'Julie A. Diaz'."""
    return "".join(t.text if t.text == "." else " " + t.text.strip("[]") for t in words).lstrip()


def _recent(people: PersonIndex, index: int, position: int, last: Speaker | None) -> Person | None:
    """The person a pronoun stands for: the last speaker, else the last person named."""
    if last is not None and last.key:
        person = people.people.get(last.key)
        if person is not None:
            return person
    before = people.before(index, position)
    return before[0] if before else None


def _described(
    people: PersonIndex,
    lexicon: Lexicon,
    head: str,
    index: int,
    position: int,
    last: Speaker | None,
) -> Person | None:
    """The person a description ('the diplomat', 'Putin’s press secretary') refers to: the
    last speaker or person named before whose role fits, else the next one named after."""
    fits = lexicon.noun_roles.get(head, frozenset({head}))
    if not fits:
        return None  # 'the woman': a description that names nobody

    def matches(person: Person) -> bool:
        role = (person.role or "").lower().replace("-", " ").split()
        return any(word in fits for word in role)

    candidates = []
    if last is not None and last.key and last.key in people.people:
        candidates.append(people.people[last.key])
    candidates += people.before(index, position)
    for person in candidates:
        if matches(person):
            return person
    for person in people.after(index, position):
        if matches(person):
            return person
    return candidates[0] if candidates else None


def _according_to_opening(
    tokens: list[Token],
    text: str,
    index: int,
    people: PersonIndex,
    lexicon: Lexicon,
    last: Speaker | None,
) -> Speaker | None:
    """'According to Lavrov, ...' opening a paragraph speaks for the paragraph."""
    words = [t.lower for t in tokens[:2]]
    if tuple(words) != ACCORDING:
        return None
    end = _phrase_after(tokens, 2, lexicon, ACCORDING_MODIFIERS)
    if end <= 2:
        return None
    return _speaker(tokens, _Cue(2, end, "according to"), text, index, people, lexicon, last)


def _introducer(
    text: str, index: int, people: PersonIndex, lexicon: Lexicon, last: Speaker | None
) -> Speaker | None:
    """Who speaks the quotation paragraph that a paragraph ending in a colon introduces: 'In
    response, Republican nominee Donald Trump issued the following statement:'."""
    stripped = text.rstrip()
    if not stripped.endswith(":"):
        return None
    sentence = _sentence_starts(text, [])[-1]
    tokens = tokenize(text, sentence, len(stripped))
    cue = _cue_before(tokens, list(range(len(tokens))), lexicon, people)
    return None if cue is None else _speaker(tokens, cue, text, index, people, lexicon, last)


def _subject_speaker(
    text: str, index: int, people: PersonIndex, lexicon: Lexicon, last: Speaker | None
) -> Speaker | None:
    """Who a paragraph without quotes is about, for a quotation paragraph right after it: the
    person named first when the paragraph opens with that name, roles allowed ('Kremlin
    spokesman Dmitry Peskov said...', 'Peskov once again rejected...'); for an opening 'He' or
    'She', the last speaker, else the last person named."""
    words = text.split(None, 1)
    if words and words[0].lower() in {"he", "she"}:
        if last is not None:
            return last
        person = _recent(people, index, 0, None)
        if person is None:
            return None
        return Speaker(mention=words[0], name=person.name, role=person.role, key=person.key)
    for mention in people.mentions_in(index):
        opening = text[: mention.start].split()
        if all(
            is_role_word(w.lower()) or w.isupper() or w.lower() in ROLE_CONNECTORS for w in opening
        ):
            person = people.by_name(mention.name)
            if person is not None:
                return Speaker(
                    mention=mention.name, name=person.name, role=person.role, key=person.key
                )
        break
    surname = _OPENING_SURNAME.match(text)
    if surname is not None:
        person = people.by_name(surname.group(1))
        if person is not None:
            return Speaker(
                mention=surname.group(1), name=person.name, role=person.role, key=person.key
            )
    return last


_OPENING_SURNAME = re.compile(r"([A-Z][\w’'\-]+)\b(?![’'])")
