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
