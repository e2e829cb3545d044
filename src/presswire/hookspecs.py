"""Hook specifications: the contract between presswire and an outlet plugin.

A plugin is a module (or any object) with functions named after these hooks and decorated with
:data:`presswire.hookimpl`. It is found through the ``presswire`` entry-point group of its
distribution, or registered at runtime with :func:`presswire.register`. A plugin implements only
the hooks it needs; a function whose name starts with ``presswire_`` but matches no hook below is
refused when the plugin is registered, so a misspelling cannot go unnoticed.

How a page flows through the hooks:

1. Every plugin's :func:`presswire_fingerprint` scores the :class:`~presswire.Document`.
2. The plugin with the highest score at or above :data:`presswire.FINGERPRINT_THRESHOLD` is
   asked to extract the article: :func:`presswire_extract_html` for an HTML page (if it has
   one), else :func:`presswire_extract_text`. If it returns ``None`` or raises, the next plugin
   in score order is asked, and finally the ``generic`` fallback.
3. presswire finds the quotes in the paragraphs, with the word lists every plugin extends
   through :func:`presswire_quote_lexicon` and the unmarked quotation paragraphs the chosen
   plugin names through :func:`presswire_block_quotes`.
4. presswire fills in ``fingerprint``, ``source_format`` and ``url``, and merges ``warnings``.

Hooks receive keyword arguments by name; a hook implementation may accept fewer arguments than
the specification lists, never other ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from collections.abc import Iterable

    from bs4 import BeautifulSoup

    from presswire.document import Document
    from presswire.models import Article, Fingerprint, OutletInfo
    from presswire.quotes.lexicon import Lexicon

__all__ = ["hookimpl", "hookspec"]

PROJECT_NAME = "presswire"
hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def presswire_fingerprint(document: Document) -> Fingerprint | None:
    """Score how surely ``document`` is a page of this plugin's outlet.

    Called once per document for every registered plugin, text dumps and HTML pages alike, and
    by ``presswire fingerprint``. Recognise the page by its *content*: boilerplate lines, markup,
    metadata. ``document.url`` is a hint that may be missing or wrong; it may add to a score,
    it must never be required.

    :param document: the page; read ``document.text`` / ``document.lines`` for the text dump,
        ``document.markup`` / ``document.metadata`` for an HTML page's source and metadata.
    :return: a :class:`~presswire.Fingerprint` with ``score`` from 0 (not this outlet) to 1
        (certainly this outlet) and ``evidence``, short strings saying what was recognised
        (shown by ``presswire fingerprint`` and kept in the result). Leave ``plugin`` empty:
        presswire fills in the name the plugin was registered under. Return ``None`` when the
        plugin has nothing to say about this kind of document.

    A score at or above :data:`presswire.FINGERPRINT_THRESHOLD` (0.5) makes the plugin a
    candidate. :func:`presswire.rules.score_signals` computes a score from a table of
    weighted patterns, which keeps the rules as data.
    """


@hookspec(firstresult=True)
def presswire_extract_text(document: Document) -> Article | None:
    """Extract the article from a text dump: the page's text with the site's boilerplate in it.

    Called only on the plugin chosen for the document: for a text source, and for an HTML page
    when the plugin has no :func:`presswire_extract_html` or that hook returned ``None``; then
    ``document.text`` is the page's visible text rendered by presswire the way a scraper's dump
    is (a blank line between paragraphs), so one set of line rules serves both forms.

    :param document: the page; ``document.lines`` is ``document.text`` split at line breaks.
    :return: an :class:`~presswire.Article` with every field the page states: ``outlet``,
        ``title``, ``published`` (ISO 8601; an offset only when the page states one),
        ``section``, ``dateline``, ``authors``, ``lead``, ``paragraphs`` (body only, in order,
        each once), ``subheadings``, ``captions``, ``related`` (removed related-article
        headlines), ``tags``, ``url`` (if the page gives one), ``extras`` (a mapping with one key,
        the plugin's name) and ``warnings`` (what could not be found). Leave a field the page
        does not state empty: never guess. Leave ``fingerprint``, ``source_format`` and
        ``quotes`` to presswire. Return ``None`` if the page is not one this plugin can read
        after all; the next candidate is then asked.

    An exception raised here does not break the parse: it is named in the result's
    ``warnings`` and the next candidate is asked.
    """


@hookspec(firstresult=True)
def presswire_extract_html(document: Document, soup: BeautifulSoup) -> Article | None:
    """Extract the article from an HTML page, using its markup where the outlet's is known.

    Called only on the plugin chosen for an HTML document. Use what the markup gives that a
    text dump loses: ``document.metadata`` (``<title>``, ``<meta>`` including ``og:*`` and
    ``article:*``, JSON-LD), the article container, ``<figcaption>``. The result must agree with
    what :func:`presswire_extract_text` gives for the same page's dump (title, date, paragraphs).

    :param document: the page; ``document.markup`` is its HTML source.
    :param soup: the page parsed once by presswire with BeautifulSoup's lxml parser. It is
        shared: read it, do not modify it (copy a subtree first if you must).
    :return: an :class:`~presswire.Article`, as for :func:`presswire_extract_text`, or ``None``
        to let presswire call this plugin's :func:`presswire_extract_text` on the rendered text.
    """


@hookspec
def presswire_outlet_info() -> OutletInfo | None:
    """Describe the outlet this plugin reads, for people choosing or checking a plugin.

    Called by ``presswire outlets`` and when ``docs/outlets.md`` is generated; never while
    parsing. The forms a plugin reads (text dump, HTML) are derived from the hooks it
    implements, so they are not declared here.

    :return: an :class:`~presswire.OutletInfo`: ``outlet`` (the short name the plugin sets in
        ``Article.outlet``), ``title`` (the outlet's name for people), ``recognises`` (what the
        fingerprint looks for, a few words each; the ``evidence`` strings of its signals are a
        good choice), ``fields`` (the Article fields it fills when the page states them) and
        ``notes``. Return ``None`` to stay out of the table.
    """


@hookspec
def presswire_quote_lexicon() -> Lexicon | None:
    """Add words to the lists the quote extractor works from.

    Called for every plugin, once, the first time quotes are extracted after the set of
    plugins changed; the answers are merged into :data:`presswire.quotes.DEFAULT_LEXICON` and
    apply to every page, not only to this plugin's. Add what your outlet's pages need: an
    agency that relays quotes (``agencies``), a reporting verb of quotations
    (``reporting_verbs``), a verb that reports speech as a clause (``clause_verbs`` with
    'that', ``bare_clause_verbs`` with or without it) or as a stance (``stance_verbs``), the
    spellings of a first name (``name_variants``), a description of speakers
    (``speaker_nouns`` and ``noun_roles``).

    :return: a :class:`presswire.quotes.Lexicon` holding only the additions, or ``None``.
    """


@hookspec(firstresult=True)
def presswire_block_quotes(article: Article, document: Document) -> Iterable[int] | None:
    """Name the paragraphs that are quotations set off without quote marks.

    Called only on the plugin chosen for the page, after it extracted the article and before
    quotes are found. Some outlets set a quotation off as a paragraph of its own and a text dump
    loses the styling that showed it (RT's block quotes): only the outlet's plugin can know.
    Such a paragraph becomes a ``Quote`` of kind ``"block"`` spoken by the speaker before it.

    :param article: the article the plugin extracted (``paragraphs`` indexes what you return).
    :param document: the page, for markup that marks block quotes (``<blockquote>``).
    :return: the indexes into ``article.paragraphs`` of the block quotations, or ``None``.
    """
