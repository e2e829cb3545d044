"""From fragments to attributions: one :class:`~presswire.Quote` per statement.

The readers of a paragraph find pieces: :mod:`presswire.quotes.quotations` a
:class:`Fragment` for each quotation, :mod:`presswire.quotes.reported` a :class:`Fragment` for
each clause of reported speech. Here they become statements:

- a quotation that goes on after its reporting clause ('“...,” he said. “...”') or that is
  listed under the same cue ('called him a “loser,” a “liar”') joins the statement before it:
  one quote, several fragments;
- quotations inside a clause of reported speech ('Ryabkov said Russia cannot hope for a
  “dynamic improvement”') are part of that statement, which is ``mixed``, when they are the
  same person's; a clause around a direct quotation, or a stance around any quotation ('told
  reporters: “...”', 'called them “deplorables”'), gives way to the quotation's statement;
- statements below the confidence floor are left out.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

import attrs
from attrs import frozen

from presswire.models import Quote, QuoteKind, Speaker

__all__ = ["Fragment", "assemble"]

_KIND_ORDER: tuple[QuoteKind, ...] = ("mixed", "indirect", "direct", "partial", "block")
"""The kind of a statement of fragments of several kinds: the first of its kinds here (a
quotation continued by a partial one is direct; reported speech holding one is mixed)."""


@frozen
class Fragment:
    """A piece of what someone said, as a reader found it in one paragraph."""

    start: int  # character offsets into the paragraph
    end: int
    kind: QuoteKind
    speaker: Speaker | None
    cue: str | None
    via: str | None
    confidence: float
    sentence: int = 0
    """Where the fragment's sentence starts: quotations listed under one cue share it."""
    continues: bool = False
    """Whether the fragment goes on with the statement before it ('“...,” he said. “...”')."""
    how: str = ""
    """How a reader found it: a key of :data:`~presswire.quotes.confidence.CONFIDENCE`."""


def assemble(
    paragraph: str,
    index: int,
    quotations: Sequence[Fragment],
    reported: Sequence[Sequence[Fragment]],
    min_confidence: float = 0.0,
    shared: dict[Any, Any] | None = None,
    in_lead: bool = False,
) -> list[Quote]:
    """The statements of one paragraph, in order: quotations joined into the statements they
    continue, reported statements (each its fragments) holding the quotations inside them.

    ``shared`` maps each speaker and cue to the first equal one an article's quotes hold, so
    that its quotes share them: an article of thousands of '“...,” he said.' keeps one
    ``Speaker`` and one 'said'. ``in_lead``: the paragraph is the article's lead (``index``
    is then 0)."""
    shared = {} if shared is None else shared
    statements = _join_quotations(quotations)
    starts = [group[0].start for group in statements]  # in order: quotations are
    absorbed: set[int] = set()
    for clause in reported:
        start, end = clause[0].start, clause[-1].end
        speaker = clause[0].speaker
        inside = [
            number
            for number in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))
            if statements[number][-1].end <= end
            # not a statement of someone the clause reports on: 'He said she called it “...”'
            and _same_speaker(statements[number][0].speaker, speaker)
        ]
        parts = [part for number in inside for part in statements[number]]
        if parts and (clause[0].how == "stance" or any(p.kind == "direct" for p in parts)):
            # 'told reporters: “...”', 'called them “deplorables”': the quotation's own
            # statement, with its cue, says it better than a stance or clause around it
            continue
        statement = list(clause)
        if parts:  # 'Ryabkov said Russia cannot hope for a “dynamic improvement”'
            absorbed.update(inside)
            surest = max(part.confidence for part in parts)
            statement = [
                attrs.evolve(part, confidence=max(part.confidence, surest)) for part in statement
            ]
        statements.append([_whole_pair(paragraph, part) for part in statement])
    statements = [group for number, group in enumerate(statements) if number not in absorbed]
    statements.sort(key=lambda group: group[0].start)
    return [
        _quote(paragraph, index, group, shared, in_lead)
        for group in statements
        if max(part.confidence for part in group) >= min_confidence
    ]


def _same_speaker(quotation: Speaker | None, clause: Speaker | None) -> bool:
    """Whether a quotation inside a reported clause is that clause's speaker's (or nobody's):
    the same person by key ('he' and 'Ryabkov'), or the same words."""
    if quotation is None or clause is None:
        return True
    if quotation.key is not None:
        return quotation.key == clause.key
    return quotation == clause


def _whole_pair(paragraph: str, part: Fragment) -> Fragment:
    """A reported clause that ends on the first mark of a closing '' pair (read as one mark,
    as some newspapers write a double quote) ends after the pair."""
    end = part.end
    if end < len(paragraph) and paragraph[end - 1 : end + 1] in ("''", "``"):
        return attrs.evolve(part, end=end + 1)
    return part


def _join_quotations(fragments: Sequence[Fragment]) -> list[list[Fragment]]:
    groups: list[list[Fragment]] = []
    for fragment in fragments:
        if groups and _joins(groups[-1], fragment):
            groups[-1].append(fragment)
        else:
            groups.append([fragment])
    return groups


def _joins(group: list[Fragment], fragment: Fragment) -> bool:
    """Whether ``fragment`` belongs to the statement of ``group``: it continues it, or it is
    listed under the same cue in the same sentence, said by the same speaker."""
    previous = group[-1]
    if fragment.speaker is None or fragment.speaker != previous.speaker:
        return False
    if fragment.continues:
        return True
    return (
        fragment.cue is not None
        and fragment.cue == group[0].cue
        and fragment.sentence == previous.sentence
    )


def _quote(
    paragraph: str, index: int, group: list[Fragment], shared: dict[Any, Any], in_lead: bool
) -> Quote:
    first = group[0]
    speaker = shared.setdefault(first.speaker, first.speaker)
    if len(group) == 1:  # most statements: one fragment, its own fields
        return Quote(
            text=paragraph[first.start : first.end],
            paragraph=index,
            start=first.start,
            end=first.end,
            kind=first.kind,
            speaker=speaker,
            cue=shared.setdefault(first.cue, first.cue),
            via=first.via,
            confidence=first.confidence,
            in_lead=in_lead,
        )
    kinds = {part.kind for part in group}
    kind = next(k for k in _KIND_ORDER if k in kinds)
    cue = next((part.cue for part in group if part.cue is not None), None)
    return Quote(
        text=" ".join(paragraph[part.start : part.end] for part in group),
        paragraph=index,
        start=first.start,
        end=group[-1].end,
        fragments=[(part.start, part.end) for part in group],
        kind=kind,
        speaker=speaker,
        cue=shared.setdefault(cue, cue),
        via=next((part.via for part in group if part.via is not None), None),
        confidence=max(part.confidence for part in group),
        in_lead=in_lead,
    )
