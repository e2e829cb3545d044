"""The TASS (tass.com, English service) outlet plugin."""

from __future__ import annotations

from presswire import Document, Fingerprint, hookimpl
from presswire.rules import score_signals
from presswire_tass.rules import SIGNALS

name = "tass"


@hookimpl
def presswire_fingerprint(document: Document) -> Fingerprint:
    return score_signals(document, SIGNALS)
