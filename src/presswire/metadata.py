"""What an HTML page says about its article, chosen among every place it says it.

A page states its headline, authors and publication time several times over: JSON-LD of any
shape, Open Graph and other ``<meta>`` tags, ``<h1>``, ``<time>``, microdata, author links in
the visible byline, the URL. They disagree: ``<title>`` and ``og:title`` carry the site's
name ("… - Golem.de", "…：朝日新聞デジタル"), the byline meta names the publisher ("n-tv
NACHRICHTEN"), a JSON-LD author is "Brazil, Rachel". This module reads them all from
:class:`~presswire.html.PageMetadata` and chooses; the rules are the tables below.

- headline: the article object's JSON-LD ``headline`` (the headline the publisher states for
  the article; ``og:title`` is often written for sharing), else ``og:title``, the page's
  ``<h1>``, ``twitter:title``, ``<title>``, each without the site's name, section or byline
  around it; ``og:title`` wins where the JSON-LD headline is it behind a kicker ('Neue
  Leipziger Schule: Judy Lybke, …').
- authors: person names, split ('A and B', 'A, B und C'), 'Last, First' turned round,
  profile slugs and e-mail addresses turned into names or dropped, the publisher and desk
  names left out.
- published: the article object's ``datePublished``, the ``<meta>`` publication tags,
  ``<time>`` and microdata, then :mod:`htmldate` over the page and its URL; written dates
  ("19 Nov 2019 07:09 GMT") are read by :mod:`dateparser`, and an offset is kept as stated.
- publisher: ``og:site_name`` or the JSON-LD publisher's name.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any, cast
from urllib.parse import urlsplit

import lxml.etree

from presswire.dates import MIN_YEAR, format_datetime, looks_iso, parse_iso, parse_written
from presswire.document import clean_line
from presswire.html import PageMetadata, element_text

__all__ = [
    "article_objects",
    "author_links",
    "page_authors",
    "page_headline",
    "page_published",
    "page_publisher",
    "person_names",
    "read_date",
    "site_names",
    "strip_site_name",
]

# ---------------------------------------------------------------- rules (data)
ARTICLE_TYPE_ENDINGS = ("Article", "Posting", "Report")
"""JSON-LD ``@type`` names of an article object end so: NewsArticle, ReportageNewsArticle,
BlogPosting, LiveBlogPosting, Report."""
SITE_NAME_META = ("og:site_name", "application-name", "apple-mobile-web-app-title")
TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·•/:»*~]+\s+|\s*[｜：|ㅣ]\s*|\s+-|-\s+|--+")
"""What stands between a headline and the site name, section or byline a title adds to it."""
TITLE_NOISE = re.compile(r"(?i)(?:by\s.+|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}|DW)")
"""Title segments that are neither headline nor site: a byline, a date, a broadcaster's tag."""
INVISIBLE_CHARACTERS = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
"""Soft hyphens and zero-width characters: in the markup, not in the headline one reads."""
KICKER_ENDINGS = (":", "-", "–", "—", "|", "/")
"""How a kicker (a rubric line: 'Neue Leipziger Schule:') ends before the headline it opens."""
MAX_KICKER_WORDS = 8
"""A kicker is a few words; more, and the shorter title is an abridgement, not the headline."""
HOST_WORDS = frozenset({"www", "com", "co", "org", "net", "news", "de", "uk", "at", "ch", "amp"})
"""Parts of a host name that name no site ('www.golem.de' is 'golem')."""

PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "date",
    "dc.date",
)
"""``<meta>`` names of the publication time, the most specific first."""
AUTHOR_META = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dcsext.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
)
AUTHOR_LABELS = frozenset(
    {"written by", "author", "authors", "verfasst von", "von", "autor", "auteur", "por", "by"}
)
"""``twitter:labelN`` values whose ``twitter:dataN`` is the byline (Yoast writes them)."""
NAME_SEPARATOR = re.compile(
    r"\s*(?:,|;|&|\s(?:and|und|et|y|e|og|och|en)\s|\s/\s|\|)\s*", re.IGNORECASE
)
BYLINE_OPENER = re.compile(
    r"(?i)^(?:by|von|de|por|par|di|door|av|af|texte?|text|written by|verfasst von)[:\s]+"
)
ORGANISATION_WORDS = frozenset(
    {
        "gmbh",
        "ag",
        "kg",
        "ltd",
        "llc",
        "inc",
        "verlag",
        "redaktion",
        "newsroom",
        "staff",
        "desk",
        "nachrichten",
        "news",
        "agency",
        "agencies",
        "press",
        "media",
        "online",
        "digital",
        "editorial",
        "team",
    }
)
"""Words of a desk or company name, never of a person's ('Chemnitzer Verlag und Druck GmbH',
'n-tv NACHRICHTEN', 'Reuters staff')."""
MAX_NAME_WORDS = 5
AUTHOR_PATHS = ("/author/", "/authors/", "/autor/", "/autoren/", "/auteur/", "/journalist/")
"""Parts of a link's address that make it a link to an author's page."""
MAX_AUTHOR_LINKS = 10
MAX_TIMES = 10
# Found by XPath, in C, and only when the page's metadata name no author or date: a Python
# loop over every element of a large page costs more than the rest of the metadata together.
_AUTHOR_LINKS = lxml.etree.XPath(
    "//a[contains(@rel, 'author') or "
    + " or ".join(f"contains(@href, '{path}')" for path in AUTHOR_PATHS)
    + "]"
)
_PUBLICATION_TIMES = lxml.etree.XPath('//*[@itemprop="datePublished" or @pubdate]')
_NAME_LIKE = re.compile(r"[^\W\d_][\w.'’\- ]{1,60}")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URL = re.compile(r"(?i)^https?://")
_SLUG = re.compile(r"^[a-z]+(?:[-_][a-z]+)+$")


# ---------------------------------------------------------------- helpers
GERMAN_SPELLINGS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
"""How host names spell umlauts: 'Börsen-Zeitung' is at boersen-zeitung.de."""
MAX_SITE_NAME_WORDS = 6
"""A longer 'name' of a WebSite or publisher object is a headline put there by mistake."""


def _key(text: str) -> str:
    """A text reduced to its letters and digits, case-folded, umlauts spelled out and other
    accents dropped ('Börsen-Zeitung' and 'boersen-zeitung' are one key)."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(GERMAN_SPELLINGS)
    bare = "".join(
        ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch)
    )
    return re.sub(r"\W+", "", bare)


def _text(value: Any) -> str | None:
    """A JSON-LD or ``<meta>`` string cleaned for reading: entities decoded, invisible
    characters dropped, white space collapsed; None when nothing is left."""
    if not isinstance(value, str):
        return None
    text = clean_line(html.unescape(value).translate(INVISIBLE_CHARACTERS))
    return text or None


def _is_article(item: Mapping[str, Any]) -> bool:
    types = item.get("@type")
    for name in types if isinstance(types, list) else [types]:
        if isinstance(name, str) and name.endswith(ARTICLE_TYPE_ENDINGS):
            return True
    return False


def article_objects(meta: PageMetadata) -> list[Mapping[str, Any]]:
    """The page's JSON-LD article objects (NewsArticle and the like), the page's own first."""
    return [item for item in meta.jsonld if _is_article(item)]


def site_names(meta: PageMetadata, url: str | None) -> set[str]:
    """The names the page gives its site (``og:site_name`` and the like, the JSON-LD
    publisher and WebSite, the main part of the URL's host), each reduced to its letters and
    digits in lower case, umlauts spelled out, for comparing ('Börsen-Zeitung' is
    'boersenzeitung')."""
    names = {meta.first(name) for name in SITE_NAME_META}
    for item in meta.jsonld:
        publisher = item.get("publisher")
        if isinstance(publisher, dict):
            names.add(_text(publisher.get("name")))
        if item.get("@type") in ("WebSite", "Organization", "NewsMediaOrganization"):
            names.add(_text(item.get("name")))
    host = (urlsplit(url).hostname or "") if url else ""
    parts = [part for part in host.split(".")[:-1] if part not in HOST_WORDS]
    if parts:
        names.add(max(parts, key=len))
        names.add(host.removeprefix("www."))
    return {_key(name) for name in names if name and len(name.split()) <= MAX_SITE_NAME_WORDS} - {
        ""
    }


def _is_site(segment: str, sites: set[str]) -> bool:
    key = _key(segment)
    if not key:
        return True
    return any(
        key == site
        or (len(site) >= 4 and site in key and len(key) <= len(site) + 12)
        or (len(key) >= 4 and key in site)
        for site in sites
    )


# ---------------------------------------------------------------- headline
def strip_site_name(title: str, sites: Iterable[str], sections: Iterable[str] = ()) -> str:
    """``title`` without the site name, section, byline or date segments a page's
    ``<title>`` or ``og:title`` sets before or after the headline ('… - Golem.de',
    '…：朝日新聞デジタル', 'Vierschanzentournee | …'). Segments are cut only at a
    :data:`TITLE_SEPARATOR` and only when they are one of those; the headline's own dashes
    stay."""
    sites = {_key(site) for site in sites} - {""}  # names as written, or keys already
    section_keys = {_key(section) for section in sections} - {""}
    bounds: list[tuple[int, int]] = []
    last = 0
    for match in TITLE_SEPARATOR.finditer(title):
        bounds.append((last, match.start()))
        last = match.end()
    bounds.append((last, len(title)))

    def noise(segment: tuple[int, int]) -> bool:
        text = title[segment[0] : segment[1]].strip()
        return (
            _is_site(text, sites)
            or _key(text) in section_keys
            or TITLE_NOISE.fullmatch(text) is not None
        )

    while len(bounds) > 1 and noise(bounds[-1]):
        bounds.pop()
    while len(bounds) > 1 and noise(bounds[0]):
        bounds.pop(0)
    return title[bounds[0][0] : bounds[-1][1]].strip(" -|:·")


def page_headline(meta: PageMetadata, url: str | None = None) -> str | None:
    """The article's headline (see the module's docstring for the order)."""
    sites = site_names(meta, url)
    sections = [meta.first("article:section") or ""]

    def cleaned(value: Any) -> str | None:
        text = _text(value)
        return (strip_site_name(text, sites, sections) or None) if text else None

    headline = next(
        (
            text
            for item in article_objects(meta)
            if (text := cleaned(item.get("headline") or item.get("name")))
        ),
        None,
    )
    shared = cleaned(meta.first("og:title"))
    if headline and shared and _behind_kicker(headline, shared):
        return shared
    for candidate in (
        headline,
        shared,
        next((text for value in meta.headings if (text := cleaned(value))), None),
        cleaned(meta.first("twitter:title")),
        cleaned(meta.title),
    ):
        if candidate:
            return candidate
    return None


def _behind_kicker(headline: str, shorter: str) -> bool:
    """Whether ``headline`` is ``shorter`` behind a kicker, a rubric line that opens it ('Neue
    Leipziger Schule: Judy Lybke, …' for 'Judy Lybke, …'): the kicker is no part of it."""
    if len(shorter) >= len(headline) or not headline.endswith(shorter):
        return False
    kicker = headline[: -len(shorter)]
    return kicker.rstrip().endswith(KICKER_ENDINGS) and len(kicker.split()) <= MAX_KICKER_WORDS


# ---------------------------------------------------------------- authors
def person_names(values: Iterable[str], sites: Collection[str] = ()) -> list[str]:
    """Person names from raw byline values, in order, each once: split at 'and', commas and
    the like, 'By' dropped, 'Last, First' turned round, profile slugs ('chuck-ross') written
    as names; e-mail addresses, URLs, numbers, the site's own name and desk or company names
    left out."""
    return _credits(values, sites)[0]


def _credits(values: Iterable[str], sites: Collection[str]) -> tuple[list[str], list[str]]:
    """The person names of ``values`` (:func:`person_names`), and the values that name an
    organisation instead (the site, a desk, an agency), as written."""
    names: list[str] = []
    organisations: list[str] = []
    seen: set[str] = set()
    for value in values:
        text = _text(value)
        if text is None or _URL.match(text) or _EMAIL.search(text):
            continue
        text = BYLINE_OPENER.sub("", text)
        parts = [part.strip(" .,;:|") for part in NAME_SEPARATOR.split(text)]
        parts = [part for part in parts if part]
        if len(parts) == 2 and all(len(part.split()) == 1 for part in parts) and "," in text:
            parts = [f"{parts[1]} {parts[0]}"]  # 'Brazil, Rachel'
        candidates = [
            name
            for part in parts
            if not _is_organisation(part, sites) and (name := _as_name(part)) is not None
        ]
        if any(_is_organisation(part, sites) for part in parts):
            # 'hessenschau.de, Frankfurt, Germany': the words beside an organisation are its
            # place, not people; a full name beside it is ('Julian Seiferth, t-online')
            organisations.append(text)
            candidates = [name for name in candidates if len(name.split()) > 1]
        for name in candidates:
            if _key(name) not in seen:
                seen.add(_key(name))
                names.append(name)
    return names, organisations


def _as_name(part: str) -> str | None:
    """``part`` written as a name; None for what is no name (digits, too many words)."""
    if any(ch.isdigit() for ch in part):
        return None
    if _SLUG.fullmatch(part):
        part = " ".join(word.capitalize() for word in re.split(r"[-_]", part))
    words = part.split()
    return part if words and len(words) <= MAX_NAME_WORDS else None


def _is_organisation(name: str, sites: Collection[str]) -> bool:
    if any(word.casefold().strip(".") in ORGANISATION_WORDS for word in name.split()):
        return True
    key = _key(name)
    return key in sites or any(len(site) >= 4 and site in key for site in sites)


def _ld_author_values(
    item: Any, people: Mapping[str, Mapping[str, Any]]
) -> Iterator[tuple[str, bool]]:
    """The names a JSON-LD ``author`` value gives, each with whether it is an organisation:
    strings, Person objects (``name`` or ``givenName`` and ``familyName``), references by
    ``@id``, Organizations."""
    authors = list(item) if isinstance(item, list) else [item]
    # a list inside the list ('[Person, [Person]]') is flattened one level: no deeper, so
    # that the work stays linear in the JSON
    authors = [a for entry in authors for a in (entry if isinstance(entry, list) else [entry])]
    for author in authors:
        if isinstance(author, str):
            yield author, False
            continue
        if not isinstance(author, dict):
            continue
        if "@id" in author and len(author) <= 2:
            author = people.get(author["@id"], author)
        kind = author.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        organisation = any(isinstance(k, str) and "Organization" in k for k in kinds)
        name = author.get("name")
        if isinstance(name, str) and name.strip():
            yield name, organisation
        elif isinstance(author.get("familyName"), str):
            given = author.get("givenName")
            family = author["familyName"]
            yield (f"{given} {family}" if isinstance(given, str) else family), organisation


def author_links(tree: Any) -> Iterator[str]:
    """Texts of the first links to author pages (``rel="author"``, ``/author/``,
    ``/autoren/``) that read as a name."""
    found = 0
    for link in cast(list[Any], _AUTHOR_LINKS(tree)):
        text = element_text(link)
        if _NAME_LIKE.fullmatch(text) and text not in ("Author", "Autor"):
            yield text
            found += 1
            if found >= MAX_AUTHOR_LINKS:
                return


def _credit_list(found: list[tuple[str, bool]]) -> list[str]:
    """The credits of an article object that names a person, in its order: the persons as
    names, and the agencies and desks credited beside them as written ('Paula Steiger',
    'SDA')."""
    credits: list[str] = []
    seen: set[str] = set()
    for value, organisation in found:
        names = [] if organisation else person_names([value])
        if not names and (text := _text(value)) is not None:
            names = [text]
        for name in names:
            if _key(name) not in seen:
                seen.add(_key(name))
                credits.append(name)
    return credits


def page_authors(meta: PageMetadata, url: str | None = None, tree: Any = None) -> list[str]:
    """The article's authors as person names (see the module's docstring); an article that
    credits no person but an organisation (a wire agency, the outlet, a desk) keeps that
    credit as written: 'Associated Press'. ``tree`` (the page's lxml tree) gives the links to
    author pages, read only when the metadata name nobody."""
    sites = site_names(meta, url)
    people = {
        item["@id"]: item
        for item in meta.jsonld
        if isinstance(item.get("@id"), str) and ("name" in item or "familyName" in item)
    }
    organisations: list[str] = []
    sources: list[list[str]] = []
    for item in article_objects(meta) or list(meta.jsonld):
        if "author" in item:
            found = list(_ld_author_values(item["author"], people))
            if _credits([name for name, organisation in found if not organisation], sites)[0]:
                return _credit_list(found)
            organisations += [name for name, organisation in found if organisation]
            sources.append([name for name, organisation in found if not organisation])
            break
    sources.append([value for name in AUTHOR_META if (value := meta.meta.get(name))])
    sources.append(
        [
            meta.meta[f"twitter:data{n}"]
            for n in range(1, 5)
            if (meta.meta.get(f"twitter:label{n}") or "").strip().casefold() in AUTHOR_LABELS
            and f"twitter:data{n}" in meta.meta
        ]
    )
    for values in sources:
        names, credited = _credits(values, sites)
        if names:
            return names
        organisations += credited
    if tree is not None:
        names, credited = _credits(author_links(tree), sites)
        if names:
            return names
    credit = next((text for value in organisations if (text := _text(value))), None)
    return [credit] if credit else []


# ---------------------------------------------------------------- publication time
def read_date(value: Any) -> str | None:
    """An ISO 8601 string of a date as metadata write it: ISO 8601, or written out ('19 Nov
    2019 07:09 GMT', 'Tue Nov 19 2019 05:44:06 GMT+0000'); None when it is no date."""
    if not isinstance(value, str) or not value.strip() or len(value) > 80:
        return None
    if looks_iso(value):
        return parse_iso(value)  # None for a placeholder ('0001-01-01T00:00:00Z')
    if not any(ch.isdigit() for ch in value):
        return None
    written = parse_written(value)
    if written is not None:
        return written
    import dateparser  # imported on first use: most pages state ISO 8601 and need none of it

    try:
        moment = dateparser.parse(
            value.strip(),
            languages=None,
            settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except Exception:  # dateparser raises more than ValueError on strange strings
        return None
    if moment is None or moment.year < MIN_YEAR:
        return None
    return format_datetime(moment)


def page_published(meta: PageMetadata, url: str | None = None, tree: Any = None) -> str | None:
    """The publication time (see the module's docstring); ``tree`` and ``url`` feed
    :mod:`htmldate` when the page states no date of its own."""
    candidates: list[Any] = [item.get("datePublished") for item in article_objects(meta)]
    candidates += [meta.meta.get(name) for name in PUBLISHED_META]
    # the other objects' dates last; the articles' were read first (dateparser is slow on a
    # bad value: each is read once)
    candidates += [
        item["datePublished"]
        for item in meta.jsonld
        if "datePublished" in item and not _is_article(item)
    ]
    for value in candidates:
        if (found := read_date(value)) is not None:
            return found
    if tree is not None:
        for element in cast(list[Any], _PUBLICATION_TIMES(tree))[:MAX_TIMES]:
            if (found := read_date(element.get("datetime") or element.get("content"))) is not None:
                return found
    if tree is None and not url:
        return None
    return _htmldate(tree, url)


def _htmldate(tree: Any, url: str | None) -> str | None:
    from htmldate import find_date  # imported on first use: only pages without a stated date

    try:
        found = find_date(
            tree if tree is not None else "<html></html>",
            url=url,
            original_date=True,
            extensive_search=False,
        )
    except Exception:  # htmldate's own faults must not cost the page its other fields
        return None
    return parse_iso(found) if isinstance(found, str) else None


# ---------------------------------------------------------------- publisher
def page_publisher(meta: PageMetadata) -> str | None:
    """The publisher's name as the page gives it: ``og:site_name``, else the article's or any
    JSON-LD publisher's name."""
    name = _text(meta.first("og:site_name"))
    if name:
        return name
    for item in [*article_objects(meta), *meta.jsonld]:
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and (name := _text(publisher.get("name"))):
            return name
    return None
