"""Giving memory back to the system between the steps of a large page.

Parsing a large HTML page frees more memory than it keeps (trafilatura copies the page's tree
several times), but the C allocator holds on to what was freed, and the quotes that come next
take new memory from the system: the peaks of the two steps add up. On Linux with glibc,
``malloc_trim`` hands the freed memory back, so the later step starts from what is really in
use. Elsewhere this is a no-op.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

TRIM_AFTER_CHARACTERS = 1_000_000
"""Pages at least this long give their freed memory back after extraction; for smaller ones
the allocator's reuse is cheaper than a trim and the peaks are small."""


def _find_trim() -> Callable[[int], Any] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc (musl, ...)
        return None
    trim: Callable[[int], Any] | None = getattr(libc, "malloc_trim", None)
    return trim


_TRIM = _find_trim()


def give_back_memory(characters: int) -> None:
    """Return freed memory to the system after a page of ``characters`` was extracted, if it
    is large enough for that to matter and the platform can."""
    if _TRIM is not None and characters >= TRIM_AFTER_CHARACTERS:
        _TRIM(0)
