"""Text dumps of outlets without a plugin: where their headline stands."""

from __future__ import annotations

import presswire

BODY = (
    "Moscow on Tuesday rejected a proposal put forward by Western diplomats, the foreign"
    " ministry said in a statement issued after the talks.\n\n"
    "The ministry added that further talks would depend on a change of position in Washington"
    " and in European capitals.\n"
)


def test_headline_between_a_site_tagline_and_a_photo_credit() -> None:
    dump = (
        "Home\nWorld\nRussia\n\n"
        "- Example Agency International, 1920\n"
        "The latest news and stories from the region. Find out more…\n"
        "Ukraine Talks Stall as Moscow Rejects Western Proposal\n"
        "© Example Agency / Jane Photographer\n" + BODY
    )
    article = presswire.parse(dump)
    assert article.title == "Ukraine Talks Stall as Moscow Rejects Western Proposal"
    assert article.paragraphs[0].startswith("Moscow on Tuesday")  # the tagline is no paragraph
    assert any("does not stand alone" in warning for warning in article.warnings)


def test_a_paragraph_standing_alone_is_never_taken_for_a_tagline() -> None:
    # no headline: the subheading after the first paragraph must not become one, and the
    # paragraph above it stays in the body
    first = "Talks in Geneva ended on Tuesday without agreement on any of the points raised."
    dump = f"{first}\n\nWhat Comes Next for the Talks\n\n" + BODY
    article = presswire.parse(dump)
    assert article.title is None
    assert article.paragraphs[0] == first


def test_a_dump_named_only_by_its_presstv_headline_is_presstvs() -> None:
    dump = "Press TV's news headlines\n\n" + BODY
    article = presswire.parse(dump)
    assert article.outlet == "presstv"
    assert article.fingerprint is not None
    assert any(
        line.startswith("headline 'Press TV's news headlines'")
        for line in article.fingerprint.evidence
    )
