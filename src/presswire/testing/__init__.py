"""Fixture checks for outlet plugins: the checks presswire's own plugins pass.

A fixture is a page (``NAME.txt`` or ``NAME.html``) beside ``NAME.expected.json``::

    {
      "input": {"url": "https://..."},      # optional: keyword arguments for presswire.parse
      "plugin": "sputnik",                  # the plugin that must win the page
      "article": {"outlet": "sputnik", "title": "...", "published": "...",
                  "paragraphs": ["...", "..."], "quotes": [...]}
    }

Only the ``article`` fields listed are compared, each exactly; ``outlet``, ``title``,
``published`` and ``paragraphs`` must be listed. Quotes are compared without offsets and
confidence (``paragraph``, ``text``, ``kind``, ``speaker``, ``cue``, ``via``, and
``"in_lead": true`` for a quote in the lead). Write the
expected file by hand from the page: it is a claim about the page, not a snapshot of the
output. :func:`draft_expected` gives a starting point that you must read and correct.

With pytest, the plugin this package registers (``pytest11`` entry point) collects every
fixture under the folders named by the ini option ``presswire_fixtures``::

    [tool.pytest.ini_options]
    presswire_fixtures = ["tests/fixtures"]

and checks each page twice: the expected plugin wins it with the expected fields
(:func:`check_fixture`), and no other plugin claims it (:func:`check_claims`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from presswire.pipeline import FINGERPRINT_THRESHOLD, fingerprint, parse
from presswire.registry import PluginRegistry

__all__ = [
    "EXPECTED_SUFFIX",
    "PAGE_SUFFIXES",
    "REQUIRED_FIELDS",
    "FixtureMismatch",
    "check_claims",
    "check_fixture",
    "draft_expected",
    "fixture_pages",
    "load_expected",
    "quote_claims",
]

PAGE_SUFFIXES = (".txt", ".html")
EXPECTED_SUFFIX = ".expected.json"
REQUIRED_FIELDS = frozenset({"outlet", "title", "published", "paragraphs"})


class FixtureMismatch(AssertionError):
    """A page's parse differs from its expected file; the message names every difference."""


def expected_path(page: Path) -> Path:
    return page.with_name(page.name.rsplit(".", 1)[0] + EXPECTED_SUFFIX)


def fixture_pages(*folders: str | os.PathLike[str]) -> list[Path]:
    """Every page with an expected file under ``folders`` (recursively), sorted."""
    pages = {
        page
        for folder in folders
        for page in Path(folder).rglob("*")
        if page.suffix in PAGE_SUFFIXES and expected_path(page).exists()
    }
    return sorted(pages)


def load_expected(page: str | os.PathLike[str]) -> dict[str, Any]:
    """The expected file of ``page``, checked for the keys every fixture must state."""
    path = expected_path(Path(page))
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "plugin" not in data or "article" not in data:
        raise FixtureMismatch(f"{path}: needs the keys 'plugin' and 'article'")
    missing = REQUIRED_FIELDS - set(data["article"])
    if missing:
        raise FixtureMismatch(f"{path}: the article must state {', '.join(sorted(missing))}")
    return data


def quote_claims(quote: dict[str, Any]) -> dict[str, Any]:
    """What an expected file states of a quote: offsets are checked by the model itself and
    confidence is the extractor's own business."""
    claims = {
        "paragraph": quote["paragraph"],
        "text": quote["text"],
        "kind": quote["kind"],
        "speaker": quote["speaker"],
        "cue": quote.get("cue", quote.get("verb")),
        "via": quote["via"],
    }
    if quote.get("in_lead"):  # stated only for a quote in the lead, as expected files do
        claims["in_lead"] = True
    return claims


def check_fixture(page: str | os.PathLike[str], registry: PluginRegistry | None = None) -> None:
    """Parse ``page`` and compare it with its expected file.

    :raises FixtureMismatch: another plugin won the page, or listed fields differ (every
        difference is named, with the expected and the actual value).
    """
    path = Path(page)
    expected = load_expected(path)
    article = parse(path, registry=registry, **expected.get("input", {}))
    winner = article.fingerprint.plugin if article.fingerprint else None
    problems = []
    if winner != expected["plugin"]:
        problems.append(f"plugin: expected {expected['plugin']!r}, got {winner!r}")
    actual = article.to_dict()
    for name, value in expected["article"].items():
        if name not in actual:
            problems.append(f"{name}: not an Article field")
            continue
        got = actual[name]
        if name == "quotes":
            got = [quote_claims(quote) for quote in got]
        if got != value:
            problems.append(_difference(name, value, got))
    if problems:
        raise FixtureMismatch(f"{path}:\n" + "\n".join(f"  - {p}" for p in problems))


def _difference(name: str, expected: Any, actual: Any) -> str:
    if isinstance(expected, list) and isinstance(actual, list):
        for index, (want, got) in enumerate(zip(expected, actual, strict=False)):
            if want != got:
                return f"{name}[{index}]: expected {want!r}, got {got!r}"
        return f"{name}: expected {len(expected)} items, got {len(actual)}"
    return f"{name}: expected {expected!r}, got {actual!r}"


def check_claims(page: str | os.PathLike[str], registry: PluginRegistry | None = None) -> None:
    """Check that no plugin but the expected one scores ``page`` at or above the threshold
    (for a ``generic`` fixture: that no plugin does).

    :raises FixtureMismatch: naming the plugins that claim the page, with their evidence.
    """
    path = Path(page)
    expected = load_expected(path)
    claims = [
        fp
        for fp in fingerprint(path, registry=registry, **expected.get("input", {}))
        if fp.score >= FINGERPRINT_THRESHOLD
    ]
    wanted = [] if expected["plugin"] == "generic" else [expected["plugin"]]
    if [fp.plugin for fp in claims] != wanted:
        found = "; ".join(f"{fp.plugin} {fp.score} ({', '.join(fp.evidence)})" for fp in claims)
        raise FixtureMismatch(f"{path}: expected claims {wanted}, got: {found or 'none'}")


def draft_expected(
    page: str | os.PathLike[str],
    fields: Iterable[str] = ("outlet", "title", "published", "paragraphs", "quotes"),
    registry: PluginRegistry | None = None,
) -> dict[str, Any]:
    """A first draft of an expected file from today's output. Read it against the page and
    correct it before you commit it: an unread draft only tests that nothing changed."""
    article = parse(Path(page), registry=registry)
    data = article.to_dict()
    listed = {name: data[name] for name in fields}
    if "quotes" in listed:
        listed["quotes"] = [quote_claims(quote) for quote in listed["quotes"]]
    return {
        "plugin": article.fingerprint.plugin if article.fingerprint else None,
        "article": listed,
    }
