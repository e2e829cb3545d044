"""The docs' example plugin package, installed as a third party would install it: presswire
lists it, it wins its fixtures, and its own test suite passes with presswire's pytest plugin."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT

EXAMPLE = ROOT / "docs" / "examples" / "presswire-sputnik"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The example built and installed into a folder of its own (never into this
    environment), and the environment variables that put it on the path."""
    work = tmp_path_factory.mktemp("example")
    source = shutil.copytree(EXAMPLE, work / "source")  # keep build files out of the repo
    target = work / "site"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(source),
        ],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.fail(f"pip could not install the example plugin:\n{done.stderr[-2000:]}")
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([str(target), *sys.path]))
    environment.pop("PRESSWIRE_DISABLE_PLUGIN_AUTOLOAD", None)
    yield environment


def presswire_cli(environment: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "presswire.cli", *args],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    return done.stdout


def test_presswire_plugins_lists_it(installed: dict[str, str]) -> None:
    plugins = json.loads(presswire_cli(installed, "plugins", "--json"))["plugins"]
    sputnik = next(p for p in plugins if p["name"] == "sputnik")
    assert sputnik["package"] == "presswire-sputnik" and sputnik["version"] == "0.1.0"
    assert "presswire_fingerprint" in sputnik["hooks"]


def test_it_wins_its_fixtures(installed: dict[str, str]) -> None:
    pages = sorted((EXAMPLE / "tests" / "fixtures").rglob("*.txt"))
    assert pages
    output = presswire_cli(installed, "parse", "--format", "jsonl", *map(str, pages))
    for line, page in zip(output.splitlines(), pages, strict=True):
        record = json.loads(line)
        article = record["article"] if len(pages) > 1 else record  # several: records
        expected = json.loads(page.with_suffix(".expected.json").read_text("utf-8"))
        assert article["fingerprint"]["plugin"] == "sputnik"
        assert article["title"] == expected["article"]["title"]


def test_its_own_test_suite_passes(installed: dict[str, str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLE)],
        capture_output=True,
        text=True,
        env=installed,
        cwd=EXAMPLE,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    assert "8 passed" in done.stdout  # 4 rule tests + 2 fixtures x (parses, claims)


def test_the_guides_pyproject_is_the_example_packages() -> None:
    """The `pyproject.toml` the plugin guide shows installs: each of its settings is the
    example package's (which the tests above install), build system and version included."""
    tomllib = pytest.importorskip("tomllib")
    guide = (ROOT / "docs" / "plugins.md").read_text("utf-8")
    block = guide.split("```toml\n", 1)[1].split("```", 1)[0]
    shown = tomllib.loads(block)
    package = tomllib.loads((EXAMPLE / "pyproject.toml").read_text("utf-8"))

    def settings(table: dict[str, object], prefix: str = "") -> dict[str, object]:
        found: dict[str, object] = {}
        for key, value in table.items():
            if isinstance(value, dict):
                found.update(settings(value, f"{prefix}{key}."))
            else:
                found[f"{prefix}{key}"] = value
        return found

    shown_settings, package_settings = settings(shown), settings(package)
    assert {"build-system.build-backend", "project.version"} <= set(shown_settings)
    assert {key: package_settings.get(key) for key in shown_settings} == shown_settings
