"""The pytest plugin for outlet-plugin authors (``pytest11`` entry point ``presswire``).

It does nothing unless the ini option ``presswire_fixtures`` names fixture folders; then every
page with an expected file there becomes two test items: ``NAME::parses`` (the expected plugin
wins with the expected fields) and ``NAME::claims`` (no other plugin claims the page). The
``presswire_registry`` fixture gives a fresh registry with the installed plugins.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from presswire.registry import PluginRegistry
from presswire.testing import (
    EXPECTED_SUFFIX,
    PAGE_SUFFIXES,
    FixtureMismatch,
    check_claims,
    check_fixture,
)

INI_OPTION = "presswire_fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        INI_OPTION,
        type="paths",
        default=[],
        help="folders of presswire fixtures (page + NAME.expected.json) to check",
    )


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if not file_path.name.endswith(EXPECTED_SUFFIX):
        return None
    folders = [Path(folder) for folder in parent.config.getini(INI_OPTION)]
    if not any(file_path.is_relative_to(folder) for folder in folders):
        return None
    stem = file_path.name[: -len(EXPECTED_SUFFIX)]
    pages = [file_path.with_name(stem + suffix) for suffix in PAGE_SUFFIXES]
    page = next((p for p in pages if p.exists()), None)
    if page is None:
        return None
    collector: pytest.Collector = FixtureFile.from_parent(parent, path=file_path, page=page)
    return collector


class FixtureFile(pytest.File):
    def __init__(self, *, page: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.page = page

    def collect(self) -> Iterator[pytest.Item]:
        yield FixtureItem.from_parent(self, name="parses", page=self.page, check=check_fixture)
        yield FixtureItem.from_parent(self, name="claims", page=self.page, check=check_claims)


class FixtureItem(pytest.Item):
    def __init__(self, *, page: Path, check: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.page = page
        self.check = check

    def runtest(self) -> None:
        self.check(self.page)

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None
    ) -> str | Any:
        if isinstance(excinfo.value, FixtureMismatch):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.page, 0, f"presswire fixture {self.page.name}: {self.name}"


@pytest.fixture
def presswire_registry() -> PluginRegistry:
    """A fresh registry with the installed entry-point plugins, apart from the default one."""
    return PluginRegistry(autoload=True)
