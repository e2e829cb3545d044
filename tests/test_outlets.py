"""Every fixture (the seeds and tests/fixtures/<outlet>/) through presswire, field by field.

A fixture is a page (``.txt`` or ``.html``) beside ``<name>.expected.json``, checked by
:mod:`presswire.testing`, the same checks third-party plugins get (see its docstring). The
expected files are written by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import presswire
from presswire.testing import check_claims, check_fixture, fixture_pages

from .conftest import ROOT

FIXTURE_DIRS = [ROOT / "seeds", ROOT / "tests" / "fixtures"]
PAGES = fixture_pages(*FIXTURE_DIRS)
BUILTIN = {"generic", "plaintext", "presstv", "rt", "tass"}


def test_every_seed_has_an_expected_file() -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    assert all(seed in PAGES for seed in seeds)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fixture(page: Path) -> None:
    check_fixture(page)  # the check presswire.testing offers third-party plugins


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_plugin_but_the_expected_one_claims_the_page(page: Path) -> None:
    check_claims(page)


def test_docs_outlets_table_is_current() -> None:
    from presswire.cli import outlets_markdown

    doc = (ROOT / "docs" / "outlets.md").read_text("utf-8")
    start, end = "<!-- outlets-table:start -->\n", "<!-- outlets-table:end -->"
    table = doc[doc.index(start) + len(start) : doc.index(end)]
    assert table == outlets_markdown(only=BUILTIN), "regenerate with: presswire outlets"


def test_every_builtin_plugin_describes_itself() -> None:
    described = {name for name, _, _ in presswire.default_registry().outlets()}
    assert described >= BUILTIN


# A date line whose day and hour cannot exist, in each outlet's own format.
IMPOSSIBLE_DATES = [
    ("seeds/001_4a0582fe3bb4a27c.txt", "May 30, 11:41 UTC+3", "May 37, 11:41 UTC+3", "tass"),
    ("seeds/002_6f6393aee3e8b6bb.txt", "13 Nov, 2020 11:53", "37 Nov, 2020 11:53", "rt"),
    ("seeds/003_023a901f25739ca9.txt", "28 Apr, 2021 11:53", "28 Apr, 2021 27:53", "rt"),
    (
        "tests/fixtures/plaintext/zerohedge_header.txt",
        "Thu, 03/28/2024 - 02:45",
        "Thu, 03/38/2024 - 02:45",
        "zerohedge",
    ),
]


@pytest.mark.parametrize(("page", "date", "impossible", "outlet"), IMPOSSIBLE_DATES)
def test_an_impossible_date_costs_the_date_not_the_outlet(
    page: str, date: str, impossible: str, outlet: str
) -> None:
    text = (ROOT / page).read_text("utf-8")
    assert date in text
    expected = presswire.parse(text)
    article = presswire.parse(text.replace(date, impossible))
    assert article.outlet == outlet
    assert article.published is None
    assert any(w.startswith("published:") for w in article.warnings)
    assert not any("failed" in w for w in article.warnings), article.warnings
    assert article.title == expected.title
    assert article.paragraphs == expected.paragraphs


def rt_page(summary: str) -> str:
    """An RT article page as its markup lays it out, with or without the summary block."""
    block = f'<div class="article__summary">{summary}</div>' if summary else ""
    return (
        "<html><head><title>Peskov speaks — RT World News</title></head><body>"
        '<div class="article__date">13 Nov, 2020 11:53</div>'
        f'<h1 class="article__heading">Peskov speaks on ties</h1>{block}'
        '<div class="article__text"><p>Speaking to RT Russian, Peskov touched upon the US'
        " election on Friday.</p><p>“We will respect the choice,” he said.</p></div>"
        "<div>If you like this story, share it with a friend!</div></body></html>"
    )


@pytest.mark.parametrize("summary", ["Moscow is ready, according to spokesman Dmitry Peskov.", ""])
def test_every_outlet_keeps_its_lead_out_of_the_paragraphs(summary: str) -> None:
    """One rule for every outlet: the lead stands apart and the body never repeats it; a page
    without a summary has no lead and loses no paragraph."""
    article = presswire.parse(rt_page(summary), url="https://www.rt.com/russia/1-peskov/")
    assert article.fingerprint is not None and article.fingerprint.plugin == "rt"
    assert article.lead == (summary or None)
    assert article.paragraphs[0].startswith("Speaking to RT Russian")
    assert [q.in_lead for q in article.quotes] == [True, False] if summary else [False]


def test_no_seed_repeats_its_lead_in_its_paragraphs() -> None:
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        parsed = presswire.parse(seed)
        assert parsed.lead is None or parsed.lead not in parsed.paragraphs, seed.name
