"""The plain-text plugin: ZeroHedge-style dumps of body text, one paragraph per line."""

from __future__ import annotations

import itertools

from presswire import Document, Fingerprint, hookimpl
from presswire.rules import clean_line, combine_weights
from presswire_plaintext.rules import MIN_PROSE_WORDS, SENTENCE_ENDINGS, ZEROHEDGE_SIGNALS

name = "plaintext"


def _is_prose(line: str) -> bool:
    return len(line.split()) >= MIN_PROSE_WORDS and line.endswith(SENTENCE_ENDINGS)


@hookimpl
def presswire_fingerprint(document: Document) -> Fingerprint | None:
    """Score the share of lines that are prose, scaled down by blank-line paragraph breaks
    (a dump with blank lines between paragraphs comes from a page with a layout)."""
    if document.source_format != "text":
        return None
    lines = [clean_line(line) for line in document.lines]
    content = [line for line in lines if line]
    if not content:
        return Fingerprint(score=0.0, evidence=("no text",))
    prose_share = sum(1 for line in content if _is_prose(line)) / len(content)
    breaks = sum(1 for a, b in itertools.pairwise(lines) if a and not b)
    single_break_share = 1.0 - breaks / max(1, len(content) - 1)
    structure = round(prose_share * max(0.0, single_break_share), 4)
    evidence = [
        f"{prose_share:.0%} of lines are prose",
        f"{single_break_share:.0%} of paragraph breaks are single newlines",
    ]
    markers = [s for s in ZEROHEDGE_SIGNALS if s.matches(document)]
    evidence.extend(s.evidence for s in markers)
    score = combine_weights([structure, *(s.weight for s in markers)]) if markers else structure
    return Fingerprint(score=min(1.0, score), evidence=tuple(evidence))
