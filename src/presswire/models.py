"""The result types: :class:`Article` and its :class:`Quote`, :class:`Speaker`, :class:`Dateline`
and :class:`Fingerprint`.

All are frozen, slotted attrs classes validated at construction, so an object that exists is a
valid one. Sequences are stored as tuples (any iterable is accepted); ``extras`` is a read-only
mapping of JSON values. Use :func:`attrs.evolve` to derive a changed copy. Every field carries a
``doc`` in its metadata: the JSON Schema (``presswire.serialize.json_schema``) is built from it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Literal

import attrs
from attrs import field, frozen

__all__ = [
    "Article",
    "Dateline",
    "Fingerprint",
    "OutletInfo",
    "Quote",
    "QuoteKind",
    "SourceFormat",
    "Speaker",
]

QuoteKind = Literal["direct", "partial", "mixed", "indirect", "block"]
SourceFormat = Literal["text", "html"]

QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "mixed", "indirect", "block")
SOURCE_FORMATS: tuple[str, ...] = ("text", "html")

# An outlet or plugin name: short, lower case, usable as a file name and an entry-point name.
_NAME_RE = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")
# ISO 8601 as presswire writes it: a date, or a date and time with an optional UTC offset.
_ISO_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:[+-]\d{2}:\d{2}|Z)?)?"
)


def _doc(text: str) -> dict[str, str]:
    return {"doc": text}


# ---------------------------------------------------------------- converters and validators
def _to_str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, (str, bytes)):
        raise TypeError(f"expected a list of strings, got a single {type(value).__name__}")
    return tuple(value)


def _to_quote_tuple(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(value)


def _str_items(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    for item in value:
        if not isinstance(item, str):
            raise TypeError(f"{attribute.name} must hold strings, got {type(item).__name__}")


def _text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A non-blank string, in one call rather than a chain of attrs validators: quotes and
    speakers are built by the thousand."""
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a string, got {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{attribute.name} must not be blank (use None for 'not known')")


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """None, or a non-blank string."""
    if value is not None:
        _text(instance, attribute, value)


def _unit_interval(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if type(value) is float and 0.0 <= value <= 1.0:
        return  # the common case first: a validator runs for every quote and fingerprint
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{attribute.name} must be a number, got {type(value).__name__}")
    if math.isnan(value) or not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be between 0 and 1, got {value!r}")


def _name(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not _NAME_RE.fullmatch(value):
        raise ValueError(
            f"{attribute.name} must be a short lower-case name like 'rt' or 'tass', got {value!r}"
        )


def _iso8601(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    if not _ISO_RE.fullmatch(value):
        raise ValueError(f"{attribute.name} must be ISO 8601 (2020-11-13T11:53), got {value!r}")
    try:
        if "T" in value:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        else:
            date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"{attribute.name} is not a real date or time: {value!r}") from exc


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if type(value) is int and value >= 0:
        return  # the common case first: three of these run for every quote
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{attribute.name} must be an integer, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{attribute.name} must not be negative, got {value}")


def _check_json_value(value: Any, path: str) -> None:
    if value is None or isinstance(value, (str, bool, int)):
        return
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{path} is not a finite number")
        return
    if isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            _check_json_value(item, f"{path}[{i}]")
        return
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{path} has a key that is not a string: {key!r}")
            _check_json_value(item, f"{path}.{key}")
        return
    raise TypeError(f"{path} is not a JSON value: {type(value).__name__}")


def _to_extras(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if value is None:
        return MappingProxyType({})
    if not isinstance(value, Mapping):
        raise TypeError(f"extras must be a mapping, got {type(value).__name__}")
    _check_json_value(value, "extras")
    for key, item in value.items():
        if not isinstance(item, Mapping):
            raise TypeError(f"extras[{key!r}] must be a mapping (extras are keyed by plugin name)")
    return MappingProxyType({key: dict(item) for key, item in value.items()})


_QUOTE_KIND_SET = frozenset(QUOTE_KINDS)


def _quote_kind(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """One of :data:`QUOTE_KINDS` (a set lookup: ``attrs.validators.in_`` costs twice as much,
    and a quote is built for every quotation of every page)."""
    if not isinstance(value, str) or value not in _QUOTE_KIND_SET:
        raise ValueError(f"{attribute.name} must be in {QUOTE_KINDS!r}, got {value!r}")


def _optional_speaker(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    """None or a :class:`Speaker` (one call rather than attrs' ``optional(instance_of())``)."""
    if value is not None and not isinstance(value, Speaker):
        raise TypeError(f"{attribute.name} must be a Speaker or None, got {type(value).__name__}")


# ---------------------------------------------------------------- the classes
@frozen
class Speaker:
    """The person a quote is attributed to."""

    mention: str = field(
        validator=_text,
        metadata=_doc(
            "The words naming the speaker at the quote: 'Ryabkov', 'he', 'the diplomat'."
        ),
    )
    name: str | None = field(
        default=None,
        validator=_optional_text,
        metadata=_doc("The fullest name the article gives ('Sergei Ryabkov'); null if unresolved."),
    )
    role: str | None = field(
        default=None,
        validator=_optional_text,
        metadata=_doc("The speaker's role as the article states it, e.g. 'Kremlin spokesman'."),
    )
    key: str | None = field(
        default=None,
        validator=_optional_text,
        metadata=_doc(
            "A canonical id of the person, the same across transliterations and articles."
        ),
    )


def _to_fragments(value: Iterable[Iterable[int]]) -> tuple[tuple[int, int], ...]:
    fragments = []
    for fragment in value:
        pair = tuple(fragment)
        if len(pair) != 2:
            raise ValueError(f"a fragment is a (start, end) pair, got {pair!r}")
        fragments.append((pair[0], pair[1]))
    return tuple(fragments)


@frozen
class Quote:
    """One attribution: what a person said (quoted or reported), who said it, the cue and where
    it stands."""

    text: str = field(
        validator=_text,
        metadata=_doc(
            "What was said, without the quote marks around a direct quotation; the content "
            "fragments of an interrupted statement joined by one space."
        ),
    )
    paragraph: int = field(
        validator=_non_negative,
        metadata=_doc("Index into the article's paragraphs (0 for a quote in the lead)."),
    )
    start: int = field(
        validator=_non_negative,
        metadata=_doc("Character offset of the first fragment in that paragraph (inclusive)."),
    )
    end: int = field(
        validator=_non_negative,
        metadata=_doc("Character offset of the end of the last fragment (exclusive)."),
    )
    fragments: tuple[tuple[int, int], ...] = field(
        converter=_to_fragments,
        metadata=_doc(
            "The content's pieces as [start, end] offsets into the paragraph, in order: one for "
            "most quotes, several for a statement its reporting clause interrupts ('“...,” he "
            "said. “...”') or quotations listed under one cue."
        ),
    )
    kind: QuoteKind = field(
        default="direct",
        validator=_quote_kind,
        metadata=_doc(
            "'direct' (quoted words); 'partial' (a quoted fragment whose reported clause was "
            "not found); 'mixed' (reported speech holding quoted words); 'indirect' (reported "
            "speech without quote marks: 'Ryabkov noted that ...'); 'block' (a quotation set "
            "off as its own paragraph without marks)."
        ),
    )
    speaker: Speaker | None = field(
        default=None,
        validator=_optional_speaker,
        metadata=_doc("Who said it, or null when no speaker could be found."),
    )
    cue: str | None = field(
        default=None,
        validator=_optional_text,
        metadata=_doc(
            "The reporting verb or phrase as written ('said', 'told', 'according to', 'quoted'), "
            "or null."
        ),
    )
    via: str | None = field(
        default=None,
        validator=_optional_text,
        metadata=_doc("The agency or outlet that relayed the quote ('TASS', 'Interfax'), or null."),
    )
    confidence: float = field(
        default=1.0,
        validator=_unit_interval,
        metadata=_doc("How sure the extractor is of the quote and its speaker, 0 to 1."),
    )
    in_lead: bool = field(
        default=False,
        validator=attrs.validators.instance_of(bool),
        metadata=_doc(
            "True for a statement in the article's lead: its offsets are then into ``lead``, "
            "not into a paragraph."
        ),
    )

    @fragments.default
    def _one_fragment(self) -> tuple[tuple[int, int], ...]:
        return ((self.start, self.end),)

    @end.validator
    def _check_end(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            raise ValueError(f"end must not be before start: {self.start}..{value}")

    @fragments.validator
    def _check_fragments(
        self, attribute: attrs.Attribute[Any], value: tuple[tuple[int, int], ...]
    ) -> None:
        if len(value) == 1 and value[0] == (self.start, self.end):
            if self.end - self.start != len(self.text):  # the common case: one fragment
                raise ValueError(
                    f"end - start must equal len(text): {self.start}..{self.end} "
                    f"for {len(self.text)}"
                )
            return
        if not value:
            raise ValueError("fragments must hold at least one (start, end) pair")
        if value[0][0] != self.start or value[-1][1] != self.end:
            raise ValueError("fragments must run from start to end")
        total, previous_end = len(value) - 1, -1
        for begin, finish in value:
            for number in (begin, finish):
                if isinstance(number, bool) or not isinstance(number, int):
                    raise TypeError(f"fragment offsets must be integers, got {number!r}")
            if not previous_end <= begin < finish:
                raise ValueError(f"fragments must be in order and not overlap: {value!r}")
            total += finish - begin
            previous_end = finish
        if total != len(self.text):
            raise ValueError("text must be the fragments joined by one space")

    def fragment_texts(self, paragraph: str) -> tuple[str, ...]:
        """The text of each fragment, read from the quote's ``paragraph``."""
        return tuple(paragraph[begin:finish] for begin, finish in self.fragments)


@frozen
class Dateline:
    """The dateline that opens a news agency's report: 'PSKOV, May 30. /TASS/.'."""

    place: str | None = field(
        default=None,
        validator=_optional_text,
        metadata=_doc("The place as written, e.g. 'PSKOV' or 'IGORA /Leningrad Region/'."),
    )
    date_text: str | None = field(
        default=None,
        validator=_optional_text,
        metadata=_doc("The date as written in the dateline, e.g. 'May 30'."),
    )
    agency: str | None = field(
        default=None,
        validator=_optional_text,
        metadata=_doc("The agency named in the dateline, e.g. 'TASS'."),
    )


@frozen
class Fingerprint:
    """How strongly one plugin recognises a document as its outlet's, and why."""

    score: float = field(validator=_unit_interval, metadata=_doc("0 (not this outlet) to 1."))
    evidence: tuple[str, ...] = field(
        default=(),
        converter=_to_str_tuple,
        validator=_str_items,
        metadata=_doc("Short descriptions of what was recognised."),
    )
    plugin: str = field(
        default="",
        validator=attrs.validators.instance_of(str),
        metadata=_doc("The name of the plugin that scored (filled in by presswire)."),
    )


@frozen
class OutletInfo:
    """A plugin's description of itself, for ``docs/outlets.md`` and ``presswire outlets``."""

    outlet: str | None = field(
        validator=_name, metadata=_doc("The outlet short name the plugin sets, or null.")
    )
    title: str = field(
        validator=_text,
        metadata=_doc("The outlet's name for people, e.g. 'RT (rt.com)'."),
    )
    recognises: tuple[str, ...] = field(
        default=(),
        converter=_to_str_tuple,
        validator=_str_items,
        metadata=_doc("What the fingerprint looks for, in a few words each."),
    )
    fields: tuple[str, ...] = field(
        default=(),
        converter=_to_str_tuple,
        validator=_str_items,
        metadata=_doc("The Article fields the plugin fills when the page states them."),
    )
    notes: str | None = field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(str)),
        metadata=_doc("Anything a user should know: where a date comes from, known gaps."),
    )

    @fields.validator
    def _check_fields(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        known = {a.name for a in attrs.fields(Article)}
        unknown = [name for name in value if name not in known]
        if unknown:
            raise ValueError(f"not Article fields: {', '.join(unknown)}")


def _str_field(doc: str) -> Any:
    return field(
        default=None,
        validator=_optional_text,
        metadata=_doc(doc),
    )


@frozen
class Article:
    """One news page turned into structured fields.

    Plugins return an ``Article`` with the fields their page gives; presswire then fills in
    ``fingerprint``, ``source_format``, ``quotes`` and merges ``warnings``. A field the page does
    not give is ``None`` (or empty), never guessed.
    """

    outlet: str | None = field(
        default=None,
        validator=_name,
        metadata=_doc("The outlet's short name ('rt', 'tass', 'presstv', ...), null if not known."),
    )
    publisher: str | None = _str_field(
        "The publisher's name as an HTML page gives it (``og:site_name``, the JSON-LD "
        "publisher), null when the page names none or the source is a text dump."
    )
    title: str | None = _str_field("The headline.")
    published: str | None = field(
        default=None,
        validator=_iso8601,
        metadata=_doc(
            "Publication time, ISO 8601; with a UTC offset only when the page states one."
        ),
    )
    section: str | None = _str_field("The section or rubric the page files the article under.")
    dateline: Dateline | None = field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(Dateline)),
        metadata=_doc("The dateline opening the body ('PSKOV, May 30. /TASS/.'), or null."),
    )
    authors: tuple[str, ...] = field(
        default=(),
        converter=_to_str_tuple,
        validator=_str_items,
        metadata=_doc("Author names as the page gives them."),
    )
    lead: str | None = _str_field("The standfirst or lead sentence, when the page sets one apart.")
    paragraphs: tuple[str, ...] = field(
        default=(),
        converter=_to_str_tuple,
        validator=_str_items,
        metadata=_doc("Body paragraphs in order; title, subheadings and boilerplate excluded."),
    )
    subheadings: tuple[str, ...] = field(
        default=(),
        converter=_to_str_tuple,
        validator=_str_items,
        metadata=_doc("Subheadings inside the body, in order."),
    )
    captions: tuple[str, ...] = field(
        default=(),
        converter=_to_str_tuple,
        validator=_str_items,
        metadata=_doc("Image and video captions, with photo credits."),
    )
    related: tuple[str, ...] = field(
        default=(),
        converter=_to_str_tuple,
        validator=_str_items,
        metadata=_doc("Headlines of related articles removed from the body."),
    )
    tags: tuple[str, ...] = field(
        default=(),
        converter=_to_str_tuple,
        validator=_str_items,
        metadata=_doc("Tags, topics and persons the page lists."),
    )
    quotes: tuple[Quote, ...] = field(
        default=(),
        converter=_to_quote_tuple,
        metadata=_doc(
            "Attributions in the lead and the body (quoted and reported speech), in order."
        ),
    )
    fingerprint: Fingerprint | None = field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(Fingerprint)),
        metadata=_doc("The winning plugin's fingerprint."),
    )
    url: str | None = _str_field("The URL given as a hint, or found in the page.")
    source_format: SourceFormat = field(
        default="text",
        validator=attrs.validators.in_(SOURCE_FORMATS),
        metadata=_doc("'text' for a text dump, 'html' for an HTML page."),
    )
    extras: Mapping[str, Any] = field(
        factory=dict,
        converter=_to_extras,
        metadata=_doc("Plugin-specific data, keyed by plugin name; values are JSON."),
    )
    warnings: tuple[str, ...] = field(
        default=(),
        converter=_to_str_tuple,
        validator=_str_items,
        metadata=_doc("What could not be found or was guessed, and plugins that failed."),
    )

    @quotes.validator
    def _check_quotes(self, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for i, quote in enumerate(value):
            if not isinstance(quote, Quote):
                raise TypeError(f"quotes[{i}] must be a Quote, got {type(quote).__name__}")
            if quote.in_lead:
                if self.lead is None or quote.paragraph != 0:
                    raise ValueError(
                        f"quotes[{i}] is in the lead, so the article needs a lead and the "
                        "quote paragraph 0"
                    )
            elif quote.paragraph >= len(self.paragraphs):
                raise ValueError(
                    f"quotes[{i}] points at paragraph {quote.paragraph}, "
                    f"but there are {len(self.paragraphs)}"
                )
            paragraph = self.passage(quote)
            if len(quote.fragments) == 1:
                pointed = paragraph[quote.start : quote.end]
            else:
                pointed = " ".join(quote.fragment_texts(paragraph))
            if pointed != quote.text:
                raise ValueError(
                    f"quotes[{i}]: its fragments do not point at its text in "
                    + ("the lead" if quote.in_lead else "paragraph")
                )

    @property
    def text(self) -> str:
        """The article's text: the lead and the paragraphs, a blank line between them (what
        ``presswire parse --format body`` prints)."""
        return "\n\n".join(part for part in (self.lead, *self.paragraphs) if part)

    def passage(self, quote: Quote) -> str:
        """The text ``quote``'s offsets point into: the lead for a quote in the lead, else its
        paragraph (``passage(q)[q.start:q.end] == q.text`` for a one-fragment quote)."""
        if quote.in_lead:
            if self.lead is None:
                raise ValueError("the quote is in the lead, but the article has no lead")
            return self.lead
        return self.paragraphs[quote.paragraph]

    # Serialisation lives in presswire.serialize; these are the conveniences users expect.
    def to_dict(self) -> dict[str, Any]:
        """Return the article as plain JSON-compatible Python data."""
        from presswire.serialize import to_dict

        return to_dict(self)

    def to_json(self, *, indent: int | None = None) -> str:
        """Return the article as a JSON string (UTF-8 text, non-ASCII kept as is)."""
        from presswire.serialize import to_json

        return to_json(self, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Build an article from :meth:`to_dict` output; raises ``InvalidDataError`` if invalid."""
        from presswire.serialize import from_dict

        return from_dict(data)

    @classmethod
    def from_json(cls, text: str | bytes) -> Article:
        """Build an article from :meth:`to_json` output; raises ``InvalidDataError`` if invalid."""
        from presswire.serialize import from_json

        return from_json(text)
