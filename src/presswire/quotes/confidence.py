"""How sure the extractor is of an attribution, by the way its speaker was found.

:data:`CONFIDENCE` is the one table of these values; :data:`MIN_CONFIDENCE` is the default
floor of what :func:`presswire.parse` returns (guesses below it are kept only on request)."""

from __future__ import annotations

__all__ = ["CONFIDENCE", "MIN_CONFIDENCE"]


CONFIDENCE = {
    "cue": 0.9,  # a reporting verb or 'according to' with its speaker in the sentence
    "reported": 0.7,  # reported speech: a clause verb or 'according to' and its speaker
    "stance": 0.45,  # a stance or speech act and its object: 'Cruz criticized the plan'
    "interrupted": 0.8,  # '“...,” he said. “...”': the second half of a direct quotation
    "introduced": 0.8,  # 'He said:' closing the paragraph before the quotation
    "after its speaker": 0.6,  # the paragraph before opens with the speaker or quotes them
    "according to opening": 0.6,  # 'According to Lavrov, ...' opening the paragraph
    "sentence subject": 0.5,  # a partial quotation of several words without a cue
    "block": 0.6,  # a plugin's quotation paragraph without marks, the last speaker's
    "next partial": 0.4,  # a partial quotation right after another one, its speaker's
    "continues last speaker": 0.4,  # a quotation standing as a sentence, no cue at all
    "no speaker": 0.3,
}
"""How a speaker was found, and how sure that makes it: measured on PolNeAR train, a cue is
right on 84% of direct and 70% of partial quotations it finds, the subject of the sentence of a
partial quotation without a cue on 60%, the last speaker continued on 32%, the speaker of a
partial quotation next to another on 28%."""


MIN_CONFIDENCE = 0.5
"""The confidence below which an attribution is a guess, left out of what
:func:`presswire.parse` returns unless asked for: a quotation that only continues the last
speaker, a partial quotation next to another, one with no speaker at all."""
