"""presswire: scraped news pages (text dumps or HTML) to clean articles and attributed quotes.

``presswire.parse(pathlib.Path("page.txt"))`` returns an :class:`Article`; see the README.
"""

from __future__ import annotations

from presswire.corpus import BatchSummary, batch
from presswire.document import Document
from presswire.errors import (
    InputError,
    InvalidDataError,
    LimitExceededError,
    PluginError,
    PresswireError,
    TimeLimitExceededError,
    UnknownPluginError,
)
from presswire.hookspecs import hookimpl
from presswire.limits import DEFAULT_LIMITS, Limits
from presswire.models import Article, Dateline, Fingerprint, OutletInfo, Quote, Speaker
from presswire.pipeline import (
    FINGERPRINT_THRESHOLD,
    NEAR_TIE_MARGIN,
    default_registry,
    fingerprint,
    parse,
    parse_many,
)
from presswire.quotes import DEFAULT_LEXICON, Lexicon
from presswire.registry import PluginInfo, PluginRegistry

__all__ = [
    "DEFAULT_LEXICON",
    "DEFAULT_LIMITS",
    "FINGERPRINT_THRESHOLD",
    "NEAR_TIE_MARGIN",
    "Article",
    "BatchSummary",
    "Dateline",
    "Document",
    "Fingerprint",
    "InputError",
    "InvalidDataError",
    "Lexicon",
    "LimitExceededError",
    "Limits",
    "OutletInfo",
    "PluginError",
    "PluginInfo",
    "PluginRegistry",
    "PresswireError",
    "Quote",
    "Speaker",
    "TimeLimitExceededError",
    "UnknownPluginError",
    "__version__",
    "batch",
    "fingerprint",
    "hookimpl",
    "parse",
    "parse_many",
    "plugins",
    "register",
    "unregister",
]


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("presswire")
    except metadata.PackageNotFoundError:
        return "0+unknown"


__version__ = _version()


def register(plugin: object, name: str | None = None) -> str:
    """Register an outlet plugin at runtime and return the name it was registered under.

    ``plugin`` is a module or object whose ``presswire_*`` functions implement hooks of
    :mod:`presswire.hookspecs`. Raises :class:`PluginError` for a misspelled hook, a hook with
    unknown arguments, or a name already in use.
    """
    return default_registry().register(plugin, name)


def unregister(plugin: object | str) -> None:
    """Remove a plugin registered earlier, given by object or name."""
    default_registry().unregister(plugin)


def plugins() -> list[PluginInfo]:
    """The registered plugins: name, package, version, hooks, origin; sorted by name."""
    return default_registry().info()
