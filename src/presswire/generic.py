"""The ``generic`` fallback plugin: pages of outlets no plugin knows.

It is part of the core and always registered, so ``parse`` works with entry-point loading off.
Text dumps: a line classifier keeps prose paragraphs and drops menus, share lines, link lists and
footers. HTML: the main text by trafilatura (in its fast mode, which scored higher and ran faster
than its default on the Zyte benchmark; its full mode for a page where the fast one finds little
or a menu); headline, authors and publication time chosen among
everything the page states (:mod:`presswire.metadata`); if trafilatura finds nothing, the
``<p>`` elements of the article container.
"""

from __future__ import annotations

import html
import itertools
import re
from collections.abc import Iterable
from typing import Any

from bs4 import BeautifulSoup, Tag

from presswire.document import Document
from presswire.errors import TimeLimitExceededError
from presswire.hookspecs import hookimpl
from presswire.html import render_text
from presswire.metadata import article_objects, page_authors, page_headline, page_published
from presswire.models import Article, Fingerprint, OutletInfo
from presswire.rules import SENTENCE_ENDINGS, LineTable, clean_line, is_headline, is_prose

__all__ = ["read_html"]

name = "generic"

# ---------------------------------------------------------------- rules (data)
WRAPPED_LINE_MIN_CHARS = 40
"""Lines of a hard-wrapped paragraph are at least this long (but the last)."""
BOILERPLATE = LineTable(
    exact=(
        "Share this story!",
        "Share this article",
        "SHARE THIS ARTICLE",
        "Share",
        "Read more",
        "Related",
        "Related articles",
        "Advertisement",
        "Comments",
        "Subscribe",
    ),
    patterns=(
        r"(?i)(?:share|follow|subscribe|sign up|log in|cookies?|all rights reserved|copyright)"
        r"\b.{0,120}",
        r"(?i).{0,80}\b(?:share this (?:story|article)|all rights reserved)\b.{0,80}",
        r"(?:©|\(c\)).{0,200}",
    ),
)
FAST_PATH_FEW_PARAGRAPHS = 3
FAST_PATH_MIN_CHARACTERS = 1500
"""A body of at most this many paragraphs and fewer characters, or with no prose, sends the
page to trafilatura's full mode: on the fundus pages the fast mode kept 27 words of a
680-word article, or the site's menu."""
SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)")
MENU_MIN_WORDS = 20
MENU_WORDS_PER_SENTENCE = 40
"""A body of more words than this per sentence end is a run of menu items, not prose
(prose ends a sentence every 15 to 25 words)."""
FULLER_BY = {"menu": 1.3, "short": 5.0}
"""How many times longer the full mode's body must be to replace the fast one's. A short
body is often the whole of a short article, and the full mode's extra text then is comments
and link lists: measured on the Zyte and fundus pages, the truncated bodies it repaired were 8
to 25 times shorter than the full one, while a complete short article grew 4.4 times with
junk."""
TAGLINE_OPENERS = ("-", "–", "—", "|", "•", "·")
"""A line opening so is a site tagline or a list item ('- Sputnik International, 1920')."""
STATED_BODY_LONGER_BY = 1.3
STATED_BODY_MIN_PARAGRAPHS = 3
"""A JSON-LD ``articleBody`` of at least this many lines and this many times the extracted
body's words replaces it: the extraction stopped early (on the fundus pages, a magazine page
whose body is split across containers lost half of its 4,700 words)."""
_MARKUP = re.compile(r"<[^<>]{0,500}>")
MAX_TAGLINES = 2
MAX_TAGLINE_WORDS = 20
"""At most this many short prose lines, inside a block, may stand above the headline of a
dump (a site's tagline); a paragraph standing alone or a longer one is the body."""
HTML_BOILERPLATE = LineTable(
    exact=("Share", "Share this article", "Read more", "Related", "Related articles"),
    patterns=(
        r"(?i)you may place this material on your (?:blog|website|site)\b.{0,300}",
        r"(?i)(?:read (?:more|also)|see also|related)\s*:\s*.{0,150}",
    ),
)
"""Lines that trafilatura keeps in some bodies but no article has: a republishing notice (old
RIA Novosti pages), related-link and share lines."""
MIN_TITLE_WORDS = 4
"""A headline has at least this many words; shorter lone lines are labels."""
BYLINE = re.compile(r"(?:By|BY|by)\s+(?P<names>[A-Z][\w.'’-]*(?:,? (?:and )?[A-Z][\w.'’-]*){0,8})")
"""'By Jane Doe' or 'By Jane Doe and John Roe' above the body."""
BYLINE_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
# Containers whose paragraphs are not the article's.
NON_BODY_CONTAINERS = frozenset({"nav", "footer", "aside", "header", "form", "menu"})
SECTION_META = ("article:section", "section", "parsely-section")
TAG_META = ("news_keywords", "keywords", "article:tag")
_URL_LIKE = re.compile(r"https?://", re.I)


@hookimpl
def presswire_fingerprint(document: Any) -> Fingerprint:
    """The fallback never claims a page; it is used when no outlet plugin does."""
    return Fingerprint(score=0.0, evidence=("fallback for pages no outlet plugin claims",))


@hookimpl
def presswire_extract_text(document: Any) -> Article:
    texts, alone = _blocks(document.clean_lines)
    first_body = next((i for i, text in enumerate(texts) if _is_body(text)), len(texts))
    title, authors = _title_and_byline(itertools.islice(zip(texts, alone, strict=True), first_body))
    warnings = []
    if title is None:
        # a headline inside a block, or below a site tagline that reads as prose
        found = _title_among_lines(zip(texts, alone, strict=True), first_body)
        if found is not None:
            title = texts[found]
            first_body = max(first_body, found + 1)
            warnings.append("title: taken from a headline-like line that does not stand alone")
    paragraphs = [text for text in itertools.islice(texts, first_body, None) if _is_body(text)]
    if title is None:
        warnings.append("title: no headline line stands alone above the body")
    if not paragraphs:
        warnings.append("paragraphs: no body text found")
    return Article(title=title, authors=authors, paragraphs=paragraphs, warnings=warnings)


def _title_and_byline(header: Iterable[tuple[str, bool]]) -> tuple[str | None, list[str]]:
    """The headline is the last line above the body that stands alone between blank lines and
    reads as a headline; a 'By NAME' line there is the byline."""
    title = None
    authors: list[str] = []
    for line, alone in header:
        if match := BYLINE.fullmatch(line):
            authors = [name.strip() for name in BYLINE_SEPARATOR.split(match["names"])]
        elif (
            alone
            and is_headline(line)
            and len(line.split()) >= MIN_TITLE_WORDS
            and not BOILERPLATE.matches_clean(line)
        ):
            title = line
    return title, authors


def _title_among_lines(blocks: Iterable[tuple[str, bool]], first_body: int) -> int | None:
    """Where the headline stands when no line stands alone as one: the last line above the
    body that reads as a headline, or one below at most :data:`MAX_TAGLINES` short prose
    lines in its block. Real dumps set the headline between a site tagline ('- Sputnik
    International, 1920', 'The latest news and stories from Russia. ...') and a photo credit
    ('© Sputnik / ...') with no blank line around it. Taglines open with a dash or end a
    sentence, credits are boilerplate, menu items are short."""
    skipped = 0
    candidate = None
    for index, (line, alone) in enumerate(blocks):
        if index >= first_body and _is_body(line):
            tagline = not alone and len(line.split()) <= MAX_TAGLINE_WORDS
            if candidate is not None or skipped >= MAX_TAGLINES or not tagline:
                break  # the body: a paragraph of its own, or a long one
            skipped += 1
            continue
        if (
            is_headline(line)
            and len(line.split()) >= MIN_TITLE_WORDS
            and not line.startswith(TAGLINE_OPENERS)
            and not BOILERPLATE.matches_clean(line)
            and not BYLINE.fullmatch(line)
        ):
            candidate = index
    return candidate


@hookimpl
def presswire_extract_html(document: Any) -> Article:
    return read_html(document)


def read_html(document: Document) -> Article:
    """The article the generic reader finds in an HTML page: the main text by trafilatura (its
    fast mode; the full one where the fast one finds little or a menu), the headline, authors,
    publication time, section and tags from what the page states (:mod:`presswire.metadata`).

    For plugin authors: an outlet whose pages trafilatura reads well needs no HTML rules of its
    own. Start from this and correct what the outlet's conventions say better, with
    ``attrs.evolve`` (the ZeroHedge reader of the ``plaintext`` plugin does so)."""
    meta = document.metadata
    warnings: list[str] = []
    title = page_headline(meta, document.url)
    paragraphs, subheadings = _body(_trafilatura(document, warnings, fast=True), title)
    failure = _fast_path_failure(paragraphs)
    if failure is not None:
        # the fast mode found little or a menu: the full one (its fallback extractors) for
        # this page only, kept where it finds clearly more
        try:
            fuller, fuller_subheadings = _body(_trafilatura(document, warnings, fast=False), title)
        except TimeLimitExceededError:  # a second opinion only: the page keeps the first
            warnings.append("paragraphs: no time left for trafilatura's full extraction")
            fuller, fuller_subheadings = [], []
        if _fuller_wins(failure, paragraphs, fuller):
            paragraphs, subheadings = fuller, fuller_subheadings
    stated = _stated_body(meta)
    if len(stated) >= STATED_BODY_MIN_PARAGRAPHS and _words(stated) > STATED_BODY_LONGER_BY * (
        _words(paragraphs) + _words(subheadings)
    ):
        # the extraction stopped early (a body split across containers): the text the page
        # states as its body in JSON-LD is the article's own, and says where paragraphs end
        paragraphs, subheadings = stated, []
        warnings.append(
            "paragraphs: from the page's JSON-LD articleBody (the extracted body was shorter)"
        )
    if not paragraphs:  # trafilatura found nothing: read the article container's <p> ourselves
        paragraphs = _paragraphs_from_soup(document.soup)
    tree = document._trafilatura_tree()  # the tree the metadata were read from
    published = page_published(meta, document.url, tree)
    if published is None:
        warnings.append("published: no date found in the page's metadata, text or URL")
    if not paragraphs:
        warnings.append("paragraphs: no body text found")
    authors = page_authors(meta, document.url, tree)
    keywords = meta.first(*TAG_META)
    tags = [t.strip() for t in keywords.split(",") if t.strip()] if keywords else []
    return Article(
        title=title or None,
        published=published,
        section=meta.first(*SECTION_META),
        authors=authors,
        paragraphs=paragraphs,
        subheadings=subheadings,
        tags=tags,
        url=meta.canonical_url or meta.first("og:url"),
        warnings=warnings,
    )


def _body(result: Any, title: str | None) -> tuple[list[str], list[str]]:
    """Paragraphs and subheadings of a trafilatura result (none for no result)."""
    if result is None or result.body is None:
        return [], []
    return _body_parts(result.body, title)


def _words(paragraphs: list[str]) -> int:
    return sum(len(paragraph.split()) for paragraph in paragraphs)


def _stated_body(meta: Any) -> list[str]:
    """The paragraphs of the article object's JSON-LD ``articleBody``, one per line, markup
    left out; none when it has no line breaks (a run of text with no paragraphs) or none at
    all."""
    for item in article_objects(meta):
        body = item.get("articleBody")
        if isinstance(body, str) and "\n" in body:
            text = _MARKUP.sub("", html.unescape(body))
            return [line for line in map(clean_line, text.split("\n")) if line]
    return []


def _characters(paragraphs: list[str]) -> int:
    return sum(len(paragraph) for paragraph in paragraphs)


def _fuller_wins(failure: str, fast: list[str], fuller: list[str]) -> bool:
    """Whether the full mode's body replaces the fast mode's ``failure``: one clearly longer;
    for a menu, also a shorter one that is prose (a menu is longer than most articles)."""
    if _characters(fuller) > FULLER_BY[failure] * _characters(fast):
        return True
    return failure == "menu" and bool(fuller) and _fast_path_failure(fuller) != "menu"


def _fast_path_failure(paragraphs: list[str]) -> str | None:
    """How trafilatura's fast mode looks to have missed the article, if it does: a few
    paragraphs of no prose ('menu'), or little text in few paragraphs ('short': a truncated
    body, or a short article)."""
    if len(paragraphs) > FAST_PATH_FEW_PARAGRAPHS:
        return None
    words = _words(paragraphs)
    sentences = sum(len(SENTENCE_END.findall(paragraph)) for paragraph in paragraphs)
    if words >= MENU_MIN_WORDS and sentences * MENU_WORDS_PER_SENTENCE < words:
        return "menu"
    return "short" if _characters(paragraphs) < FAST_PATH_MIN_CHARACTERS else None


TRAFILATURA_SECONDS_PER_MB = 1.0
"""A generous bound of trafilatura's time per megabyte of markup (measured: 0.3 s on a 6 MB
page of paragraphs): its extraction cannot be interrupted, so a page it would take past the
time limit is refused before it starts (:meth:`~presswire.limits.Deadline.check_budget`)."""


def _trafilatura(document: Any, warnings: list[str], fast: bool) -> Any:
    import trafilatura  # imported on first use: it is the slowest import we have

    megabytes = len(document.markup) / 1_000_000
    document.deadline.check_budget(
        megabytes * TRAFILATURA_SECONDS_PER_MB * (1 if fast else 2), "extracting the main text"
    )

    tree = document._trafilatura_tree()  # parsed once for the metadata and for this
    try:
        return trafilatura.bare_extraction(
            tree if tree is not None else document.markup,
            url=document.url,
            fast=fast,  # no second-opinion extractors: as accurate on most pages, and faster
            include_comments=False,  # readers' comments are not the article
            include_tables=True,
            with_metadata=False,  # we read the metadata ourselves; htmldate doubles the time
        )
    except Exception as exc:  # a trafilatura bug must not cost the page
        warnings.append(f"trafilatura failed: {type(exc).__name__}: {exc}"[:200])
        return None


def _body_parts(body: Any, title: str | None) -> tuple[list[str], list[str]]:
    """Paragraphs and subheadings from trafilatura's body tree (p, head, list, quote, table)."""
    paragraphs: list[str] = []
    subheadings: list[str] = []

    def add_text(text: str, heading: bool = False) -> None:
        if text and text != title and not HTML_BOILERPLATE.matches_clean(text):
            (subheadings if heading else paragraphs).append(text)

    add_text(clean_line(body.text or ""))
    for element in body:
        tag = element.tag
        if tag == "list":
            items = [clean_line(" ".join(item.itertext())) for item in element.iter("item")]
            paragraphs.extend(item for item in items if item)
        elif tag == "table":
            for row in element.iter("row"):
                cells = [clean_line(" ".join(cell.itertext())) for cell in row.iter("cell")]
                if any(cells):
                    paragraphs.append(" ".join(cell for cell in cells if cell))
        else:
            add_text(clean_line(" ".join(element.itertext())), heading=tag == "head")
        # text trafilatura leaves after an element, in no element of its own: a paragraph
        # ('<head>Deal</head>The price of ...')
        add_text(clean_line(element.tail or ""))
    return paragraphs, subheadings


# ---------------------------------------------------------------- text dumps
def _blocks(lines: Any) -> tuple[list[str], list[bool]]:
    """Paragraph candidates from a dump's lines, and for each whether it stood alone.

    Every candidate is clean (:func:`clean_line`). Lines between blank lines form a block. A
    block of long lines that run on is one hard-wrapped paragraph; any other block (a menu, a
    list of links, or a dump with one paragraph per line) is kept line by line for the
    classifier. Two flat lists, not a pair per line: a dump of millions of short lines costs
    two pointers a line.
    """
    texts: list[str] = []
    alone: list[bool] = []
    start = 0  # where the block being read begins in ``texts``

    def close_block() -> None:
        size = len(texts) - start
        if size > 1 and _is_wrapped_paragraph(texts, start):
            texts[start:] = [" ".join(texts[start:])]
            alone.append(True)
        else:
            alone.extend(itertools.repeat(size == 1, size))

    for line in lines:
        stripped = clean_line(line)  # no split and join for a clean line (clean_lines)
        if stripped:
            texts.append(stripped)
        elif len(texts) > start:
            close_block()
            start = len(texts)
    if len(texts) > start:
        close_block()
    return texts, alone


def _is_wrapped_paragraph(texts: list[str], start: int) -> bool:
    """Whether the lines of ``texts`` from ``start`` are one paragraph wrapped at a width
    (read in place: the block is copied only to be joined)."""
    return texts[-1].endswith(SENTENCE_ENDINGS) and all(
        len(texts[index]) >= WRAPPED_LINE_MIN_CHARS and not texts[index].endswith(SENTENCE_ENDINGS)
        for index in range(start, len(texts) - 1)
    )


def _is_body(text: str) -> bool:
    return is_prose(text) and not (BOILERPLATE.matches_clean(text) or _URL_LIKE.match(text))


# ---------------------------------------------------------------- HTML
def _article_container(soup: BeautifulSoup) -> Tag:
    """The ``<article>`` (or ``<main>``) holding the most paragraph text, else ``<body>``."""
    best: Tag | None = None
    best_length = 0
    for candidate in soup.find_all(["article", "main"]):
        length = sum(len(p.get_text()) for p in candidate.find_all("p"))
        if length > best_length:
            best, best_length = candidate, length
    if best is not None:
        return best
    body = soup.find("body")
    return body if isinstance(body, Tag) else soup


def _paragraphs_from_soup(soup: BeautifulSoup | None) -> list[str]:
    if soup is None:
        return []
    container = _article_container(soup)
    paragraphs = [p for p in _paragraphs(container) if not BOILERPLATE.matches_clean(p)]
    if not paragraphs:  # pages without <p>: the rendered text's prose blocks
        texts, _ = _blocks(render_text(container).split("\n"))
        paragraphs = [text for text in texts if _is_body(text)]
    return paragraphs


def _paragraphs(container: Tag) -> list[str]:
    paragraphs: list[str] = []
    for p in container.find_all("p"):
        if any(parent.name in NON_BODY_CONTAINERS for parent in p.parents):
            continue
        text = clean_line(p.get_text(" "))
        if len(text.split()) >= 3:
            paragraphs.append(text)
    return paragraphs


@hookimpl
def presswire_outlet_info() -> OutletInfo:
    return OutletInfo(
        outlet=None,
        title="Any other outlet (the generic fallback)",
        recognises=["pages no outlet plugin claims"],
        fields=[
            "title",
            "published",
            "section",
            "authors",
            "paragraphs",
            "subheadings",
            "tags",
            "url",
        ],
        notes="HTML: main text by trafilatura; headline, authors and publication time chosen "
        "among JSON-LD, `<meta>`, `<h1>`, `<time>`, author links and the URL. Text dumps: "
        "prose paragraphs, a lone headline and a 'By NAME' line above them.",
    )
