"""Word classes shared by the readers of speaker phrases and cues: determiners, pronouns,
clause breaks, the words of 'according to' and 'quoted X as saying'. Data, not code: tables a
reader may look words up in, each with a note of what it is for."""

from __future__ import annotations

import re

__all__ = [
    "ACCORDING",
    "ACCORDING_MODIFIERS",
    "ATTRIBUTION_DASHES",
    "DESCRIPTION_DETERMINERS",
    "DETERMINERS",
    "PARTY_TAG",
    "RELATIVE_BREAKS",
    "RELATIVE_SUBJECT",
    "SUBJECT_PRONOUNS",
]


DETERMINERS = frozenset({"the", "a", "an", "this", "that", "another", "one"})


SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})
"""Pronouns that stand for a person as a verb's subject: 'he in a statement said'."""


ATTRIBUTION_DASHES = frozenset({"―", "—", "–"})
"""A dash that attributes a quotation to the name after it: '“...” ― Pamela Padilla'."""


RELATIVE_SUBJECT = "who"
"""A relative pronoun that speaks ('Mike Lee, who declared, “...”'): mentioned as written,
resolved to the name before it."""


RELATIVE_BREAKS = frozenset({",", "-", *ATTRIBUTION_DASHES})
"""What stands between a name and its 'who': 'Mike Lee, who', 'Donald Trump - who'."""


ACCORDING = ("according", "to")


# A US politician's party and state after the name: 'McConnell, R-Ky., said'.
PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z]{0,3}\.?")


DESCRIPTION_DETERMINERS = frozenset({"the", "a", "an"})


ACCORDING_MODIFIERS = 3
"""The same after 'according to', where no clause can follow the verb: 'According to
conservative talk radio host Rush Limbaugh'."""
