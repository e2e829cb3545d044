"""Who the people of an article are: names, roles, canonical keys; resolving mentions."""

from __future__ import annotations

import bisect
import re
import sys
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from attrs import define, field

from presswire.quotes.lexicon import Lexicon, words
from presswire.quotes.tokens import Token, is_capitalised

__all__ = ["Person", "PersonIndex", "canonical_key"]

# Words that make up a role in front of a name: 'Russian Deputy Foreign Minister',
# 'Kremlin spokesman', 'Secretary of State', 'Russian ambassador to the US'.
ROLE_WORDS = frozenset(
    words(
        """
    deputy vice foreign prime state defense defence interior finance justice press senior former
    acting chief national security general first lead top special white house department
    foreign-policy high-ranking presidential kremlin pentagon un nato eu us u.s. russian
    american iranian ukrainian chinese british french german israeli turkish syrian european
    indian japanese polish italian spanish canadian saudi iraqi afghan israeli palestinian
    lebanese egyptian qatari emirati belarusian georgian armenian azerbaijani kazakh venezuelan
    cuban mexican brazilian north south korean republican democratic democrat gop attorney
    secretary minister ministry spokesman spokeswoman spokesperson president ambassador envoy
    diplomat official senator congressman congresswoman representative rep governor mayor
    chairman chairwoman chair leader lawyer candidate nominee adviser advisor aide director head
    premier commander analyst expert economist professor journalist correspondent anchor host
    reporter editor columnist writer author founder executive ceo activist general colonel
    admiral sergeant captain lieutenant major pope king queen prince sheikh ayatollah cardinal
    bishop senate majority minority whip speaker judge sheriff commissioner councilman
    councilwoman alderman pastor strategist pollster consultant actor actress comedian
    chancellor treasurer prosecutor
    """
    )
)
ROLE_CONNECTORS = frozenset({"of", "to", "for", "the", "and", "on"})
TITLES = words("mr mrs ms dr sen sens rep reps gov govs gen prof capt lt col maj sgt adm cmdr rev")
"""Titles written before a name, abbreviated with a dot or not: 'Sen.', 'Capt.', 'Mr'."""
HONORIFICS = frozenset(TITLES) | frozenset(title + "." for title in TITLES)
NAME_PARTICLES = frozenset(
    {
        "de",
        "van",
        "von",
        "der",
        "bin",
        "al",
        "el",
        "da",
        "di",
        "du",
        "la",
        "le",
        "ibn",
        "abu",
        "ben",
    }
)
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it", "him", "her"})


def canonical_key(name: str, lexicon: Lexicon) -> str:
    """A person's id, the same across transliterations: 'Sergey Ryabkov' -> 'sergei-ryabkov'."""
    words = [_ascii(word.strip("[]")).lower() for word in name.replace("-", " ").split()]
    words = [w.strip(".’'") for w in words if w.strip(".’'")]
    words = [lexicon.name_variants.get(word, word) for word in words]
    return "-".join(words)


def _ascii(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@define
class Person:
    """A person the article names: the fullest name given, a role, every mention position."""

    name: str
    key: str
    role: str | None = None
    positions: list[tuple[int, int]] = field(factory=list)  # (paragraph, offset)
    name_text: str = ""  # the text ``name`` was read in: title case there makes it weak

    @property
    def surname(self) -> str:
        return self.name.split()[-1].strip("[]")


def _better_name(new: list[str], new_titled: bool, old: list[str], old_titled: bool) -> bool:
    """Whether a person's name ``new`` names them better than ``old``: the fuller name
    ('Donald J. Trump' over 'Donald Trump'), but not one with a word glued on in front ('Govs
    Jeb Bush' after 'Jeb Bush'). Words run into names in a title-case line ('Wall Street
    Donald Trump Said'): a name read there never replaces one read in a sentence, and gives
    way to the same name without the words in front."""
    if old_titled and not new_titled and len(new) < len(old) and old[-len(new) :] == new:
        return True
    if new_titled and not old_titled:
        return False
    return len(new) > len(old) and new[-len(old) :] != old


TITLE_CASE_SHARE = 0.75
"""Share of the longer words (four letters or more) capitalised in a title-case line."""


def is_title_case(text: str) -> bool:
    """A headline in title case ('Hillary Clinton Slams Donald Trump Over ...'): three or more
    longer words, at least :data:`TITLE_CASE_SHARE` of them capitalised."""
    longer = [word for word in text.split(None, 60) if len(word) >= 4 and word[0].isalpha()]
    if len(longer) < 3:
        return False
    capitalised = sum(1 for word in longer if word[0].isupper())
    return capitalised >= TITLE_CASE_SHARE * len(longer)


class NameMention(NamedTuple):
    """A full name in the text (a tuple: built for every name of every article)."""

    name: str
    role: str | None
    paragraph: int
    start: int
    end: int


class PersonIndex:
    """The people named in an article's paragraphs, found once per article."""

    def __init__(
        self, paragraphs: Iterable[str], lexicon: Lexicon, context: Iterable[str] = ()
    ) -> None:
        """Index the people of ``paragraphs``; ``context`` (title, lead, captions) adds names
        and roles without positions in the body."""
        self.lexicon = lexicon
        self.people: dict[str, Person] = {}
        self._by_surname: dict[str, Person] = {}
        self.mentions: list[NameMention] = []
        # The lexicon's memo: the same names recur through an article and a corpus.
        self._keys: dict[str, str] = lexicon._memo("keys")
        self._title_case: dict[str, bool] = {}  # is_title_case, for the texts that need it
        for text in context:
            for mention in find_names(text, -1, lexicon):
                self._add(mention, text, positioned=False)
        for index, paragraph in enumerate(paragraphs):
            for mention in find_names(paragraph, index, lexicon):
                self.mentions.append(mention)
                self._add(mention, paragraph)
        self._positions = [(m.paragraph, m.start) for m in self.mentions]  # sorted by building

    def key(self, name: str) -> str:
        """:func:`canonical_key` of ``name``, memoised in the lexicon."""
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = canonical_key(name, self.lexicon)
        return key

    def _add(self, mention: NameMention, text: str, *, positioned: bool = True) -> None:
        key = self.key(mention.name)
        surname = key.rsplit("-", 1)[-1]
        person = self.people.get(key) or self._by_surname.get(surname)
        if person is None:
            person = Person(name=mention.name, key=key, role=mention.role, name_text=text)
            self.people[key] = person
        elif mention.name != person.name and _better_name(
            mention.name.split(),
            self._titled(text),
            person.name.split(),
            self._titled(person.name_text),
        ):
            person.name = mention.name
            person.name_text = text
            self.people.pop(person.key, None)
            person.key = key
            self.people[key] = person
        if person.role is None and mention.role:
            person.role = mention.role
        if positioned:
            person.positions.append((mention.paragraph, mention.start))
        self._by_surname.setdefault(surname, person)

    def _titled(self, text: str) -> bool:
        answer = self._title_case.get(text)
        if answer is None:
            answer = self._title_case[text] = is_title_case(text)
        return answer

    def by_name(self, words: str) -> Person | None:
        """The person a name or surname mention refers to ('Ryabkov', 'Sergey Ryabkov')."""
        key = self.key(words)
        if not key:
            return None
        return self.people.get(key) or self._by_surname.get(key.rsplit("-", 1)[-1])

    def mentions_in(self, paragraph: int) -> list[NameMention]:
        """The full-name mentions of one paragraph, in order."""
        low = bisect.bisect_left(self._positions, (paragraph, -1))
        high = bisect.bisect_left(self._positions, (paragraph + 1, -1))
        return self.mentions[low:high]

    def before(self, paragraph: int, offset: int) -> list[Person]:
        """People mentioned before a position, the most recent first (within
        :data:`LOOKBACK` mentions: a pronoun does not reach further back)."""
        end = bisect.bisect_left(self._positions, (paragraph, offset))
        seen: dict[str, Person] = {}
        for mention in reversed(self.mentions[max(0, end - LOOKBACK) : end]):
            person = self.by_name(mention.name)
            if person is not None and person.key not in seen:
                seen[person.key] = person
        return list(seen.values())

    def after(self, paragraph: int, offset: int) -> list[Person]:
        """People mentioned after a position, nearest first: later in its paragraph and in the
        next paragraph that names anyone (a paragraph that names nobody is no distance)."""
        start = bisect.bisect_right(self._positions, (paragraph, offset))
        found: dict[str, Person] = {}
        last_paragraph: int | None = None
        for mention in self.mentions[start : start + LOOKBACK]:
            if mention.paragraph > paragraph:
                if last_paragraph is None:
                    last_paragraph = mention.paragraph
                elif mention.paragraph > last_paragraph:
                    break
            person = self.by_name(mention.name)
            if person is not None:
                found.setdefault(person.key, person)
        return list(found.values())


# Two or more capitalised words in a row (with name particles): a candidate name. Each word
# starts with a character class, not an optional '[', so that the regex engine can skip ahead
# to candidate characters (twice as fast); '[word' is weeded out by _name_string. Where the
# regex engine has possessive repeats (Python 3.11), a word and the space after it are taken
# whole: nothing after them could match inside them, and a capitalised word followed by a
# lower-case one (most of them) then fails without backing up a character at a time.
_POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""
_CAPITALISED_RUN = re.compile(
    rf"[\[A-Z][\w’'.\-]*{_POSSESSIVE}\]?(?:\s+{_POSSESSIVE}"
    r"(?:(?:de|van|von|der|bin|al|el|da|di|du|la|le|ibn|abu|ben)\s+)?"
    rf"[\[A-Z][\w’'.\-]*{_POSSESSIVE}\]?)+"
)
LOOKBACK = 200
"""How many name mentions back (or ahead) a pronoun or description is resolved over."""
ROLE_WINDOW = 90
"""Characters in front of a name looked at for its role."""
MAX_NAME_WORDS = 4
"""More capitalised words in a row than this ('Donald Trump Calls Out Ted Cruz') are a
headline in title case, not a name: 'Martin Luther King Jr' and 'Harry B. Harris Jr' fit."""
IRREGULAR_PAST = frozenset({"said", "told", "wrote", "thought"})
"""Past forms of reporting verbs that end in none of -s, -ed and -ing."""
MEMO_WORDS = 8192
"""Words whose answers :func:`_may_end_role` keeps (least recently used ones give way)."""


def find_names(text: str, paragraph: int, lexicon: Lexicon) -> list[NameMention]:
    """Names of two or more capitalised words, with the role words in front of them."""
    mentions: list[NameMention] = []
    # The names of a run depend on its words alone, and runs recur through an article and a
    # corpus ('Sergei Ryabkov', 'The White House'): the lexicon's memo keeps them.
    known = lexicon._memo("name runs")
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group()
        names = known.get(words)
        if names is None:
            names = known[words] = _names_in_run(words, lexicon)
        if not names:
            continue  # most runs: 'The White House', 'In May'
        offset = run.start()
        for name, start, end in names:
            start += offset
            mentions.append(
                NameMention(name, _role_in_front(text, start), paragraph, start, end + offset)
            )
    return mentions


def _names_in_run(run: str, lexicon: Lexicon) -> tuple[tuple[str, int, int], ...]:
    """The names in a run of capitalised words, with their offsets in the run."""
    # 'A.' in 'Julie A. Diaz' is kept as written ('John F. Kennedy'): an initial joins a
    # name even where 'A' alone is no name word; other words lose trailing punctuation
    words = [
        word.rstrip(",.;:") if word[-1] in ",.;:" and not _is_initial(word) else word
        for word in run.split()
    ]
    known = lexicon._memo("name words")  # which words can be part of a name
    can_name = []
    for word in words:
        answer = known.get(word)
        if answer is None:
            answer = known[word] = _name_string(word, lexicon)
        can_name.append(answer)
    if True not in can_name:
        return ()
    count = len(words)
    positions: list[int] = []  # the words' offsets, found for a run that holds a name
    names: list[tuple[str, int, int]] = []
    index = 0
    while index < count:
        if not can_name[index]:
            index += 1
            continue
        end = index
        while end + 1 < count and (
            can_name[end + 1]
            or (
                end + 2 < count
                and can_name[end + 2]
                and (words[end + 1].lower() in NAME_PARTICLES or _is_initial(words[end + 1]))
            )
        ):
            end += 1
        last_word = words[end]
        if (
            end > index
            and end - index < MAX_NAME_WORDS
            and last_word.lower() not in lexicon.non_person_words
        ):
            if not positions:
                position = 0
                for word in words:  # words are separated by white space only
                    position = run.find(word, position)
                    positions.append(position)
                    position += len(word)
            names.append(
                (
                    " ".join(word.strip("[]") for word in words[index : end + 1]),
                    positions[index],
                    positions[end] + len(last_word),
                )
            )
        index = end + 1
    return tuple(names)


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def _name_string(word: str, lexicon: Lexicon) -> bool:
    lower = word.lower().strip("[]")
    return (
        bool(lower)
        and is_capitalised(word)
        and not is_role_word(lower)
        and lower not in lexicon.non_speakers
        and lower not in HONORIFICS
        and lower not in PRONOUNS
        and not (word.isupper() and len(word) > 1)
        and not lower.endswith(("’s", "'s"))
        and not _headline_verb(lower, lexicon)
    )


def is_inflected(verb: str) -> bool:
    """A verb form with a tense or person ending ('says', 'added', 'saying', 'said'), which
    agrees with a singular subject and which no name is."""
    return verb.endswith(("s", "ed", "ing")) or verb in IRREGULAR_PAST


def _headline_verb(lower: str, lexicon: Lexicon) -> bool:
    """A reporting verb capitalised in a title-case headline ('Glenn Beck Says Trump ...'):
    an inflected form ('States' is left to the organisation words)."""
    return (
        lower in lexicon.reporting_verbs
        and is_inflected(lower)
        and lower not in lexicon.non_person_words
    )


def _role_in_front(text: str, start: int) -> str | None:
    """The role written right in front of a name, as written: 'Kremlin spokesman'."""
    window = text[max(0, start - ROLE_WINDOW) : start]
    # Most names have none: the word right in front decides that without splitting the window.
    last = window.rsplit(None, 1)[-1:]
    if not last or not _may_end_role(last[0]):
        return None
    words = window.split()
    if start > ROLE_WINDOW and window[:1].strip():
        words = words[1:]  # the window cut a word in two
    first = len(words)
    while first > 0:
        if not _may_end_role(words[first - 1]):
            break
        first -= 1
    role = words[first:]
    while role and not (is_role_word(role[0].lower()) or role[0].isupper()):
        role = role[1:]
    if not any(is_role_word(word.lower()) for word in role):
        return None
    return " ".join(role)


@lru_cache(maxsize=MEMO_WORDS)
def _may_end_role(word: str) -> bool:
    """Whether ``word`` can be the last word of a role in front of a name: a role word, a
    connector or an acronym, with no punctuation before the name. Memoised: it is asked of
    each word in front of every name, and the same few words stand there ('President',
    'said', 'the')."""
    if word[-1] in ',.;:!?”"':
        return False
    lower = word.lower()
    return is_role_word(lower) or lower in ROLE_CONNECTORS or (word.isupper() and len(word) <= 4)


def is_name_word(token: Token, lexicon: Lexicon) -> bool:
    """A word token that can be part of a name (:func:`_name_string`)."""
    return token.is_word and _name_string(token.text, lexicon)


def is_role_word(lower: str) -> bool:
    """'minister', 'Deputy', and compounds of them: 'president-elect', 'vice-president'."""
    return lower in ROLE_WORDS or ("-" in lower and lower.split("-")[0] in ROLE_WORDS)


def role_before(tokens: list[Token], name_start: int, limit: int = 8) -> str | None:
    """The role words right in front of a name, as written: 'Kremlin spokesman', 'Secretary
    of State', 'Russian ambassador to the US'."""
    start = name_start
    while start > 0 and name_start - start < limit:
        previous = tokens[start - 1]
        if previous.is_word and _may_end_role(previous.text):
            start -= 1
            continue
        break
    # A role starts with a role word or an acronym ('RT correspondent'), not a connector.
    while start < name_start and not (
        is_role_word(tokens[start].lower) or tokens[start].text.isupper()
    ):
        start += 1
    if start == name_start:
        return None
    return " ".join(t.text for t in tokens[start:name_start])
