"""Reported speech: statements without quote marks, and clauses that hold a quotation.

Each sentence that holds a word that reports is read for these frames (the verbs are the
lexicon's ``clause_verbs``, ``bare_clause_verbs`` and ``stance_verbs``, data that plugins
extend; the other word lists are the tables below):

1. ``According to X, CONTENT.``, and ``According to K, X said ...`` (X speaks, via K);
2. a verb and its speaker before it, left to right: ``X VERB (that) CONTENT`` ('Ryabkov
   noted that ...', 'Peskov said Moscow is ready', 'Peskov told RT (that) ...', 'TASS quoted
   Ryabkov as saying that ...', 'Political scientists say ...', 'Twenty-four percent said
   ...'), ``X asked (Y) whether ...``, ``X's view is that ...``, ``..., adding that ...``
   (the speaker of the verb before), and stances (``X criticized the plan``, read only when
   their confidence is kept); the content runs to the end of the sentence or of its clause
   (a ';', a ':', a bracket, ', according to X', which then relays it, or another verb that
   reports);
3. when no verb frame stands: ``CONTENT, X VERB.``, ``CONTENT, according to X.`` and, set
   off by commas, ``CONTENT, X VERB, CONTENT`` (one statement in two fragments).

The content must hold words of its own: a content that is a quotation alone is a direct quote
('He said: “...”'), which :mod:`presswire.quotes.quotations` reads. A sentence may hold
several statements ('Trump, who said he would win, added that ...').
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping

from presswire.limits import Deadline
from presswire.models import Speaker
from presswire.quotes.assemble import Fragment
from presswire.quotes.confidence import CONFIDENCE
from presswire.quotes.cues import (
    MAX_TOLD_WORDS,
    NOT_TOLD_WORDS,
    QUOTED_AS,
    SENTENCE_ENDS,
    TELLING_VERBS,
    Cue,
    according_source,
    opens_tail,
    relayed_before,
    told_agency,
)
from presswire.quotes.grammar import ACCORDING
from presswire.quotes.lexicon import PHRASAL_VERBS, STANCE_PARTICLES, Lexicon, words
from presswire.quotes.phrases import (
    POSSESSIVE_MARKS,
    SKIPPABLE,
    follows_determiner,
    inverted_subject,
    is_verb,
    join_words,
    phrase_after,
    phrase_before,
    sentence_subject,
    skip_back,
)
from presswire.quotes.resolve import resolve_speaker
from presswire.quotes.sentences import QUOTATION_TOKEN
from presswire.quotes.speakers import PersonIndex, is_name_word
from presswire.quotes.tokens import Token, is_capitalised, tokenize

__all__ = ["MIN_CONTENT_WORDS", "closing_attribution", "may_report", "reported_statements"]

DEADLINE_EVERY = 256
"""Sentences of one paragraph between two checks of the document's deadline."""
MIN_CONTENT_WORDS = 3
"""Words a reported statement needs: 'he said so' reports nothing a reader can use."""
THAT_REACH = 14
"""Tokens between a verb and its 'that' ('said in a statement on Monday that')."""
CLAUSE_OPENING_WORDS = frozenset({"while", "whereas", "although"})
"""Words after a comma that open a clause the reported statement does not hold (a relative
clause, ', which ...', and a participle, ', prosecuting cases ...', stay in it: annotators
of PolNeAR keep them more often than not)."""
NEW_SUBJECTS = frozenset(
    words("the a an this these those he she they it his her their its we i there")
)
"""Words after ', and' / ', but' that open a clause with a subject of its own."""
SOURCE_DESCRIPTIONS = frozenset(words("including a an the which who one based whose"))
"""Words that go on describing a source after its comma."""
SOURCE_WORDS = 20
"""Tokens the source of 'according to' may have ('a poll of 400 registered Latino voters
released on Friday by Latino Decisions')."""
SOURCE_ENDS = frozenset({",", ".", "!", "?", ";", ":", "("})
"""Marks that end the source of 'according to'."""
PARTICIPLE_REACH = 6
"""Tokens before a participle's comma searched for the verb whose speaker it continues."""
SPEAKER_WORDS = 12
"""Tokens of a speaker phrase before the verb of a closing attribution ('Russian Deputy
Foreign Minister Sergey Ryabkov said')."""
NAME_MARKS = frozenset({".", "-"})
"""Marks a speaker phrase may hold: 'Sen. Sanders', 'R-Ky'."""
CLAUSE_WORDS = frozenset(
    words("which that who whom whose what where when while as and but or if because since so")
)
"""Words that open a clause, not a speaker phrase: ', which Moscow denies'."""
MAX_MODIFIERS_BEFORE = 3
"""Lower-case words a closing attribution's speaker may have before its noun ('an inside
source', 'a senior State Department official')."""
TAIL_WORDS = 12
"""Words of a closing attribution from its verb to the sentence's end: the verb, the one
told and time and place phrases."""
VIEW_NOUNS = frozenset(
    words("view position argument belief message assessment contention conclusion opinion")
)
"""Nouns of 'X's view is that ...': a statement of X's."""
VIEW_VERBS = frozenset({"is", "was", "remains", "remained"})
"""The verb between a view noun and its 'that': 'view is that'."""
PLURAL_SAY = frozenset(words("say believe think argue warn agree predict expect insist claim"))
"""Verbs in the plural present whose subject may be a plain group ('Political scientists
say')."""
QUESTION_VERBS = frozenset(words("ask asks asked asking wondered wonders"))
"""Verbs that report a question: 'Chuck Todd asked the GOP frontrunner whether ...'."""
WH_WORDS = frozenset(words("whether if why how what who which when where"))
"""Words that open the question a question verb reports."""
QUESTION_REACH = 6
"""Tokens between a question verb and its question word: the one asked ('asked Clinton
Friday whether')."""
COPULAS_AND_AUXILIARIES = frozenset(words("is was were are be been being get got"))
"""Words before a question verb that make it a passive: 'was asked whether'."""
PLAIN_SUBJECT_WORDS = 8
"""Tokens a plain subject opening its sentence may have ('A full 79 percent of Democrats')."""
SHARE_WORDS = frozenset(
    words(
        """
    percent % half majority minority most many some few third thirds quarter quarters
    two-thirds plurality number
    """
    )
)
"""Words of a subject that is a share of people polled or asked: '32 percent said'."""
SHARE_MARKS = frozenset({"%", "-", "’s", "'s"})
"""Marks such a subject may hold: '26%', 'Clinton’s longtime allies'."""
NEW_STATEMENT_REACH = 6
"""Words after a comma within which a clause verb opens a statement of its own."""
ASIDE_DASHES = frozenset({"—", "–", "--"})
"""Dashes that set off an aside between a verb and its 'that'."""
FINITE_WORDS = frozenset(
    words(
        """
    is are was were be been has have had do does did will would shall should can could may
    might must not
    """
    )
)
"""Auxiliaries: between a verb and a 'that', one of these means the reported clause began
before the 'that' ('said no one should expect progress that way')."""
CLAUSE_CUTS = frozenset({";", ":", "(", ")"})
"""Marks that end the clause a statement is reported in."""
NOT_CLAUSE_OPENERS = frozenset(
    words(
        """
    to of about for with from on in at by into as over after before during against without
    so yes goodbye hello thanks sorry and or but when while if because since although though
    until unless whereas whether
    """
    )
)
"""Words after a verb that open no reported clause: 'said to be', 'said so', 'told reporters
when asked' (a clause of the writer's)."""
COORDINATORS = frozenset({"and", "but"})
"""Words that join a second verb to its sentence's subject: 'announced ... and said'."""
NOT_SPEAKERS = frozenset({"it", "this", "that", "there", "which", "what"})
"""Subjects that are no speaker: 'it is said that', 'this shows that'."""


def may_report(text: str, lexicon: Lexicon, stance: bool = True) -> bool:
    """Whether a paragraph holds a word that may report speech (with ``stance``, a stance verb
    too): a cheap test that spares the tokens of most paragraphs that report nothing."""
    return _reports(text.lower(), _verb_sets(lexicon, stance)[1])


def _reports(lowered: str, marked: frozenset[str]) -> bool:
    """Whether lower-case text holds one of the ``marked`` words or 'according to'."""
    return "according to" in lowered or not marked.isdisjoint(lowered.split())


def _verb_sets(lexicon: Lexicon, stance: bool) -> tuple[frozenset[str], frozenset[str]]:
    """The verbs a frame may have, and the words that ask for a sentence to be read (those
    verbs, :data:`VIEW_NOUNS` and the reporting verbs of closing attributions) as they stand
    between white space (alone or with a mark after them), kept in the lexicon's memo: built
    once per lexicon."""
    memo = lexicon._memo("reported speech")
    key = "with stance verbs" if stance else "clause verbs"
    found: tuple[frozenset[str], frozenset[str]] | None = memo.get(key)
    if found is None:
        verbs = lexicon.clause_verbs | lexicon.bare_clause_verbs | QUESTION_VERBS
        if stance:
            verbs |= lexicon.stance_verbs
        words_to_read = verbs | VIEW_NOUNS | lexicon.reporting_verbs
        marked = frozenset(
            word + mark for word in words_to_read for mark in ("", ",", ".", ":", ";")
        )
        found = memo[key] = (verbs, marked)
    return found


def reported_statements(
    text: str,
    tokens: list[Token] | None,
    sentences: list[int],
    quotation_ends: Mapping[int, int],
    index: int,
    people: PersonIndex,
    lexicon: Lexicon,
    last: Speaker | None,
    stance: bool = True,
    deadline: Deadline | None = None,
) -> list[list[Fragment]]:
    """The statements of reported speech in a paragraph.

    :param tokens: the tokens outside its quotations, a :data:`QUOTATION_TOKEN` where each
        quotation stands (:func:`~presswire.quotes.sentences.tokens_between`); None for a
        paragraph without quotations, whose sentences are tokenized only where a verb that
        reports stands (most sentences of an article report nothing).
    :param sentences: where its sentences start.
    :param quotation_ends: for each quotation's opening mark, the offset after its closing
        mark.
    :param stance: whether to read stance verbs ('criticized the plan'), which only a caller
        that keeps statements of their confidence needs.
    :param deadline: checked every :data:`DEADLINE_EVERY` sentences (a paragraph may hold
        thousands).
    """
    verbs, marked = _verb_sets(lexicon, stance)
    starts = [token.start for token in tokens] if tokens is not None else []
    lowered_text = text.lower()
    same_offsets = len(lowered_text) == len(text)  # not so where 'İ' lowers to two characters
    found: list[list[Fragment]] = []
    for number, sentence in enumerate(sentences):
        if deadline is not None and number % DEADLINE_EVERY == DEADLINE_EVERY - 1:
            deadline.check("finding reported speech")
        end = sentences[number + 1] if number + 1 < len(sentences) else len(text)
        lowered = lowered_text[sentence:end] if same_offsets else text[sentence:end].lower()
        if not _reports(lowered, marked):
            continue  # no verb that reports: no statement (and no tokens needed)
        if tokens is None:
            sentence_tokens = tokenize(text, sentence, end)
            first, stop = 0, len(sentence_tokens)
        else:
            sentence_tokens = tokens
            first = bisect.bisect_left(starts, sentence)
            stop = bisect.bisect_left(starts, end)
        if stop - first < MIN_CONTENT_WORDS + 1:
            continue
        found += _statements(
            text,
            sentence_tokens,
            first,
            stop,
            sentence,
            quotation_ends,
            index,
            people,
            lexicon,
            last,
            verbs,
            stance,
        )
    return found


def _statements(
    text: str,
    tokens: list[Token],
    first: int,
    stop: int,
    sentence: int,
    quotation_ends: Mapping[int, int],
    index: int,
    people: PersonIndex,
    lexicon: Lexicon,
    last: Speaker | None,
    verbs: frozenset[str],
    stance: bool,
) -> list[list[Fragment]]:
    """The statements of the sentence ``tokens[first:stop]``, starting at ``sentence``."""
    found: list[list[Fragment]] = []
    for cue, contents, how in _frames(tokens, first, stop, lexicon, people, verbs, stance):
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
                _fragment(tokens, start, end, quotation_ends, cue, speaker, how, sentence, n > 0)
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
    how: str,
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
        CONFIDENCE[how],
        sentence,
        continues,
        how,
    )


Frame = tuple[Cue, list[tuple[int, int]], str]
"""A cue, the token ranges of what it reports (two for 'CONTENT, X said, CONTENT') and how
it was found (a key of :data:`~presswire.quotes.confidence.CONFIDENCE`)."""


def _frames(
    tokens: list[Token],
    first: int,
    stop: int,
    lexicon: Lexicon,
    people: PersonIndex,
    verbs: frozenset[str],
    stance: bool,
) -> list[Frame]:
    """The cues of a sentence ``tokens[first:stop]`` with the token ranges of what each
    reports; ``verbs`` are the verbs a frame may have, ``stance`` whether stance verbs are
    read."""
    according = _according_opening(tokens, first, stop, lexicon)
    if according is not None:
        # 'According to Kommersant, Ryabkov said ...': Ryabkov speaks, Kommersant relays
        opening = according[1][0][0]
        inner = _frames(tokens, opening, stop, lexicon, people, verbs, stance)
        source = join_words(tokens[according[0].start : according[0].end])
        relayed = [
            (Cue(cue.start, cue.end, cue.verb, cue.via or source), contents, how)
            for cue, contents, how in inner
            if contents[0][0] > cue.start  # the cue opens the content, not inside it
        ]
        return relayed or [according]
    found: list[Frame] = []
    resume = first  # where the next frame may start: after the last one's content
    # the candidates in one pass (most tokens are neither: no call, no attribute loop)
    for k in [
        k for k in range(first, stop) if tokens[k].lower in verbs or tokens[k].lower in VIEW_NOUNS
    ]:
        if k < resume:
            continue
        if tokens[k].lower in VIEW_NOUNS:
            frame = _view_frame(tokens, k, first, stop, lexicon)
            if frame is not None:
                found.append(frame)
                resume = frame[1][-1][1]
                continue
            if tokens[k].lower not in verbs:
                continue
        frame = _verb_frame(tokens, k, first, stop, lexicon, people, stance)
        if frame is None or (found and found[-1][1][0][0] <= frame[0].start < found[-1][1][-1][1]):
            continue  # no frame, or a speaker inside the last statement's content
        found.append(frame)
        resume = frame[1][-1][1]
    if found:
        return found
    closing = _closing_frame(tokens, first, stop, lexicon)
    return [closing] if closing is not None else []


def _view_frame(
    tokens: list[Token], noun: int, first: int, stop: int, lexicon: Lexicon
) -> Frame | None:
    """'Ryabkov's view is that ...': the owner of the view speaks (the possessive's token, as
    written, is the speaker phrase; it resolves without its 's)."""
    if noun - 1 < first or noun + 3 >= stop:
        return None
    owner = tokens[noun - 1]
    if not owner.lower.endswith(("’s", "'s")) or not is_capitalised(owner.text):
        return None
    if tokens[noun + 1].lower not in VIEW_VERBS or tokens[noun + 2].lower != "that":
        return None
    start = noun - 1
    while start > first and is_name_word(tokens[start - 1], lexicon):
        start -= 1  # 'Sergey Ryabkov's view'
    content = (noun + 3, _clause_end(tokens, noun + 3, stop, lexicon))
    return Cue(start, noun, f"{tokens[noun].text} {tokens[noun + 1].text}"), [content], "reported"


def _according_opening(
    tokens: list[Token], first: int, stop: int, lexicon: Lexicon
) -> Frame | None:
    """'According to X, CONTENT.' (X as written, up to its comma: 'According to an online
    University of Texas/Texas Tribune poll out Thursday, ...')."""
    if stop - first < 4 or (tokens[first].lower, tokens[first + 1].lower) != ACCORDING:
        return None
    end = _source_end(tokens, first + 2, stop)
    if end is None or end >= stop or tokens[end].text != ",":
        return None
    content = (end + 1, _clause_end(tokens, end + 1, stop, lexicon))
    return Cue(first + 2, end, "according to"), [content], "reported"


def _describes_source(token: Token) -> bool:
    """Whether the words after a comma that follows the source of 'according to' go on
    describing it ('according to three polls, including one from Monmouth'), not the
    statement."""
    lower = token.lower
    return lower in SOURCE_DESCRIPTIONS or (
        token.text == lower and lower.endswith(("ing", "ed")) and lower not in COORDINATORS
    )


def _source_end(tokens: list[Token], start: int, stop: int) -> int | None:
    """Where the source of 'according to' ends: at the next comma or the sentence's end,
    within :data:`SOURCE_WORDS` tokens; None when it has no word."""
    end = start
    limit = min(stop, start + SOURCE_WORDS)
    while end < limit and tokens[end].text not in SOURCE_ENDS:
        end += 1
    if end == limit and limit < stop:
        return None
    return end if any(tokens[k].is_word for k in range(start, end)) else None


def _closing_frame(tokens: list[Token], first: int, stop: int, lexicon: Lexicon) -> Frame | None:
    """'CONTENT, X said.' / 'CONTENT, said X.' / 'CONTENT, according to X.': an attribution
    after a comma that ends the sentence; or, set off by commas, one that interrupts it ('The
    latest test, North Korea said, was its biggest yet')."""
    ends = tokens[stop - 1].text in SENTENCE_ENDS
    for comma in range(first + 1, stop):
        if tokens[comma].text == QUOTATION_TOKEN and comma + 3 < stop:
            # '... ''negligible effects,'' according to a study': the comma inside the marks
            if (tokens[comma + 1].lower, tokens[comma + 2].lower) == ACCORDING:
                source = _source_end(tokens, comma + 3, stop)
                if source is not None and _first_cue(tokens, first, comma, lexicon) >= comma:
                    cue = Cue(comma + 3, source, "according to")
                    return cue, [(first, comma + 1)], "reported"
            continue
        if tokens[comma].text != ",":
            continue
        frame = _closing_at(tokens, first, comma, stop, ends, lexicon)
        if frame is not None:
            if _first_cue(tokens, first, comma, lexicon) < comma:
                return None  # '“...,” Ryabkov said on Monday, according to Reuters': a relay
            return frame
    return None


def _closing_at(
    tokens: list[Token], first: int, comma: int, stop: int, ends: bool, lexicon: Lexicon
) -> Frame | None:
    """The closing attribution after the comma at ``comma``, if one stands there."""
    if comma + 3 < stop and (tokens[comma + 1].lower, tokens[comma + 2].lower) == ACCORDING:
        source = _source_end(tokens, comma + 3, stop)
        if source is None:
            return None
        if source < stop - 1 and tokens[source].text == ",":
            if _describes_source(tokens[source + 1]):  # ', according to three polls, including'
                return Cue(comma + 3, source, "according to"), [(first, comma)], "reported"
            rest = (source + 1, _clause_end(tokens, source + 1, stop, lexicon))
            return Cue(comma + 3, source, "according to"), [(first, comma), rest], "reported"
        return Cue(comma + 3, source, "according to"), [(first, comma)], "reported"
    found = closing_attribution(tokens, comma + 1, stop, lexicon)
    if found is None or opens_tail(tokens[found[0].start]):
        return None  # none, or '..., said Tuesday': a time is no speaker
    cue, verb, tail = found
    after = next(
        (k for k in range(tail, min(stop, tail + TAIL_WORDS)) if tokens[k].text == ","), None
    )
    inverted = verb < cue.start  # ', said Brian Baker, a longtime adviser': an appositive
    if (
        not inverted
        and after is not None
        and after + 1 < stop
        and _ends_here(tokens, verb, tail, after)
    ):
        rest = (after + 1, _clause_end(tokens, after + 1, stop, lexicon))
        return cue, [(first, comma), rest], "reported"
    if ends and _ends_here(tokens, verb, tail, stop - 1):
        return cue, [(first, comma)], "reported"
    if inverted and after is not None and _ends_here(tokens, verb, tail, after):
        return cue, [(first, comma)], "reported"  # the words after the comma describe X
    return None


def closing_attribution(
    tokens: list[Token], start: int, stop: int, lexicon: Lexicon
) -> tuple[Cue, int, int] | None:
    """The speaker and verb of an attribution that starts at ``start`` ('said Peskov',
    'Russian Deputy Foreign Minister Sergey Ryabkov said'), with the verb's index and where
    the words after them start; None when the words there are no attribution."""
    if start >= stop:
        return None
    if is_verb(tokens, start, lexicon):  # 'said Peskov'
        if tokens[start].lower in TELLING_VERBS:
            return None  # ', told Fox News': the one told
        end = inverted_subject(tokens, start + 1, lexicon)
        return (Cue(start + 1, end, tokens[start].text), start, end) if end > start + 1 else None
    for k in range(start + 1, min(stop, start + SPEAKER_WORDS)):
        token = tokens[k]
        if not (token.is_word or token.text in NAME_MARKS):
            return None
        if token.lower in lexicon.reporting_verbs and is_verb(tokens, k, lexicon):
            subject = phrase_before(tokens, k, start, lexicon)
            if subject is None or not _modifiers_only(tokens, start, subject):
                return None  # the words before the verb are more than its speaker
            end = skip_back(tokens, k, start, lexicon)
            return Cue(start, end, token.text, told_agency(tokens, k, lexicon)), k, k + 1
    return None


def _modifiers_only(tokens: list[Token], start: int, subject: int) -> bool:
    """Whether only a determiner and modifiers stand from ``start`` to the speaker phrase found
    at ``subject`` (', an inside source said,', ', election officials said.'): all of it is the
    speaker then; not a clause (', which Moscow denies')."""
    if subject == start:
        return True
    return (
        subject - start <= MAX_MODIFIERS_BEFORE
        and not any(tokens[k].lower in CLAUSE_WORDS for k in range(start, subject))
        and all(
            tokens[k].is_word and tokens[k].text == tokens[k].lower and not _adverb(tokens[k])
            for k in range(start, subject)
        )
    )


def _first_cue(tokens: list[Token], start: int, stop: int, lexicon: Lexicon) -> int:
    """Where the first reporting verb of ``tokens[start:stop]`` stands (``stop`` if none): the
    words before a closing attribution that hold one are a statement with its own speaker,
    which that attribution only relays."""
    for k in range(start, stop):
        if tokens[k].lower in lexicon.reporting_verbs and is_verb(tokens, k, lexicon):
            return k
    return stop


def _ends_here(tokens: list[Token], verb: int, start: int, end: int) -> bool:
    """Whether only the one told and a time or place phrase stand from ``start`` to ``end``
    after an attribution's verb and speaker (', he said on Monday,', ', Ryabkov said during
    the Fort Ross Dialogue forum on Tuesday.', ', she told reporters.'); not an object or a
    clause of its own (', he tells one joke about Trump')."""
    if end - start > TAIL_WORDS or not all(tokens[k].is_word for k in range(start, end)):
        return False
    at = start
    if tokens[verb].lower in TELLING_VERBS:  # the one told: 'reporters', 'RT correspondent'
        limit = min(end, at + MAX_TOLD_WORDS)
        while at < limit and not opens_tail(tokens[at]):
            if tokens[at].lower in NOT_TOLD_WORDS:
                return False
            at += 1
    return at == end or opens_tail(tokens[at])


def _verb_frame(
    tokens: list[Token],
    verb: int,
    first: int,
    stop: int,
    lexicon: Lexicon,
    people: PersonIndex,
    with_stance: bool,
) -> Frame | None:
    """'X VERB (that) CONTENT' with the verb at ``verb``, in the sentence ``first:stop``."""
    token = tokens[verb]
    lower = token.lower
    if lower in QUESTION_VERBS:
        return _question_frame(tokens, verb, first, stop, lexicon, people)
    clause = lower in lexicon.clause_verbs or lower in lexicon.bare_clause_verbs
    if token.text != lower or not (clause or lower in lexicon.stance_verbs):
        return None
    if follows_determiner(tokens, verb, first) or (
        verb > first
        and (
            tokens[verb - 1].lower in POSSESSIVE_MARKS  # 'Obama' 's call'
            or tokens[verb - 1].lower == "to"  # 'declined to say', 'is expected to'
        )
    ):
        return None  # a noun ('the plan', 'Obama's call', 'his support') or an infinitive
    content = _content_start(tokens, verb, stop, lexicon) if clause else None
    stance = content is None
    if stance and not (with_stance and lower in lexicon.stance_verbs):
        return None
    if stance:
        content = _object_start(tokens, verb, stop, lexicon)
    if content is None:
        return None
    cue = _speaker_of(tokens, verb, first, lexicon, people)
    if cue is None:
        return None
    end = _clause_end(tokens, content, stop, lexicon)
    via = cue.via
    at = end + 1 if end < stop and tokens[end].text == "," else end
    if at + 2 < stop and (tokens[at].lower, tokens[at + 1].lower) == ACCORDING:
        via = via or according_source(tokens, at + 2, lexicon)
    verb_text = cue.verb
    particle = tokens[verb + 1].lower if verb + 1 < stop else ""
    if (stance and content > verb + 1 and particle in STANCE_PARTICLES) or (
        particle and PHRASAL_VERBS.get(lower) == particle
    ):
        verb_text = f"{cue.verb} {tokens[verb + 1].text}"  # 'called for', 'pointed out'
    return (
        Cue(cue.start, cue.end, verb_text, via),
        [(content, end)],
        "stance" if stance else "reported",
    )


def _speaker_of(
    tokens: list[Token], verb: int, first: int, lexicon: Lexicon, people: PersonIndex
) -> Cue | None:
    """The cue of a clause verb: its speaker phrase before it ('Kremlin spokesman Dmitry
    Peskov said'), the one quoted ('TASS quoted Ryabkov as saying'), or for a participle after
    a comma the subject of the sentence ('Peskov said ..., adding that ...')."""
    lower = tokens[verb].lower
    if lower == QUOTED_AS[1] and verb > first and tokens[verb - 1].lower == QUOTED_AS[0]:
        before = list(range(first, verb + 1))  # 'TASS quoted Ryabkov as saying (that)'
        return relayed_before(tokens, before, len(before) - 1, lexicon)
    if lower.endswith("ing"):
        if verb - 1 > first and tokens[verb - 1].text == ",":
            # '“...,” Lavrov explained, noting that ...': the speaker of the verb before
            for k in range(verb - 2, max(first, verb - PARTICIPLE_REACH) - 1, -1):
                if tokens[k].lower in lexicon.reporting_verbs and is_verb(tokens, k, lexicon):
                    start = phrase_before(tokens, k, first, lexicon)
                    if start is not None:
                        end = skip_back(tokens, k, start, lexicon)
                        return Cue(start, end, tokens[verb].text)
                    break
            # 'Trump has rejected his defeat, alleging that ...': the sentence's subject
            subject = sentence_subject(tokens, first, verb - 1, lexicon, people)
            if subject is not None:
                return Cue(subject[0], subject[1], tokens[verb].text)
        return None
    start = phrase_before(tokens, verb, first, lexicon)
    if start is not None:
        start = _coordinated_subject(tokens, start, first, lexicon)
    if start is None and verb - 1 > first and tokens[verb - 1].lower in COORDINATORS:
        # 'Authorities announced an arrest and said a curfew would continue': the subject
        # of the sentence
        subject = sentence_subject(tokens, first, verb - 1, lexicon, people)
        if subject is not None:
            return Cue(subject[0], subject[1], tokens[verb].text)
    if start is None and verb - 1 > first and tokens[verb - 1].text == ",":
        # 'Mr. Trump, in a brief interview on Saturday, said': the subject opening the
        # sentence, past what the commas set off
        subject = sentence_subject(tokens, first, verb - 1, lexicon, people)
        if subject is not None:
            return Cue(
                subject[0], subject[1], tokens[verb].text, told_agency(tokens, verb, lexicon)
            )
    if start is None:
        start = _plain_subject(tokens, verb, first, lexicon)
    if start is None:
        return None
    end = skip_back(tokens, verb, start, lexicon)
    return Cue(start, end, tokens[verb].text, told_agency(tokens, verb, lexicon))


def _question_frame(
    tokens: list[Token],
    verb: int,
    first: int,
    stop: int,
    lexicon: Lexicon,
    people: PersonIndex,
) -> Frame | None:
    """'X asked (Y) whether ...': the question X asked, from its question word; a passive
    ('Asked whether ..., Reid said') has no speaker here."""
    if verb > first and tokens[verb - 1].lower in COPULAS_AND_AUXILIARIES:
        return None  # 'was asked by host John Dickerson whether': the one asked speaks next
    question = next(
        (
            k
            for k in range(verb + 1, min(stop, verb + 1 + QUESTION_REACH))
            if tokens[k].lower in WH_WORDS
        ),
        None,
    )
    if question is None or not all(tokens[k].is_word for k in range(verb + 1, question)):
        return None
    cue = _speaker_of(tokens, verb, first, lexicon, people)
    if cue is None:
        return None
    end = _clause_end(tokens, question, stop, lexicon)
    return Cue(cue.start, cue.end, cue.verb, cue.via), [(question, end)], "reported"


def _plain_subject(tokens: list[Token], verb: int, first: int, lexicon: Lexicon) -> int | None:
    """A subject of common words that opens the sentence right before its verb: a group in
    the plural present ('Political scientists say', 'About 4 in 10 say'), or a share of
    people with any tense ('Twenty-four percent said', 'Almost half said', 'Some of his allies
    said'). Spoken of as written; None unless the sentence opens with it."""
    lower = tokens[verb].lower
    span = range(first, verb)
    if not span or verb - first > PLAIN_SUBJECT_WORDS:
        return None
    share = any(tokens[k].lower in SHARE_WORDS for k in span)
    if lower not in PLURAL_SAY and not (share and lower in lexicon.bare_clause_verbs):
        return None
    head = tokens[verb - 1]
    if not (head.is_word or head.text == "%") or _adverb(head) or head.lower in NOT_SPEAKERS:
        return None
    if not all(tokens[k].is_word or tokens[k].text in SHARE_MARKS for k in span):
        return None
    if any(
        tokens[k].lower in lexicon.reporting_verbs or tokens[k].lower in FINITE_WORDS for k in span
    ):
        return None  # a clause, not a subject
    return first


def _coordinated_subject(tokens: list[Token], start: int, first: int, lexicon: Lexicon) -> int:
    """The start of a subject of names joined by 'and' that ends with the phrase at ``start``
    ('Washington and Berlin announced'): the speakers are all of them."""
    if start - 2 < first or tokens[start - 1].lower != "and":
        return start
    other = start - 1
    while other > first and is_name_word(tokens[other - 1], lexicon):
        other -= 1
    return other if other < start - 1 else start


def _content_start(tokens: list[Token], verb: int, stop: int, lexicon: Lexicon) -> int | None:
    """Where the clause a verb reports starts: after its 'that' (within reach, past the one
    told and a time or place phrase: 'told reporters on Monday that'), or right after the verb
    or the one told for a verb that reports a bare clause ('said Moscow is ready', 'told RT
    the talks failed')."""
    k, limit = verb + 1, min(stop, verb + 1 + THAT_REACH)
    while k < limit:
        text = tokens[k].lower
        if text == "that":
            return k + 1
        if text in ASIDE_DASHES:  # 'said — on Twitter, as it happens — that'
            closing = next((j for j in range(k + 1, limit) if tokens[j].text in ASIDE_DASHES), None)
            if closing is not None:
                k = closing + 1
                continue
        if not tokens[k].is_word or text in FINITE_WORDS or text in COORDINATORS:
            break  # 'said no one should expect progress that way': the clause began
        k += 1
    lower = tokens[verb].lower
    if lower not in lexicon.bare_clause_verbs and not lower.endswith("ing"):
        return None
    start = verb + 1
    if lower in TELLING_VERBS:  # the one told: 'told RT', 'told reporters', 'told him'
        if start < stop and tokens[start].text == tokens[start].lower:
            start += 1  # 'told reporters Russia will ...': one word, not a name after it
        else:
            told = phrase_after(tokens, start, lexicon)
            start = told if told > start else start + 1
    if start >= stop:
        return None
    opener = tokens[start]
    if opener.text == ",":  # 'said, adding': a clause of its own follows
        return None
    if (
        opener.lower == "about"
        and start + 1 < stop
        and (tokens[start + 1].lower in SHARE_WORDS or tokens[start + 1].text[:1].isdigit())
    ):
        return start  # 'said about half of the adjustment reflected ...'
    if opener.lower in NOT_CLAUSE_OPENERS or not opener.is_word or _adverb(opener):
        return None  # 'said to be', 'said so', 'said repeatedly'
    if opens_tail(opener):
        return None  # '..., Hollande said Tuesday in Paris.': the attribution's own tail
    return start


def _object_start(tokens: list[Token], verb: int, stop: int, lexicon: Lexicon) -> int | None:
    """Where the object of a stance verb starts: after its particle ('called for a recount',
    'warned of'), at its 'to' ('vowed to fight'), or right after it ('criticized the plan')."""
    start = verb + 1
    if start >= stop:
        return None
    following = tokens[start]
    if following.lower in STANCE_PARTICLES:
        return start if following.lower == "to" else start + 1
    if not following.is_word or _adverb(following) or following.lower in NOT_CLAUSE_OPENERS:
        return None
    return start


def _adverb(token: Token) -> bool:
    """A lower-case word in -ly ('repeatedly', 'publicly'): no clause opens with it."""
    return token.text == token.lower and token.lower.endswith("ly") and len(token.lower) > 4


def _clause_end(tokens: list[Token], start: int, stop: int, lexicon: Lexicon) -> int:
    """Where the reported clause starting at ``start`` ends: the sentence's end, a mark of
    :data:`CLAUSE_CUTS`, a closing attribution or 'according to' after a quotation, or a comma
    before 'according to', before a verb that reports anew (', adding that ...'), before
    :data:`CLAUSE_OPENING_WORDS` or before 'and'/'but' with a subject of its own."""
    for k in range(start, stop):
        text = tokens[k].text
        if text in CLAUSE_CUTS:
            return k
        if text == QUOTATION_TOKEN and k + 2 < stop:
            if (tokens[k + 1].lower, tokens[k + 2].lower) == ACCORDING:
                return k + 1  # '“no reason to hope,” according to Kommersant'
            if closing_attribution(tokens, k + 1, stop, lexicon) is not None:
                return k + 1  # 'but “this should be done ...,” he said'
        if text == "," and k + 1 < stop:
            following = tokens[k + 1].lower
            if (following, tokens[k + 2].lower if k + 2 < stop else "") == ACCORDING:
                return k
            if _new_statement(tokens, k + 1, stop, lexicon):
                return k  # ', adding that ...', ', but he said ...': a statement of its own
            if following in CLAUSE_OPENING_WORDS or (
                following in COORDINATORS and k + 2 < stop and tokens[k + 2].lower in NEW_SUBJECTS
            ):
                return k  # ', while he ...', ', and the downgrade is ...'
    return stop


def _new_statement(tokens: list[Token], start: int, stop: int, lexicon: Lexicon) -> bool:
    """Whether a verb that reports stands within a few words from ``start``, with only words
    before it (', adding that', ', but he said', ', Roberts noted', ', and at one point even
    called'), or a past tense joined to the subject (', and accused ...')."""
    if start + 1 < stop and tokens[start].lower in COORDINATORS:
        verb = start + 1
        while verb + 1 < stop and tokens[verb].lower in SKIPPABLE:
            verb += 1  # ', and even called'
        if tokens[verb].text == tokens[verb].lower and tokens[verb].lower.endswith("ed"):
            return True
    for k in range(start, min(stop, start + NEW_STATEMENT_REACH)):
        token = tokens[k]
        if not token.is_word:
            return False
        if (
            token.lower in lexicon.clause_verbs
            or token.lower in lexicon.bare_clause_verbs
            or token.lower in lexicon.reporting_verbs
        ) and is_verb(tokens, k, lexicon):  # not a noun: 'since his initial comments'
            return True
    return False
