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
