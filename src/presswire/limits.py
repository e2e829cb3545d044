"""Limits that keep one untrusted page from taking unbounded time or memory."""

from __future__ import annotations

import time
from typing import Any

from attrs import Attribute, field, frozen, validators

from presswire.errors import TimeLimitExceededError

__all__ = ["DEFAULT_LIMITS", "Deadline", "Limits"]


def _positive_or_none(instance: object, attribute: Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise ValueError(f"{attribute.name} must be a positive number or None, got {value!r}")


@frozen
class Limits:
    """Per-document limits. Pass ``limits=Limits(...)`` to :func:`presswire.parse`.

    ``max_bytes``: the largest source accepted, in bytes (encoded size for ``bytes`` and files,
    UTF-8 size for ``str``); a larger one raises :class:`~presswire.LimitExceededError` before
    anything is decoded. Default 16 MiB, several times the largest real news page.

    ``max_seconds``: wall-clock time allowed for one document; checked between the pipeline's
    steps, between plugins and inside long loops, so it is exceeded by at most one step, each of
    which is linear in the input. Raises :class:`~presswire.TimeLimitExceededError`. Default 30.
    ``None`` turns the time check off.

    ``max_elements``: the most tags an HTML page may have; a page with more raises
    :class:`~presswire.LimitExceededError` before it is parsed (an HTML parser's time and
    memory grow with the tags, and no news page comes near: the largest of the benchmark
    pages have some 8,000). Default 100,000. Beyond a fifth of it, a page may have one tag per
    100 characters (:func:`presswire.html.tags_allowed`): markup denser than that costs some
    kilobyte per tag and holds no article.
    """

    max_bytes: int = field(
        default=16 * 1024 * 1024, validator=[validators.instance_of(int), validators.gt(0)]
    )
    max_seconds: float | None = field(default=30.0, validator=_positive_or_none)
    max_elements: int = field(
        default=100_000, validator=[validators.instance_of(int), validators.gt(0)]
    )


DEFAULT_LIMITS = Limits()


class Deadline:
    """The moment a document's time runs out; ``check()`` raises once it has passed."""

    __slots__ = ("_expires", "_seconds")

    def __init__(self, seconds: float | None) -> None:
        self._seconds = seconds
        self._expires = None if seconds is None else time.monotonic() + seconds

    @property
    def seconds(self) -> float | None:
        """The time allowed, as given (``None``: no limit)."""
        return self._seconds

    def check_budget(self, needed: float, step: str) -> None:
        """Raise :class:`~presswire.TimeLimitExceededError` now if fewer than ``needed``
        seconds remain: before a step that cannot be interrupted (a C library's pass over the
        whole page), so that it is refused in time rather than finished late."""
        if self._expires is not None and self._expires - time.monotonic() < needed:
            raise TimeLimitExceededError(
                f"time limit of {self._seconds:g}s would be exceeded by {step} "
                f"(about {needed:.1f}s for this page; raise Limits.max_seconds to allow more)"
            )

    def expired(self) -> bool:
        return self._expires is not None and time.monotonic() > self._expires

    def check(self, step: str = "parsing") -> None:
        """Raise :class:`~presswire.TimeLimitExceededError` if the time is up."""
        if self.expired():
            raise TimeLimitExceededError(
                f"time limit of {self._seconds:g}s exceeded while {step} "
                "(raise Limits.max_seconds to allow more)"
            )
