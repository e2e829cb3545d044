"""Reference pages generated from the code: ``docs/hooks.md`` and ``docs/api.md``.

The hook specifications' docstrings are the plugin author's reference, and the public names'
docstrings are the API reference; these pages are those docstrings in Markdown, so that they
cannot drift from the code. The test suite checks that the pages hold what this module
generates. Regenerate with::

    python -m presswire.docgen hooks   # prints the part of docs/hooks.md between its markers
    python -m presswire.docgen api     # the same for docs/api.md
"""

from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["api_markdown", "hook_names", "hooks_markdown", "markdown_docstring"]

_ROLE = re.compile(r":(?:func|class|data|meth|attr|mod|exc):`~?([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")
_FIELD = re.compile(r"^:(param|return|returns|raises)\s*([^:]*):\s*", re.MULTILINE)


def markdown_docstring(text: str) -> str:
    """A reST-flavoured docstring as Markdown: roles and double backticks become code,
    ``:param x:`` fields become a list."""
    text = inspect.cleandoc(text)
    text = _ROLE.sub(lambda m: f"`{m.group(1)}`", text)
    text = _LITERAL.sub(lambda m: f"`{m.group(1)}`", text)

    def field(match: re.Match[str]) -> str:
        kind, name = match.group(1), match.group(2).strip()
        if kind == "param":
            return f"- `{name}`: "
        if kind == "raises":
            return f"- raises `{name}`: "
        return "- returns: "

    text = _FIELD.sub(field, text)
    text = text.replace("::\n", ":\n")  # reST's literal-block marker
    return text.strip() + "\n"


# ---------------------------------------------------------------- hooks
def hook_names() -> list[str]:
    """The hook specifications, in the order :mod:`presswire.hookspecs` defines them."""
    from presswire import hookspecs

    return [name for name, _ in _hookspecs(hookspecs)]


def _hookspecs(module: Any) -> Iterator[tuple[str, Callable[..., Any]]]:
    members = [
        (name, value)
        for name, value in vars(module).items()
        if name.startswith("presswire_") and callable(value)
    ]
    yield from sorted(members, key=lambda item: item[1].__code__.co_firstlineno)


def hooks_markdown() -> str:
    """Every hook specification: signature, whether the first answer wins, its docstring."""
    from presswire import hookspecs

    parts = []
    for name, function in _hookspecs(hookspecs):
        options = getattr(function, "presswire_spec", {}) or {}
        signature = _signature(function)
        first = (
            "First answer wins (`firstresult`): presswire stops at the first plugin that "
            "returns something other than `None`."
            if options.get("firstresult")
            else "Called on every plugin; presswire collects all answers."
        )
        parts.append(
            f"## `{name}`\n\n```python\n@hookimpl\ndef {name}{signature}: ...\n```\n\n"
            f"{first}\n\n{markdown_docstring(function.__doc__ or '')}"
        )
    return "\n".join(parts)


def _signature(function: Callable[..., Any]) -> str:
    text = str(inspect.signature(function))
    return text.replace("'", "")


# ---------------------------------------------------------------- API
PLUGIN_MODULES = (
    "presswire.rules",
    "presswire.dates",
    "presswire.html",
    "presswire.metadata",
    "presswire.generic",
    "presswire.testing",
)
"""Modules whose public names plugin authors use (the built-in plugins import from them):
documented after ``presswire``'s own names."""


def api_markdown() -> str:
    """Every name in ``presswire.__all__``, then in each of :data:`PLUGIN_MODULES`' ``__all__``:
    its kind, signature and docstring."""
    import importlib

    import presswire

    parts = []
    for name in sorted(presswire.__all__, key=lambda n: (n.startswith("_"), n.lower())):
        value = getattr(presswire, name)
        parts.append(_api_entry(name, value))
    for module_name in PLUGIN_MODULES:
        module = importlib.import_module(module_name)
        summary = (inspect.getdoc(module) or "").split("\n\n")[0]
        parts.append(f"## Module `{module_name}`\n\n{markdown_docstring(summary)}")
        for name in sorted(module.__all__, key=str.lower):
            parts.append(_api_entry(name, getattr(module, name), module_name))
    return "\n".join(parts)


def _api_entry(name: str, value: Any, module: str = "presswire") -> str:
    heading = f"### `{module}.{name}`\n\n"
    if inspect.isclass(value):
        signature = _safe_signature(value)
        doc = inspect.getdoc(value) or ""
        body = f"```python\nclass {name}{signature}\n```\n\n{markdown_docstring(doc)}"
        body += _attrs_fields(value)
    elif callable(value) and not isinstance(value, (str, int, float)):
        signature = _safe_signature(value)
        doc = inspect.getdoc(value) or ""
        body = f"```python\ndef {name}{signature}\n```\n\n{markdown_docstring(doc)}"
    else:
        shown = repr(value)
        if isinstance(value, (set, frozenset)):  # in a fixed order: a set's repr is not
            shown = f"{type(value).__name__}({{{', '.join(sorted(map(repr, value)))}}})"
        if name == "__version__":  # changes with every release; the page would go stale
            shown = '"X.Y.Z"'
        elif len(shown) > 80:  # a long value (a lexicon) is described, not printed
            shown = f"{type(value).__name__}(...)"
        body = f"```python\n{name} = {shown}\n```\n\n{_CONSTANTS.get(name, '')}\n"
    return heading + body.rstrip() + "\n"


def _attrs_fields(cls: type) -> str:
    """The documented fields of an attrs class, one line each (from their ``doc`` metadata)."""
    import attrs

    if not attrs.has(cls):
        return ""
    lines = [
        f"- `{field.name}`: {field.metadata['doc']}"
        for field in attrs.fields(cls)
        if field.metadata.get("doc")
    ]
    return "\nFields:\n\n" + "\n".join(lines) + "\n" if lines else ""


def _safe_signature(value: Any) -> str:
    try:
        return str(inspect.signature(value)).replace("'", "")
    except (TypeError, ValueError):
        return "(...)"


_CONSTANTS = {
    "__version__": "The installed version of presswire.",
    "DEFAULT_LIMITS": "The limits `parse` uses when none are given: 16 MiB and 30 seconds.",
    "DEFAULT_LEXICON": "The word lists of the quote extractor before plugins add to them.",
    "FINGERPRINT_THRESHOLD": "The score a plugin needs for a page to be its candidate.",
    "NEAR_TIE_MARGIN": "Scores this close to the winner's are named in `Article.warnings`.",
    "hookimpl": "The decorator that marks a plugin's hook implementations.",
}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    generators = {"hooks": hooks_markdown, "api": api_markdown}
    if len(args) != 1 or args[0] not in generators:
        print("usage: python -m presswire.docgen hooks|api", file=sys.stderr)
        return 2
    sys.stdout.write(generators[args[0]]())
    return 0


if __name__ == "__main__":
    sys.exit(main())
