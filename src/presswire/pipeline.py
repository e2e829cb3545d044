"""parse / parse_many / fingerprint: the steps from a source to an :class:`Article`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Literal, overload

import attrs

from presswire.decoding import Source
from presswire.document import Document
from presswire.errors import LimitExceededError, PresswireError, UnknownPluginError, one_line
from presswire.limits import DEFAULT_LIMITS, Deadline, Limits
from presswire.memory import give_back_memory
from presswire.metadata import page_publisher
from presswire.models import Article, Fingerprint, Quote
from presswire.quotes import extract_quotes
from presswire.quotes.confidence import MIN_CONFIDENCE
from presswire.registry import FALLBACK_PLUGIN, MISBEHAVIOUR, PluginRegistry

__all__ = ["FINGERPRINT_THRESHOLD", "NEAR_TIE_MARGIN", "fingerprint", "parse", "parse_many"]

FINGERPRINT_THRESHOLD = 0.5
"""A plugin whose fingerprint scores at least this is a candidate for the page."""
NEAR_TIE_MARGIN = 0.1
"""Two candidates closer than this are reported as a near tie in ``Article.warnings``."""

_default_registry: PluginRegistry | None = None


def default_registry() -> PluginRegistry:
    """The registry behind the module-level functions, loaded on first use."""
    global _default_registry
    if _default_registry is None:
        _default_registry = PluginRegistry()
    return _default_registry


def parse(
    source: Source,
    *,
    url: str | None = None,
    outlet: str | None = None,
    source_format: Literal["text", "html"] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    registry: PluginRegistry | None = None,
    min_quote_confidence: float = MIN_CONFIDENCE,
) -> Article:
    """Parse one page into an :class:`Article`.

    :param source: the page: ``str`` (its text or HTML), ``bytes`` in any common encoding, a
        path (``pathlib.Path`` or other ``os.PathLike``; a ``str`` is always content), or a
        binary file object.
    :param url: the page's URL, if known: a hint for plugins, copied to ``Article.url``.
    :param outlet: a plugin name that forces that plugin instead of fingerprinting.
    :param source_format: ``"text"`` or ``"html"`` to skip detection.
    :param limits: size and time limits (:class:`Limits`).
    :param min_quote_confidence: attributions less sure than this are left out of
        ``Article.quotes`` (0.5 by default: the guesses, such as a quotation that only
        continues the last speaker); 0 keeps them all.
    :raises InputError: unreadable, binary or wrongly typed source.
    :raises LimitExceededError: a source over ``limits.max_bytes``; ``TimeLimitExceededError``
        when parsing takes longer than ``limits.max_seconds``.
    :raises UnknownPluginError: ``outlet`` names no registered plugin.
    """
    registry = registry or default_registry()
    if outlet is not None and outlet not in registry:
        raise UnknownPluginError(
            f"no plugin named {outlet!r}; registered: {', '.join(registry.names())}"
        )
    deadline = Deadline(limits.max_seconds)
    document = Document.from_source(
        source, url=url, source_format=source_format, limits=limits, deadline=deadline
    )
    deadline.check("decoding")
    return extract_article(
        document, registry, outlet=outlet, min_quote_confidence=min_quote_confidence
    )


def extract_article(
    document: Document,
    registry: PluginRegistry,
    *,
    outlet: str | None = None,
    min_quote_confidence: float = MIN_CONFIDENCE,
) -> Article:
    """Choose the plugin for ``document`` and let it extract the article."""
    warnings: list[str] = registry.notices()
    fingerprints = registry.fingerprints(document, warnings)
    by_plugin = {fp.plugin: fp for fp in fingerprints}
    if outlet is not None:
        candidates = [outlet]
    else:
        ranked = [
            fp
            for fp in fingerprints
            if fp.plugin != FALLBACK_PLUGIN and fp.score >= FINGERPRINT_THRESHOLD
        ]
        candidates = [fp.plugin for fp in ranked]
        if len(ranked) > 1 and ranked[0].score - ranked[1].score < NEAR_TIE_MARGIN:
            warnings.append(
                f"near tie: {ranked[0].plugin} {ranked[0].score:.2f} and "
                f"{ranked[1].plugin} {ranked[1].score:.2f}; chose {ranked[0].plugin}"
            )
    if FALLBACK_PLUGIN not in candidates:
        candidates.append(FALLBACK_PLUGIN)

    for name in candidates:
        document.deadline.check(f"extracting with plugin {name!r}")
        try:
            article = registry.call_guarded(
                name, document, "extracting", registry.extract, name, document
            )
            if article is not None:
                article = attrs.evolve(article)  # rebuilt: one changed behind its validators' back
        except LimitExceededError:
            raise
        except MISBEHAVIOUR as exc:  # a plugin's failure must never break the parse
            registry.disable(name, f"failed: {one_line(exc)}")
            warnings.append(f"plugin {name!r} failed: {one_line(exc)}; tried the next one")
            continue
        if article is None:
            if name != FALLBACK_PLUGIN:
                warnings.append(f"plugin {name!r} could not extract this page; tried the next one")
            continue
        chosen = by_plugin.get(name) or Fingerprint(score=0.0, plugin=name)
        if outlet is not None:
            chosen = attrs.evolve(chosen, evidence=(*chosen.evidence, "forced with outlet="))
        document.deadline.check("finding quotes")
        if document.markup is not None:  # the extraction's trees are gone: so is their memory
            give_back_memory(len(document.markup))
        quotes = _quotes(article, document, registry, name, warnings, min_quote_confidence)
        return _finish(article, document, chosen, warnings, quotes)
    # Only reachable if the fallback itself failed; still a result that says what it lacks.
    warnings.append("no plugin could extract this page")
    return _finish(Article(), document, Fingerprint(score=0.0, plugin=FALLBACK_PLUGIN), warnings)


def _quotes(
    article: Article,
    document: Document,
    registry: PluginRegistry,
    name: str,
    warnings: list[str],
    min_confidence: float,
) -> Sequence[Quote]:
    """The quotes of the article's lead and paragraphs (the plugin's own, when it gave some)."""
    if article.quotes:
        return article.quotes
    try:
        blocks = registry.block_quotes(name, article, document)
    except LimitExceededError:
        raise
    except MISBEHAVIOUR as exc:
        registry.disable(name, f"failed to name block quotes: {one_line(exc)}")
        warnings.append(f"plugin {name!r} failed to name block quotes: {one_line(exc)}")
        blocks = []
    try:
        quotes = extract_quotes(
            article.paragraphs,
            lead=article.lead,
            lexicon=registry.lexicon(warnings),
            context=[text for text in (article.title, *article.captions) if text],
            block_paragraphs=blocks,
            deadline=document.deadline,
            min_confidence=min_confidence,
        )
    except LimitExceededError:
        raise
    except Exception as exc:  # a bug in quote finding must not cost the article
        warnings.append(f"quotes: extraction failed: {one_line(exc)}")
        return ()
    return quotes


def _finish(
    article: Article,
    document: Document,
    chosen: Fingerprint,
    warnings: list[str],
    quotes: Sequence[Quote] = (),
) -> Article:
    """The article as returned: one evolve (validation runs once) adds what presswire owns."""
    url = document.url or article.url
    publisher = article.publisher
    if document.source_format == "html":
        if url is None:
            url = document.metadata.canonical_url or document.metadata.first("og:url")
        if publisher is None:  # every HTML page says whose it is, whichever plugin read it
            publisher = page_publisher(document.metadata)
    return attrs.evolve(
        article,
        publisher=publisher,
        fingerprint=chosen,
        source_format=document.source_format,
        url=url,
        quotes=quotes,
        warnings=(*document.notes, *warnings, *article.warnings),
    )


@overload
def parse_many(
    sources: Iterable[Source],
    *,
    errors: Literal["raise"] = ...,
    limits: Limits = ...,
    registry: PluginRegistry | None = ...,
) -> Iterator[Article]: ...


@overload
def parse_many(
    sources: Iterable[Source],
    *,
    errors: Literal["return"],
    limits: Limits = ...,
    registry: PluginRegistry | None = ...,
) -> Iterator[Article | PresswireError]: ...


def parse_many(
    sources: Iterable[Source],
    *,
    errors: Literal["raise", "return"] = "raise",
    limits: Limits = DEFAULT_LIMITS,
    registry: PluginRegistry | None = None,
) -> Iterator[Article] | Iterator[Article | PresswireError]:
    """Parse each source in turn and yield the results in input order.

    Sources are read lazily, one at a time, so memory stays flat for any number of them.
    ``errors="raise"`` (default) stops at the first source that raises a
    :class:`PresswireError`; ``errors="return"`` yields that error in the source's place and
    goes on, so every input has exactly one output.
    """
    if errors not in ("raise", "return"):
        raise ValueError(f"errors must be 'raise' or 'return', got {errors!r}")
    registry = registry or default_registry()
    for source in sources:
        try:
            yield parse(source, limits=limits, registry=registry)
        except PresswireError as exc:
            if errors == "raise":
                raise
            yield exc


def fingerprint(
    source: Source,
    *,
    url: str | None = None,
    source_format: Literal["text", "html"] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    registry: PluginRegistry | None = None,
) -> list[Fingerprint]:
    """Every plugin's :class:`Fingerprint` of ``source``, best first (``generic`` included)."""
    registry = registry or default_registry()
    deadline = Deadline(limits.max_seconds)
    document = Document.from_source(
        source, url=url, source_format=source_format, limits=limits, deadline=deadline
    )
    return registry.fingerprints(document)
