"""The grammar of speaker phrases around a reporting verb, read on tokens.

A reporting verb (:func:`is_verb`), the speaker phrase before it (:func:`phrase_before`:
'Kremlin spokesman Dmitry Peskov', 'Tad Devine, Sanders's chief strategist,', 'the diplomat')
or after it (:func:`phrase_after`: 'said Peskov'), the subject of a sentence or clause, and the
name at the end of a phrase. Every function takes token indexes and returns token indexes:
nothing here resolves who a phrase names (:mod:`presswire.quotes.resolve` does)."""

from __future__ import annotations

import re

from presswire.quotes.grammar import (
    DESCRIPTION_DETERMINERS,
    DETERMINERS,
    PARTY_TAG,
    RELATIVE_BREAKS,
    RELATIVE_SUBJECT,
    SUBJECT_PRONOUNS,
)
from presswire.quotes.lexicon import PHRASAL_VERBS, Lexicon, words
from presswire.quotes.speakers import (
    HONORIFICS,
    IRREGULAR_PAST,
    PRONOUNS,
    ROLE_CONNECTORS,
    PersonIndex,
    is_inflected,
    is_name_word,
    is_role_word,
)
from presswire.quotes.tokens import Token, is_capitalised

__all__ = [
    "ADVERBIAL_PREPOSITIONS",
    "ADVERBIAL_REACH",
    "ADVERB_MIN_LENGTH",
    "AGE_NOUN",
    "APPOSITIVE_WORDS",
    "CLAUSE_REACH",
    "COPULAS",
    "DESCRIPTION_OPENERS",
    "DESCRIPTION_WORDS",
    "MAX_MODIFIERS",
    "NOT_ADVERBS",
    "NOT_DESCRIPTIVE",
    "NOT_VERBS",
    "OBJECT_PRONOUNS",
    "OPENING_PHRASE",
    "PARTITIVES",
    "PAST_LIKE_BASE",
    "PLURAL_DETERMINERS",
    "POSSESSIVE_MARKS",
    "POSSESSIVE_PRONOUNS",
    "PREPOSITIONS",
    "RELATIVE_CLAUSE_WORDS",
    "SKIPPABLE",
    "SPEAKER_DETERMINERS",
    "clause_subject",
    "follows_determiner",
    "inverted_subject",
    "is_verb",
    "join_words",
    "may_be_verb",
    "phrase_after",
    "phrase_before",
    "sentence_subject",
    "skip_back",
    "trailing_name",
]


CLAUSE_REACH = 20
"""Tokens before a reporting verb searched for the subject of its clause."""


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


SPEAKER_DETERMINERS = DETERMINERS - {"that"}
"""Determiners a speaker phrase may open with ('that Americans will say' is a clause)."""


POSSESSIVE_MARKS = frozenset({"’s", "'s", "’", "'"})


POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our", "my", "your"})


OBJECT_PRONOUNS = frozenset({"it", "him", "her", "them", "us", "me"})
"""Pronouns that follow a verb as its object, never as its subject: 'saying it', 'told him'."""


COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "being"})
"""Forms of 'be' that make the verb after them a passive: 'who was called'."""


PAST_LIKE_BASE = frozenset({"read", "went"})
"""Past forms :func:`is_inflected` does not count ('read' is also a name, 'Ian Read'; 'went'
is only in 'went on'): not base forms either."""


def may_be_verb(lower: str, lexicon: Lexicon) -> bool:
    """Whether a word, in lower case, may be a reporting verb: a cheap test that spares
    :func:`is_verb`'s call for most words of a sentence."""
    return lower in lexicon.reporting_verbs or lower in PHRASAL_VERBS


def is_verb(tokens: list[Token], at: int, lexicon: Lexicon) -> bool:
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
    return not follows_determiner(tokens, at)


def follows_determiner(tokens: list[Token], at: int, floor: int = 0) -> bool:
    """Whether a determiner or possessive stands right before ``at`` (after ``floor``): the
    word there is a noun ('Moscow's answer', 'the comment', 'his note'), not a verb."""
    if at <= floor:
        return False
    previous = tokens[at - 1].lower
    return (
        previous in DETERMINERS
        or previous in POSSESSIVE_PRONOUNS
        or previous.endswith(("’s", "'s"))
    )


def clause_subject(
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


def sentence_subject(
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
    end = phrase_after(tokens, floor, lexicon)
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


def skip_back(tokens: list[Token], verb: int, start: int, lexicon: Lexicon) -> int:
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


def phrase_before(tokens: list[Token], verb: int, floor: int, lexicon: Lexicon) -> int | None:
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
        if is_verb(tokens, k, lexicon):
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


DESCRIPTION_WORDS = 4
"""Tokens, the determiner included, of a description before its verb: 'the harbour master',
'the New York businessman'."""


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


MAX_MODIFIERS = 2
"""Lower-case words a speaker phrase after its verb may hold before a role or name: 'said
conservative activist Bob Klaus'."""


PARTITIVES = frozenset({"one", "two", "some", "many", "several", "both", "most", "each"})


PLURAL_DETERMINERS = frozenset({"the", "those", "these", "two", "three", "several"})
"""'One of those advisers', 'two of the witnesses': a speaker taken from a group."""


AGE_NOUN = "-year-old"
"""A word that names a person by age: 'the 46-year-old'."""


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
    elif any(is_verb(tokens, j, lexicon) for j in range(k + 1, comma)):
        return None  # '..., Peskov said, adding ...': a clause, not an appositive
    else:
        described = (
            any(is_role_word(t.lower) or t.lower in lexicon.speaker_nouns for t in between)
            or PARTY_TAG.fullmatch("".join(t.text for t in between)) is not None
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


def inverted_subject(tokens: list[Token], start: int, lexicon: Lexicon) -> int:
    """End of the speaker phrase right after its verb ('said Peskov', 'said he'); an object
    pronoun there is no speaker ('..., saying it')."""
    if start < len(tokens) and (
        tokens[start].lower in OBJECT_PRONOUNS or tokens[start].lower in PREPOSITIONS
    ):
        return start  # '..., saying it', '..., said of Cruz'
    return phrase_after(tokens, start, lexicon)


def phrase_after(
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
        end = phrase_after(tokens, inner, lexicon, max_modifiers)
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
            and not is_verb(tokens, end, lexicon)
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


def trailing_name(phrase: list[Token], lexicon: Lexicon) -> list[Token]:
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


def join_words(words: list[Token]) -> str:
    """Name words as written, a dot kept to its initial: 'Julie A. Diaz'."""
    return "".join(t.text if t.text == "." else " " + t.text.strip("[]") for t in words).lstrip()
