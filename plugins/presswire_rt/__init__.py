"""The RT (rt.com) outlet plugin."""

from __future__ import annotations

from presswire import Document, Fingerprint, hookimpl
from presswire.rules import score_signals
from presswire_rt.rules import SIGNALS

name = "rt"


@hookimpl
def presswire_fingerprint(document: Document) -> Fingerprint:
    return score_signals(document, SIGNALS)
