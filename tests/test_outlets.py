"""Every fixture (the seeds and tests/fixtures/<outlet>/) through presswire, field by field.

A fixture is a page (``.txt`` or ``.html``) beside ``<name>.expected.json``:
``{"input": {"url": ...}, "plugin": NAME, "article": {field: expected value, ...}}``.
Only the fields listed are compared, each exactly (quotes without offsets and confidence);
the expected files are written by hand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import presswire

from .conftest import ROOT

FIXTURE_DIRS = [ROOT / "seeds", ROOT / "tests" / "fixtures"]
PAGES = sorted(
    page
    for folder in FIXTURE_DIRS
    for page in folder.rglob("*")
    if page.suffix in (".txt", ".html") and page.with_suffix(".expected.json").exists()
)
REQUIRED_FIELDS = {"outlet", "title", "published", "paragraphs"}
BUILTIN = {"generic", "plaintext", "presstv", "rt", "tass"}


def load_expected(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(page.with_suffix(".expected.json").read_text("utf-8"))
    return data


def test_every_seed_has_an_expected_file() -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    assert all(seed in PAGES for seed in seeds)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fixture(page: Path) -> None:
    expected = load_expected(page)
    assert set(expected["article"]) >= REQUIRED_FIELDS, "expected files state the core fields"
    article = presswire.parse(page, **expected.get("input", {}))
    assert article.fingerprint is not None
    assert article.fingerprint.plugin == expected["plugin"]
    actual = article.to_dict()
    for field, value in expected["article"].items():
        if field == "quotes":
            assert [_quote_claims(q) for q in actual["quotes"]] == value, "quotes differ"
        else:
            assert actual[field] == value, f"{field} differs"


def _quote_claims(quote: dict[str, Any]) -> dict[str, Any]:
    """What an expected file states of a quote: offsets are checked by the model itself,
    confidence is the extractor's own business."""
    return {
        "paragraph": quote["paragraph"],
        "text": quote["text"],
        "kind": quote["kind"],
        "speaker": quote["speaker"],
        "verb": quote["verb"],
        "via": quote["via"],
    }


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_plugin_but_the_expected_one_claims_the_page(page: Path) -> None:
    expected = load_expected(page)
    fingerprints = presswire.fingerprint(page, **expected.get("input", {}))
    claiming = [fp.plugin for fp in fingerprints if fp.score >= presswire.FINGERPRINT_THRESHOLD]
    assert claiming == ([expected["plugin"]] if expected["plugin"] != "generic" else [])


def test_docs_outlets_table_is_current() -> None:
    from presswire.cli import outlets_markdown

    doc = (ROOT / "docs" / "outlets.md").read_text("utf-8")
    start, end = "<!-- outlets-table:start -->\n", "<!-- outlets-table:end -->"
    table = doc[doc.index(start) + len(start) : doc.index(end)]
    assert table == outlets_markdown(only=BUILTIN), "regenerate with: presswire outlets"


def test_every_builtin_plugin_describes_itself() -> None:
    described = {name for name, _, _ in presswire.default_registry().outlets()}
    assert described >= BUILTIN
