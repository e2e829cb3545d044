"""The documentation cannot drift from the code: every fenced Python example in the README
and docs/*.md runs, with its assertions; the hook and API references are what the code
generates; every hook and public name is documented; links between pages resolve."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import presswire
from presswire.docgen import api_markdown, hook_names, hooks_markdown

from .conftest import ROOT

DOCS = ROOT / "docs"
PAGES = ["index", "guide", "quotes", "corpus", "plugins", "hooks", "outlets", "api"]
MARKDOWN = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
LINKED = [*MARKDOWN, *sorted((DOCS / "examples").rglob("README.md"))]
# ```python blocks run; ```python no-test marks the few that need a service (a Dask
# scheduler, Spark) and is allowed only where the page says why.
_BLOCK = re.compile(r"^```python( no-test)?\n(.*?)^```", re.MULTILINE | re.DOTALL)
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
GENERATED_START, GENERATED_END = "<!-- generated:start -->\n", "<!-- generated:end -->"


def python_blocks(path: Path) -> list[str]:
    """The runnable examples of a page; a generated reference part (signatures) is no example."""
    text = path.read_text("utf-8")
    if GENERATED_START in text:
        text = text[: text.index(GENERATED_START)] + text[text.index(GENERATED_END) :]
    return [code for skip, code in _BLOCK.findall(text) if not skip]


def test_every_page_the_docs_promise_exists() -> None:
    assert {p.stem for p in DOCS.glob("*.md")} >= set(PAGES)


@pytest.mark.parametrize("how", ["script file", "stdin"])
@pytest.mark.parametrize("page", MARKDOWN, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_examples_run(page: Path, how: str, tmp_path: Path) -> None:
    """The blocks of one page run in order, as one program, the way a user runs them: as
    ``python example.py`` and as ``python - < example.py``, in its own process, in a fresh
    folder where ``seeds/`` and ``docs/`` are the repository's (examples write their outputs
    there). Exit 0 and no traceback, warnings allowed."""
    import subprocess
    import sys

    blocks = python_blocks(page)
    if not blocks:
        pytest.skip("no Python examples")
    for name in ("seeds", "docs"):
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    script = tmp_path / "example.py"
    script.write_text("\n\n".join(blocks), encoding="utf-8")
    command = [sys.executable, "example.py"] if how == "script file" else [sys.executable, "-"]
    done = subprocess.run(
        command,
        cwd=tmp_path,
        input=script.read_text(encoding="utf-8") if how == "stdin" else None,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-3000:]


def test_skipped_examples_are_few_and_explained() -> None:
    skipped = 0
    for page in MARKDOWN:
        text = page.read_text("utf-8")
        for match in re.finditer(r"^```python no-test$", text, re.MULTILINE):
            skipped += 1
            before = text[max(0, match.start() - 400) : match.start()].lower()
            assert any(word in before for word in ("cluster", "spark", "scheduler")), page
    assert skipped <= 3


def generated_part(page: Path) -> str:
    text = page.read_text("utf-8")
    return text[text.index(GENERATED_START) + len(GENERATED_START) : text.index(GENERATED_END)]


def test_hooks_page_is_generated_from_the_hookspecs() -> None:
    assert generated_part(DOCS / "hooks.md") == hooks_markdown(), (
        "regenerate with: python -m presswire.docgen hooks"
    )


def test_every_hook_is_documented() -> None:
    from presswire import hookspecs

    specified = {name for name in vars(hookspecs) if name.startswith("presswire_")}
    assert set(hook_names()) == specified
    text = (DOCS / "hooks.md").read_text("utf-8")
    for hook in specified:
        assert f"## `{hook}`" in text, hook


def test_api_page_is_generated_from_the_docstrings() -> None:
    assert generated_part(DOCS / "api.md") == api_markdown(), (
        "regenerate with: python -m presswire.docgen api"
    )


def test_every_public_name_is_documented() -> None:
    text = (DOCS / "api.md").read_text("utf-8")
    for name in presswire.__all__:
        assert f"### `presswire.{name}`" in text, name
        value = getattr(presswire, name)
        if callable(value) and not isinstance(value, (str, int, float)):
            assert getattr(value, "__doc__", None), f"presswire.{name} has no docstring"


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", page.read_text("utf-8"), flags=re.MULTILINE | re.DOTALL)
    return {slug(h) for h in re.findall(r"^#{1,6} (.+)$", text, re.MULTILINE)}


@pytest.mark.parametrize("page", LINKED, ids=lambda p: str(p.relative_to(ROOT)))
def test_links_resolve(page: Path) -> None:
    for target in _LINK.findall(page.read_text("utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # an external address
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{page.name}: {target} does not exist"
        if anchor:
            assert anchor in anchors(linked), f"{page.name}: no heading for #{anchor}"
