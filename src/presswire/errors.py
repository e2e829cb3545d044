"""The errors presswire raises.

Every error presswire raises on purpose is a :class:`PresswireError`, so a caller that processes
untrusted pages needs one ``except`` clause. Anything else escaping ``parse`` is a bug.
"""

from __future__ import annotations

__all__ = [
    "InputError",
    "InvalidDataError",
    "LimitExceededError",
    "PluginError",
    "PresswireError",
    "TimeLimitExceededError",
    "UnknownPluginError",
    "one_line",
]


def one_line(exc: BaseException, limit: int = 200) -> str:
    """An error as one line for a warning or an error record: 'InputError: not JSON: ...'."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0][:limit]}" if lines else type(exc).__name__


class PresswireError(Exception):
    """Base class of every error presswire raises on purpose."""


class InputError(PresswireError, ValueError):
    """The source cannot be read as a page: missing or unreadable file, binary data, wrong type."""


class LimitExceededError(PresswireError):
    """A document exceeds one of the limits in :class:`presswire.Limits` (size by default)."""


class TimeLimitExceededError(LimitExceededError, TimeoutError):
    """Parsing one document took longer than ``Limits.max_seconds``."""


class PluginError(PresswireError):
    """A plugin cannot be registered: misspelled hook, bad signature, duplicate name."""


class UnknownPluginError(PluginError, LookupError):
    """``outlet=`` names a plugin that is not registered."""


class InvalidDataError(PresswireError, ValueError):
    """Data given to ``Article.from_dict`` / ``from_json`` does not describe a valid article."""
