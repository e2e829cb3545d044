"""The :class:`Document`: one decoded page, as every plugin sees it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from bs4 import BeautifulSoup

from presswire.decoding import (
    Source,
    check_no_nul,
    check_not_binary,
    decode_bytes,
    looks_like_html,
    normalise_text,
    read_source,
    replace_surrogates,
    unescape_entities,
)
from presswire.errors import InputError
from presswire.html import (
    MAX_ATTRIBUTES,
    PageMetadata,
    bound_markup,
    page_metadata,
    parse_tree,
    render_text,
    trafilatura_tree,
)
from presswire.limits import DEFAULT_LIMITS, Deadline, Limits

__all__ = ["Document"]

SOUP_SECONDS_PER_MB = 0.5
"""A generous bound of BeautifulSoup's time per megabyte of markup (measured: 0.09 s)."""


_UNPARSED: Any = object()
"""``Document._tree`` before the page is parsed (``None`` is a page with no tree)."""

HEAD_LINES = 60
"""Lines of a page's text that :attr:`Document.head` holds (and ``head`` signals look at)."""


def clean_line(text: str) -> str:
    """Collapse white space (no-break spaces included) to single spaces and strip the ends."""
    # Most lines already are clean and go back as they are, without a split and join (the
    # test is inline: it runs on every line of every page). ``str.isprintable`` is False for
    # every white space character but the ASCII space (tabs, newlines, no-break and other
    # Unicode spaces), so a printable text is clean when no two spaces meet and none ends it.
    if (
        text.isprintable()
        and "  " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
    ):
        return text
    return " ".join(text.split())


def _names_a_file(text: str) -> bool:
    """Whether a str given as page text is rather the path of an existing file."""
    if len(text) > 4096 or "\n" in text or not text.strip():
        return False
    try:
        return Path(text.strip()).is_file()
    except (OSError, ValueError):
        return False


class Document:
    """A decoded, normalised page, built once by presswire and handed to every plugin.

    Attributes for plugin authors:

    - ``text``: the page as a text dump. For a text source, the source itself (with any HTML
      character references a scraper left, ``&amp;``, decoded); for HTML, the page's visible
      text rendered with a blank line between paragraphs (built on first use).
    - ``lines``: ``text`` split at line breaks.
    - ``clean_text``: ``text`` with each line's white space collapsed and trimmed.
    - ``clean_lines``: ``clean_text``'s lines; ``content_lines``: the non-blank ones. Built
      once and shared: use them rather than cleaning ``lines`` again in every plugin.
    - ``source_format``: ``"text"`` or ``"html"``.
    - ``markup``: the HTML source (``None`` for text).
    - ``soup``: the BeautifulSoup tree (lxml parser) of an HTML page, built once; ``None`` for
      text. Treat it as read-only: other plugins see the same tree.
    - ``metadata``: :class:`~presswire.html.PageMetadata` (title, ``<meta>``, JSON-LD) of an HTML
      page; an empty one for text.
    - ``url``: the URL hint the caller gave, or ``None``.
    - ``encoding``: the encoding the bytes were decoded with (``None`` for ``str`` input).
    - ``deadline``: call ``document.deadline.check()`` inside long loops of your own.
    - ``notes``: what was changed in the page before parsing it (a tag stripped of thousands
      of attributes), for the article's warnings.
    """

    __slots__ = (
        "_clean_lines",
        "_clean_text",
        "_content_lines",
        "_head",
        "_lines",
        "_metadata",
        "_normalised",
        "_soup",
        "_text",
        "_tree",
        "deadline",
        "encoding",
        "markup",
        "notes",
        "source_format",
        "url",
    )

    def __init__(
        self,
        text: str,
        *,
        source_format: Literal["text", "html"] | None = None,
        url: str | None = None,
        encoding: str | None = None,
        deadline: Deadline | None = None,
        max_elements: int = DEFAULT_LIMITS.max_elements,
    ) -> None:
        if source_format is None:
            source_format = "html" if looks_like_html(text) else "text"
        if source_format not in ("text", "html"):
            raise InputError(f"source_format must be 'text' or 'html', got {source_format!r}")
        self.source_format: Literal["text", "html"] = source_format
        self.notes: tuple[str, ...] = ()
        self.markup: str | None = None
        if source_format == "html":
            self.markup, stripped = bound_markup(text, max_elements)
            if stripped:
                self.notes = (
                    f"markup: {stripped} tag(s) with more than {MAX_ATTRIBUTES:,} attributes "
                    "lost their attributes before parsing",
                )
        self._text: str | None = unescape_entities(text) if source_format == "text" else None
        self.url = url
        self.encoding = encoding
        self.deadline = deadline or Deadline(None)
        self._lines: tuple[str, ...] | None = None
        self._clean_text: str | None = None
        self._clean_lines: tuple[str, ...] | None = None
        self._content_lines: tuple[str, ...] | None = None
        self._head: str | None = None
        self._soup: BeautifulSoup | None = None
        self._metadata: PageMetadata | None = None
        self._tree: Any = _UNPARSED
        self._normalised = False  # set by from_source: no control characters in the text

    @classmethod
    def from_source(
        cls,
        source: Source,
        *,
        url: str | None = None,
        source_format: Literal["text", "html"] | None = None,
        limits: Limits = DEFAULT_LIMITS,
        deadline: Deadline | None = None,
    ) -> Document:
        """Read, decode and normalise ``source`` (see :func:`presswire.parse`)."""
        if url is not None and not isinstance(url, str):
            raise InputError(f"url must be a str or None, got {type(url).__name__}")
        content = read_source(source, limits)
        encoding: str | None = None
        if isinstance(content, bytes):
            content, encoding = decode_bytes(content)
        else:
            check_no_nul(content)  # the rule bytes follow: NUL marks binary data
        check_not_binary(content)
        if not content or content.isspace():  # no copy of the page to find it blank
            raise InputError("an empty page: no text in it")
        text, surrogates = normalise_text(content), 0
        if encoding is None:  # bytes decode strictly: only a str can hold a lone surrogate
            text, surrogates = replace_surrogates(text)
        document = cls(
            text,
            source_format=source_format,
            url=replace_surrogates(url.strip())[0] or None if url is not None else None,
            encoding=encoding,
            deadline=deadline,
            max_elements=limits.max_elements,
        )
        document._normalised = True
        if surrogates:
            note = f"text: {surrogates} lone surrogate(s) replaced by U+FFFD (not valid Unicode)"
            document.notes = (*document.notes, note)
        if isinstance(source, str) and _names_a_file(source):
            note = (
                "input: this str was read as page text, but it names a file: "
                "pass pathlib.Path(...) to parse the file"
            )
            document.notes = (*document.notes, note)
        return document

    @property
    def text(self) -> str:
        if self._text is None:
            soup = self.soup
            self._text = render_text(soup) if soup is not None else ""
            self.deadline.check("rendering the page's text")
        return self._text

    @property
    def lines(self) -> tuple[str, ...]:
        if self._lines is None:
            self._lines = tuple(self.text.split("\n"))
        return self._lines

    @property
    def clean_text(self) -> str:
        """``text`` with each line's white space collapsed and trimmed (blank lines kept), so
        that ``^...$`` patterns match whatever spacing a scraper left."""
        if self._clean_text is None:
            self._clean_text = "\n".join(self.clean_lines)
        return self._clean_text

    @property
    def clean_lines(self) -> tuple[str, ...]:
        """Each line with its white space collapsed and trimmed (blank lines kept)."""
        if self._clean_lines is None:
            self._clean_lines = tuple(map(clean_line, self.lines))
        return self._clean_lines

    @property
    def head(self) -> str:
        """The first :data:`HEAD_LINES` lines of :attr:`clean_text`: where a dump's masthead,
        menus and date line are."""
        if self._head is None:
            self._head = "\n".join(self.clean_lines[:HEAD_LINES])
        return self._head

    @property
    def content_lines(self) -> tuple[str, ...]:
        """The non-blank :attr:`clean_lines`, in order."""
        if self._content_lines is None:
            self._content_lines = tuple(line for line in self.clean_lines if line)
        return self._content_lines

    @property
    def soup(self) -> BeautifulSoup | None:
        if self.markup is None:
            return None
        if self._soup is None:
            # BeautifulSoup's pass cannot be interrupted: refused in time, not finished late
            self.deadline.check_budget(
                len(self.markup) / 1_000_000 * SOUP_SECONDS_PER_MB, "building the HTML tree"
            )
            self._soup = BeautifulSoup(self.markup, "lxml")
            self.deadline.check("parsing the HTML")
        return self._soup

    @property
    def metadata(self) -> PageMetadata:
        if self._metadata is None:
            # lxml alone: reading metadata must not cost the BeautifulSoup tree.
            tree = self._trafilatura_tree()
            if tree is None and self.markup is not None:
                tree = parse_tree(self.markup)  # a page trafilatura refuses has metadata still
            self._metadata = page_metadata(tree)
        return self._metadata

    def _trafilatura_tree(self) -> Any:
        """The HTML page's lxml tree as trafilatura parses it, built once (``None`` for text
        or a page trafilatura refuses): the metadata are read from it, and the generic
        fallback hands it to trafilatura, which copies it, so that the page is parsed once
        for both. Read-only."""
        if self._tree is _UNPARSED:
            self._tree = (
                trafilatura_tree(self.markup, normalised=self._normalised)
                if self.markup is not None
                else None
            )
            self.deadline.check("parsing the HTML")
        return self._tree

    def __repr__(self) -> str:
        size = len(self.markup if self.markup is not None else self._text or "")
        return f"<Document {self.source_format} {size} chars url={self.url!r}>"
