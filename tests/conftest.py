from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from presswire import PluginRegistry

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
SHARED = ROOT.parent / "shared"


@pytest.fixture
def registry() -> Iterator[PluginRegistry]:
    """A fresh registry with the installed entry-point plugins, isolated from the default one."""
    yield PluginRegistry(autoload=True)


@pytest.fixture
def bare_registry() -> PluginRegistry:
    """A registry with only the generic fallback."""
    return PluginRegistry(autoload=False)
