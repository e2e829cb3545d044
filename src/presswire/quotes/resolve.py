"""Speaker resolution: from the words of a cue to a :class:`~presswire.Speaker`.

A name is looked up among the article's people (:class:`~presswire.quotes.speakers.PersonIndex`)
for its fullest form, role and key; 'he' and 'she' stand for the last speaker, else the last
person named; a description ('the diplomat', 'Putin's press secretary') for the last speaker or
person named whose role fits its noun, and is kept as written when nobody fits."""

from __future__ import annotations

import re

from presswire.models import Speaker
from presswire.quotes.cues import Cue, cue_before
from presswire.quotes.grammar import (
    ACCORDING,
    ACCORDING_MODIFIERS,
    DESCRIPTION_DETERMINERS,
    PARTY_TAG,
    RELATIVE_BREAKS,
    RELATIVE_SUBJECT,
)
from presswire.quotes.lexicon import Lexicon
from presswire.quotes.phrases import join_words, phrase_after, trailing_name
from presswire.quotes.sentences import sentence_starts
from presswire.quotes.speakers import (
    MAX_NAME_WORDS,
    PRONOUNS,
    ROLE_CONNECTORS,
    Person,
    PersonIndex,
    is_role_word,
    role_before,
)
from presswire.quotes.tokens import Token, tokenize

__all__ = ["according_to_opening", "find_introducer", "resolve_speaker", "subject_speaker"]


def resolve_speaker(
    tokens: list[Token],
    cue: Cue,
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
    if any(token.lower == "and" for token in core):
        return Speaker(mention=mention)  # 'Washington and Berlin announced': no one person
    if core[-1].lower.endswith(("’s", "'s")):  # 'Ryabkov's view is that': the owner speaks
        owner = core[-1]
        core = [*core[:-1], Token(owner.text[:-2], owner.start, owner.end - 2)]
    name_words = trailing_name(core, lexicon)
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
    if not words or words[0].lower == "who" or PARTY_TAG.fullmatch(words[0].text):
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
    name_words = trailing_name(tokens[max(0, k + 1 - MAX_NAME_WORDS) : k + 1], lexicon)
    if not name_words:
        return Speaker(mention=mention)
    return _named_speaker(mention, name_words, None, people)


def _named_speaker(
    mention: str, name_words: list[Token], role: str | None, people: PersonIndex
) -> Speaker:
    """The speaker a name names: the article's person of that name (with the role the
    article gives them, else ``role``), or the name as written."""
    name = join_words(name_words)
    person = people.by_name(name)
    if person is not None:
        return Speaker(mention=mention, name=person.name, role=person.role or role, key=person.key)
    return Speaker(mention=mention, name=name, role=role, key=people.key(name) or None)


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
    return None  # a description that fits nobody named is the speaker as written


def according_to_opening(
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
    end = phrase_after(tokens, 2, lexicon, ACCORDING_MODIFIERS)
    if end <= 2:
        return None
    return resolve_speaker(tokens, Cue(2, end, "according to"), text, index, people, lexicon, last)


def find_introducer(
    text: str, index: int, people: PersonIndex, lexicon: Lexicon, last: Speaker | None
) -> Speaker | None:
    """Who speaks the quotation paragraph that a paragraph ending in a colon introduces: 'In
    response, Republican nominee Donald Trump issued the following statement:'."""
    stripped = text.rstrip()
    if not stripped.endswith(":"):
        return None
    sentence = sentence_starts(text, [])[-1]
    tokens = tokenize(text, sentence, len(stripped))
    cue = cue_before(tokens, list(range(len(tokens))), lexicon, people)
    return None if cue is None else resolve_speaker(tokens, cue, text, index, people, lexicon, last)


def subject_speaker(
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
