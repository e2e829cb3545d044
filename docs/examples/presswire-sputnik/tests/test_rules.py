"""Unit tests of the plugin's own rules; the fixtures are checked by presswire's pytest plugin
(see ``presswire_fixtures`` in pyproject.toml)."""

from __future__ import annotations

import pytest
from presswire_sputnik import rules

import presswire


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Vladimir Putin - Sputnik International, 1920, 12.07.2024", "Vladimir Putin"),
        (
            "A T-90 tank - on parade - Sputnik International, 1920, 09.05.2023",
            "A T-90 tank - on parade",
        ),
    ],
)
def test_caption_lines(line: str, caption: str) -> None:
    match = rules.CAPTION.match(line)
    assert match is not None and match.group(1) == caption


def test_the_plugin_is_installed_and_wins_its_page() -> None:
    page = "- Sputnik International, 1920\nWorld\nA Headline Here\nMOSCOW (Sputnik) - Text.\n"
    assert "sputnik" in [info.name for info in presswire.plugins()]
    assert presswire.parse(page).fingerprint.plugin == "sputnik"


def test_a_page_without_the_masthead_is_left_to_others() -> None:
    page = "World\nA Headline Here\nMOSCOW (Sputnik) - Some text of a report that goes on.\n"
    assert presswire.parse(page).outlet != "sputnik"
