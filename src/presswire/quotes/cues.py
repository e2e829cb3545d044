"""Cues and their frames: where a statement's attribution stands and what it says.

A :class:`Cue` is the token range of the speaker phrase, the verb or phrase as written and the
agency that relayed it. The frames read, around a quotation or a reported clause:
``“...,” Ryabkov added`` and ``“...,” said Peskov`` (:func:`cue_after`); ``He noted that ...``,
``According to Lavrov, ...`` and ``Interfax quoted Peskov as saying ...`` (:func:`cue_before`);
``..., the rights group says.`` after a sentence's last commas (:func:`final_cue`);
``“...” ― Pamela Padilla`` and ``Daron Shaw: “...”`` without a verb."""

from __future__ import annotations

import re
from functools import cache

from attrs import frozen

from presswire.quotes.grammar import (
    ACCORDING,
    ACCORDING_MODIFIERS,
    ATTRIBUTION_DASHES,
    DETERMINERS,
    SUBJECT_PRONOUNS,
)
from presswire.quotes.lexicon import Lexicon, words
from presswire.quotes.phrases import (
    clause_subject,
    inverted_subject,
    is_verb,
    join_words,
    may_be_verb,
    phrase_after,
    phrase_before,
    sentence_subject,
    skip_back,
    trailing_name,
)
from presswire.quotes.speakers import (
    PRONOUNS,
    PersonIndex,
    is_name_word,
)
from presswire.quotes.tokens import Token

__all__ = [
    "ACCORDING_WINDOW",
    "APPOSITIVE_REACH",
    "ATTRIBUTION_TAILS",
    "CLAUSE_BREAKS",
    "CLAUSE_OPENERS",
    "CLOSING_CUE_WORDS",
    "CUE_WINDOW",
    "FINAL_COMMAS",
    "MAX_TOLD_WORDS",
    "MAX_VERBS_BEFORE",
    "NOT_TOLD_WORDS",
    "OUTER_REACH",
    "QUOTED_AS",
    "QUOTING_VERBS",
    "SENTENCE_ENDS",
    "SENTENCE_PUNCTUATION",
    "TELLING_VERBS",
    "WEEKDAYS",
    "Cue",
    "according_source",
    "closing_according",
    "closing_cue",
    "cue_after",
    "cue_before",
    "name_and_colon",
    "opens_tail",
    "relayed_before",
    "relayed_by",
    "subject_cue",
    "told_agency",
]


CUE_WINDOW = 14
"""How many tokens after a quotation its attribution may take to reach the verb."""


MAX_VERBS_BEFORE = 4
"""Reporting verbs tried, nearest first, before a quotation's attribution is given up."""


ACCORDING_WINDOW = 12
"""Tokens after a speaker and verb in which a trailing 'according to SOURCE' is looked for."""


FINAL_COMMAS = 3
"""Commas, the last first, after which a sentence-final attribution is looked for."""


OUTER_REACH = 7
"""Words between a reporting verb and the pronoun opening the clause it reports: 'said on
his official Twitter feed that he'."""


CLAUSE_OPENERS = frozenset(
    {"while", "but", "and", "whereas", "although", "though", "because", "when", "if", "since"}
)
"""Words after a quotation that open a clause of its own: its verb attributes nothing."""


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


QUOTED_AS = ("as", "saying")


QUOTING_VERBS = frozenset({"quoted", "quotes", "cited", "cites"})


@frozen
class Cue:
    start: int  # token index range of the speaker phrase
    end: int
    verb: str | None
    via: str | None = None


def cue_after(tokens: list[Token], after: list[int], lexicon: Lexicon) -> Cue | None:
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
            via = according_source(tokens, rest[k + 2], lexicon)
            return Cue(cue.start, cue.end, cue.verb, via) if via else cue
    return cue


def relayed_by(
    tokens: list[Token],
    opening: int,
    cue: Cue,
    quote_at: int,
    after: list[int],
    lexicon: Lexicon,
) -> str | None:
    """The source relaying a speaker's words with 'according to' around a cue before the
    quotation: opening its sentence ('According to Yahoo News, Clinton's spokesman said ...
    “...”') or closing it ('Trump said he was “happy to see” it, according to the Times.')."""
    if opening + 2 < min(cue.start, quote_at) and _opens_with_according(tokens, opening):
        return according_source(tokens, opening + 2, lexicon)
    if cue.start > quote_at:
        return None  # a cue after the quotation reads its own 'according to'
    for k in range(len(after) - 2):  # right after the quotation (its comma inside) or a comma
        if (k == 0 or tokens[after[k - 1]].text == ",") and _opens_with_according(tokens, after[k]):
            source = closing_according(tokens, after[k:], lexicon)
            if source is not None:
                return according_source(tokens, source.start, lexicon)
    return None


def _opens_with_according(tokens: list[Token], at: int) -> bool:
    return (tokens[at].lower, tokens[at + 1].lower) == ACCORDING


def according_source(tokens: list[Token], start: int, lexicon: Lexicon) -> str | None:
    """The source of 'according to X' that relays a speaker's words, as ``via``: an agency
    by its name ('according to the state-run TASS news agency' gives 'TASS'), any other
    source as written ('according to the Las Vegas Sun')."""
    agency = _via(tokens, start, min(len(tokens), start + 4), lexicon)
    if agency is not None:
        return agency
    end = phrase_after(tokens, start, lexicon, ACCORDING_MODIFIERS)
    return join_words(tokens[start:end]) if end > start else None


def _final_cue(tokens: list[Token], after: list[int], lexicon: Lexicon) -> Cue | None:
    """A speaker and verb after the last commas of the quotation's sentence, however far
    it went on: 'Julian Assange has been “arbitrarily detained” by Britain and Sweden since
    December 2010, and should be freed, the rights group says.' The sentence must end within
    ``after`` (not cut by the window or by the next quotation)."""
    if not after or tokens[after[-1]].text not in SENTENCE_ENDS:
        return None
    commas = [k for k, i in enumerate(after) if tokens[i].text == ","][-FINAL_COMMAS:]
    for k in reversed(commas):
        cue = closing_cue(tokens, after[k + 1 :], lexicon) or closing_according(
            tokens, after[k + 1 :], lexicon
        )
        if cue is not None:
            return cue
    return None


def closing_according(tokens: list[Token], rest: list[int], lexicon: Lexicon) -> Cue | None:
    """', according to show insiders.' ending the sentence: the source of all of it."""
    if len(rest) < 3 or (tokens[rest[0]].lower, tokens[rest[1]].lower) != ACCORDING:
        return None
    start = rest[2]
    end = phrase_after(tokens, start, lexicon, ACCORDING_MODIFIERS)
    next_at = end  # the token after the source, past a parenthetical
    if next_at < len(tokens) and tokens[next_at].text == "(":  # 'Reclaim Our Schools (AROS).'
        closing = next(
            (k for k in range(next_at + 1, min(len(tokens), next_at + 8)) if tokens[k].text == ")"),
            None,
        )
        next_at = next_at if closing is None else closing + 1
    if end == start or (next_at < len(tokens) and tokens[next_at].text not in SENTENCE_PUNCTUATION):
        return None
    return Cue(start, end, "according to")


def _dash_attribution(tokens: list[Token], after: list[int], lexicon: Lexicon) -> Cue | None:
    """A dash and a name that end the quotation's sentence, with no verb: '“...” ― Pamela
    Padilla', the attribution of testimonials and epigraphs."""
    if len(after) < 2 or tokens[after[0]].text not in ATTRIBUTION_DASHES:
        return None
    start = after[1]
    end = phrase_after(tokens, start, lexicon)
    last = after[-1] + 1  # the sentence (or the window) ends here
    if end == start or not (end == last or (end == last - 1 and tokens[end].text == ".")):
        return None
    if not any(is_name_word(tokens[i], lexicon) for i in range(start, end)):
        return None
    return Cue(start, end, None)


def _speaker_after(tokens: list[Token], after: list[int], lexicon: Lexicon) -> Cue | None:
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
                return Cue(window[k + 1], window[as_at], tokens[window[k]].text, via)
    if is_verb(tokens, window[0], lexicon):  # '..., said Peskov'
        if tokens[window[0]].lower.endswith("ing") or tokens[window[0]].lower in TELLING_VERBS:
            # '“reckless,” saying Americans ...': a participle has no subject after it, and
            # '“...,” told Fox News' names the one told
            return None
        end = inverted_subject(tokens, window[0] + 1, lexicon)
        if end > window[0] + 1:
            return Cue(window[0] + 1, end, tokens[window[0]].text)
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
                        return Cue(window[0], window[k], verb)
                    return closing_cue(tokens, window[k + 1 :], lexicon)  # ', he said.'
                break
            k, i = verb_at, window[verb_at]  # '..., Mitch McConnell, R-Ky., said'
        if is_verb(tokens, i, lexicon) and k > 0:
            start = phrase_before(tokens, i, window[0], lexicon)
            if start is not None and not any(
                tokens[j].lower in CLAUSE_OPENERS for j in range(window[0], start)
            ):  # not '“Mr. Trump,” while Trump refers to ...': another clause's verb
                verb = tokens[i].text
                via = told_agency(tokens, i, lexicon)
                return Cue(start, skip_back(tokens, i, start, lexicon), verb, via)
            break
        k += 1
    return None


def name_and_colon(
    tokens: list[Token], before: list[int], lexicon: Lexicon, people: PersonIndex
) -> Cue | None:
    """A person's name and a colon right before the quotation, with no verb: 'Republican
    pollster Daron Shaw: “...”'. The name has two words or is a person named before, and is no
    organisation ('White House')."""
    if len(before) < 2 or tokens[before[-1]].text != ":":
        return None
    name = trailing_name(tokens[before[0] : before[-1]], lexicon)
    if not name or name[-1].lower in lexicon.non_person_words:
        return None
    if len(name) < 2 and people.by_name(name[0].text) is None:
        return None
    start = before[-1] - len(name)
    return Cue(start, before[-1], None)


def _verb_after_appositives(
    tokens: list[Token], after: list[int], comma: int, lexicon: Lexicon
) -> int | None:
    """For a name right after the quotation and a comma at ``after[comma]``, the position in
    ``after`` of a reporting verb after a run of appositives and a comma ('Harry Bond, 30, of
    Raleigh, N.C., who was among those polled, said'). None when the words before the comma
    are not all a name, or the verb has its own subject after it ('..., said analysts')."""
    name = trailing_name(tokens[after[0] : after[comma]], lexicon)
    if not name or name[0] is not tokens[after[0]]:
        return None
    for k in range(comma + 1, min(len(after) - 1, comma + APPOSITIVE_REACH)):
        if tokens[after[k]].text != "," or not is_verb(tokens, after[k + 1], lexicon):
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


def closing_cue(tokens: list[Token], rest: list[int], lexicon: Lexicon) -> Cue | None:
    """A speaker and verb that end the sentence after a comma: ', he said.' / ', said
    Peskov.' The quotation's sentence went on after its closing mark ('“...” at the
    Democratic convention, he said.')."""
    for k, i in enumerate(rest[:CLOSING_CUE_WORDS]):
        if not is_verb(tokens, i, lexicon):
            continue
        if k == 0:
            if tokens[i].lower in TELLING_VERBS:
                return None  # ', told Fox News': the person told, not the speaker
            start, end = i + 1, inverted_subject(tokens, i + 1, lexicon)
            last = end
        else:
            subject = phrase_before(tokens, i, rest[0], lexicon)
            if subject != rest[0]:
                return None
            start, end, last = rest[0], skip_back(tokens, i, rest[0], lexicon), i + 1
        if end > start and _ends_attribution(tokens, last, i):
            return Cue(start, end, tokens[i].text)
        return None
    return None


def _ends_attribution(tokens: list[Token], at: int, verb: int) -> bool:
    """Whether the words from ``at`` on, after a closing cue's speaker and verb, only finish
    the attribution: the sentence ends (', he said.'), a time or place phrase follows (', she
    said in a video message', ', Hollande said Tuesday'), or the person told ('..., he told
    reporters'). Anything else is a clause of its own: ', he said the plan would fail'."""
    if tokens[verb].lower in TELLING_VERBS:  # step over the person told: 'reporters'
        limit = min(len(tokens), at + MAX_TOLD_WORDS)
        while at < limit and tokens[at].is_word and not opens_tail(tokens[at]):
            if tokens[at].lower in NOT_TOLD_WORDS:
                return False  # 'told his roommate that ...', 'tells one joke about ...'
            at += 1
    return at >= len(tokens) or tokens[at].text in SENTENCE_PUNCTUATION or opens_tail(tokens[at])


def opens_tail(token: Token) -> bool:
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
            return verb if k > comma + 1 and is_verb(tokens, window[verb], lexicon) else None
        if text in CLAUSE_BREAKS:
            return None
    return None


def cue_before(
    tokens: list[Token], before: list[int], lexicon: Lexicon, people: PersonIndex
) -> Cue | None:
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
            end = inverted_subject(tokens, i + 1, lexicon)  # 'Said Dorothy Poynter, “...”'
            if end > i + 1:
                return Cue(i + 1, end, word, None)
        if (
            word == ACCORDING[1]
            and position > 0
            and tokens[before[position - 1]].lower == ACCORDING[0]
        ):
            end = phrase_after(tokens, i + 1, lexicon, ACCORDING_MODIFIERS)
            if end > i + 1:
                return Cue(i + 1, end, "according to")
        if word == QUOTED_AS[1]:
            relayed = relayed_before(tokens, before, position, lexicon)
            if relayed is not None:
                return relayed
        if may_be_verb(word, lexicon) and is_verb(tokens, i, lexicon):
            verbs += 1
            if verbs > MAX_VERBS_BEFORE:
                break  # 'said ... said ... said': an attribution is never this far back
            if nearest is None:
                nearest, nearest_at = tokens[i].text, i
            start = phrase_before(tokens, i, floor, lexicon)
            if start is not None:
                end = skip_back(tokens, i, start, lexicon)
                if end == start + 1 and tokens[start].lower in SUBJECT_PRONOUNS:
                    # 'Trump told reporters he thought ...': the pronoun's clause is what
                    # the named speaker said
                    outer = _outer_cue(tokens, start, floor, nearest, lexicon, people)
                    if outer is not None:
                        return outer
                return Cue(start, end, nearest, told_agency(tokens, i, lexicon))
            if tokens[i].lower.endswith("ing") and i > floor and tokens[i - 1].text == ",":
                # '[Trump] defended the incident, calling the protester “...”': the speaker
                # is the subject that opens the sentence
                subject = sentence_subject(tokens, floor, i - 2, lexicon, people)
                if subject is not None:
                    return Cue(subject[0], subject[1], nearest, None)
    if nearest is not None:
        # 'Bush referred to Rubio as “...” but described ...': the verb's own subject
        clause = clause_subject(tokens, floor, nearest_at, lexicon, people)
        if clause is not None:
            return Cue(clause[0], clause[1], nearest, None)
    if nearest is not None or tokens[before[-1]].text == ":":
        # 'A Warren adviser, who spoke ..., said of the senator, “...”', 'Clinton has since
        # come around on what happened: “...”': the subject opening the sentence speaks
        subject = sentence_subject(tokens, floor, before[-1], lexicon, people)
        if subject is not None:
            return Cue(subject[0], subject[1], nearest, None)
    return None


def subject_cue(
    tokens: list[Token],
    opening: int,
    first: int,
    quote_at: int,
    lexicon: Lexicon,
    people: PersonIndex,
) -> Cue | None:
    """For a partial quotation without a cue, the subject of its sentence ('Paul Ryan worried
    that the safety net was becoming “a hammock ...”'): the sentence must open within the
    window before the quotation (``first``)."""
    if opening < first:
        return None
    subject = sentence_subject(tokens, opening, quote_at - 1, lexicon, people)
    return None if subject is None else Cue(subject[0], subject[1], None)


def _outer_cue(
    tokens: list[Token],
    pronoun: int,
    floor: int,
    verb: str | None,
    lexicon: Lexicon,
    people: PersonIndex,
) -> Cue | None:
    """For a subject pronoun opening the clause a reporting verb reports ('Weiner admitted to
    the newspaper that he ...', 'Trump told reporters he ...'), the cue of that outer verb
    when its speaker is named: the one who said it, and the one the pronoun stands for."""
    k = pronoun - 1
    if k > floor and tokens[k].lower == "that":
        k -= 1
    lowest = max(floor, k - OUTER_REACH)
    while k > lowest and tokens[k].is_word and not is_verb(tokens, k, lexicon):
        k -= 1  # the one told, or a time or place phrase: 'on his official Twitter feed'
    if not is_verb(tokens, k, lexicon):
        return None
    start = phrase_before(tokens, k, floor, lexicon)
    if start is None:
        if k - 1 > floor and tokens[k - 1].lower == "and":
            # 'Trump bemoaned the unrest and said he thought ...': the sentence's subject
            subject = sentence_subject(tokens, floor, k - 1, lexicon, people)
            if subject is not None and tokens[subject[0]].lower not in PRONOUNS:
                return Cue(subject[0], subject[1], verb)
        return None
    end = skip_back(tokens, k, start, lexicon)
    if end <= start or (end == start + 1 and tokens[start].lower in PRONOUNS):
        return None
    return Cue(start, end, verb, told_agency(tokens, k, lexicon))


def relayed_before(
    tokens: list[Token], before: list[int], position: int, lexicon: Lexicon
) -> Cue | None:
    """'Interfax quoted Peskov as saying: “...”': the cue at ``before[position]`` ('saying')."""
    if position < 2 or tokens[before[position]].lower != QUOTED_AS[1]:
        return None
    if tokens[before[position - 1]].lower != QUOTED_AS[0]:
        return None
    as_at = position - 1
    for k in range(as_at - 2, max(-1, as_at - 9), -1):
        if tokens[before[k]].lower in QUOTING_VERBS:
            via = _via(tokens, before[0], before[k], lexicon)
            return Cue(before[k + 1], before[as_at], tokens[before[k]].text, via)
    return None


APPOSITIVE_REACH = 30
"""Tokens after a speaker's name that appositives may take before the verb."""


CLOSING_CUE_WORDS = 5
"""Tokens, the verb included, of a speaker and verb ending a sentence after a comma."""


def _via(tokens: list[Token], start: int, end: int, lexicon: Lexicon) -> str | None:
    match = _agency_pattern(lexicon.agencies).search(" ".join(t.text for t in tokens[start:end]))
    return match.group() if match else None


@cache
def _agency_pattern(agencies: tuple[str, ...]) -> re.Pattern[str]:
    """Any agency name as a whole word, the longest first ('Xinhua News Agency' over 'Xinhua')."""
    names = sorted(agencies, key=lambda name: (-len(name), name))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(name) for name in names) + r")(?!\w)")


def told_agency(tokens: list[Token], verb: int, lexicon: Lexicon) -> str | None:
    """'Peskov told Interfax': the agency that relayed it."""
    if tokens[verb].lower not in TELLING_VERBS:
        return None
    return _via(tokens, verb + 1, min(len(tokens), verb + 4), lexicon)
