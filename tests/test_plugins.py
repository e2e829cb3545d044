"""The plugin system: selection by fingerprint, registration, isolation of failing plugins."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import presswire
from presswire import (
    Article,
    Document,
    Fingerprint,
    PluginError,
    PluginRegistry,
    UnknownPluginError,
    hookimpl,
)
from presswire import hookspecs as hookspecs_module
from presswire.registry import AUTOLOAD_ENV, BLOCKED_ENV

from .conftest import SEED_FILES

EXPECTED_PLUGIN = {"000": "presstv", "001": "tass", "002": "rt", "003": "rt", "004": "plaintext"}
BUILTIN = {"generic", "presstv", "tass", "rt", "plaintext"}


def test_builtin_plugins_load_through_entry_points(registry: PluginRegistry) -> None:
    assert set(registry.names()) >= BUILTIN
    info = {i.name: i for i in registry.info()}
    assert info["generic"].origin == "builtin"
    for name in BUILTIN - {"generic"}:
        assert info[name].origin == "entry point"
        assert info[name].package == "presswire"
        assert "presswire_fingerprint" in info[name].hooks
    assert registry.load_failures == []


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_fingerprint_picks_the_right_plugin_for_every_seed(
    path: Path, registry: PluginRegistry
) -> None:
    fingerprints = presswire.fingerprint(path, registry=registry)
    assert {fp.plugin for fp in fingerprints} == BUILTIN
    scores = [fp.score for fp in fingerprints]
    assert scores == sorted(scores, reverse=True)
    best, runner_up = fingerprints[0], fingerprints[1]
    assert best.plugin == EXPECTED_PLUGIN[path.name[:3]]
    assert best.score >= presswire.FINGERPRINT_THRESHOLD
    assert runner_up.score < presswire.FINGERPRINT_THRESHOLD
    assert best.evidence


def make_plugin(name: str, score: float, *, title: str | None = None) -> object:
    class Plugin:
        def presswire_fingerprint(self, document: Document) -> Fingerprint:
            return Fingerprint(score=score, evidence=[f"{name} evidence"])

        def presswire_extract_text(self, document: Document) -> Article:
            return Article(outlet=name, title=title or f"{name} title")

    plugin = Plugin()
    plugin.name = name  # type: ignore[attr-defined]
    return plugin


def test_highest_score_above_threshold_wins(bare_registry: PluginRegistry) -> None:
    bare_registry.register(make_plugin("low", 0.4))
    bare_registry.register(make_plugin("mid", 0.6))
    bare_registry.register(make_plugin("high", 0.9))
    article = presswire.parse("some text", registry=bare_registry)
    assert article.outlet == "high"
    assert article.fingerprint == Fingerprint(score=0.9, evidence=["high evidence"], plugin="high")
    assert not any("near tie" in w for w in article.warnings)


def test_below_threshold_goes_to_generic(bare_registry: PluginRegistry) -> None:
    bare_registry.register(make_plugin("low", 0.49))
    article = presswire.parse("some text", registry=bare_registry)
    assert article.fingerprint is not None and article.fingerprint.plugin == "generic"
    assert article.outlet is None


def test_near_tie_is_reported(bare_registry: PluginRegistry) -> None:
    bare_registry.register(make_plugin("alpha", 0.8))
    bare_registry.register(make_plugin("beta", 0.75))
    article = presswire.parse("some text", registry=bare_registry)
    assert article.outlet == "alpha"
    assert any("near tie" in w and "beta" in w for w in article.warnings)


def test_outlet_forces_a_plugin(bare_registry: PluginRegistry) -> None:
    bare_registry.register(make_plugin("high", 0.9))
    bare_registry.register(make_plugin("never", 0.0))
    article = presswire.parse("some text", outlet="never", registry=bare_registry)
    assert article.outlet == "never"
    assert article.fingerprint is not None
    assert "forced with outlet=" in article.fingerprint.evidence
    with pytest.raises(UnknownPluginError, match="nosuch"):
        presswire.parse("some text", outlet="nosuch", registry=bare_registry)


class Raising:
    name = "raising"

    def presswire_fingerprint(self, document: Document) -> Fingerprint:
        return Fingerprint(score=1.0)

    def presswire_extract_text(self, document: Document) -> Article:
        raise RuntimeError("boom\nsecond line")


class RaisingFingerprint:
    name = "badfp"

    def presswire_fingerprint(self, document: Document) -> Fingerprint:
        raise KeyError("oops")


class WrongType:
    name = "wrongtype"

    def presswire_fingerprint(self, document: Document) -> float:
        return 0.99

    def presswire_extract_text(self, document: Document) -> dict[str, str]:
        return {"title": "not an Article"}


def test_a_plugin_that_raises_is_named_and_the_next_candidate_is_used(
    bare_registry: PluginRegistry,
) -> None:
    bare_registry.register(Raising())
    bare_registry.register(make_plugin("second", 0.7))
    article = presswire.parse("some text", registry=bare_registry)
    assert article.outlet == "second"
    assert any("'raising' failed: RuntimeError: boom" in w for w in article.warnings)
    assert not any("second line" in w for w in article.warnings)


def test_failing_fingerprints_and_wrong_types_never_break_the_parse(
    bare_registry: PluginRegistry,
) -> None:
    bare_registry.register(RaisingFingerprint())
    bare_registry.register(WrongType())
    scores = {fp.plugin: fp.score for fp in presswire.fingerprint("x", registry=bare_registry)}
    assert scores == {"generic": 0.0, "badfp": 0.0, "wrongtype": 0.0}
    # both misbehaved: disabled for the run, and every parse says so
    assert set(bare_registry.disabled) == {"badfp", "wrongtype"}
    article = presswire.parse("some text", registry=bare_registry)
    assert article.fingerprint is not None and article.fingerprint.plugin == "generic"
    assert any(
        "'badfp' is disabled for this run" in w and "KeyError" in w for w in article.warnings
    )
    assert any("'wrongtype' is disabled" in w and "returned float" in w for w in article.warnings)
    assert [fp.plugin for fp in presswire.fingerprint("x", registry=bare_registry)] == ["generic"]


class WrongArticle:
    name = "wrongarticle"

    def presswire_fingerprint(self, document: Document) -> Fingerprint:
        return Fingerprint(score=0.9)

    def presswire_extract_text(self, document: Document) -> dict[str, str]:
        return {"title": "not an Article"}


def test_an_extract_hook_returning_no_article_is_a_warning(bare_registry: PluginRegistry) -> None:
    bare_registry.register(WrongArticle())
    article = presswire.parse("some text", registry=bare_registry)
    assert article.fingerprint is not None and article.fingerprint.plugin == "generic"
    assert any("returned dict, not an Article" in w for w in article.warnings)
    assert "wrongarticle" in bare_registry.disabled


def test_runtime_register_and_unregister(bare_registry: PluginRegistry) -> None:
    plugin = make_plugin("runtime", 0.95)
    # parsed before and after: the registry must not keep hooks it looked up before
    assert presswire.parse("text", registry=bare_registry).outlet is None
    assert bare_registry.register(plugin) == "runtime"
    assert presswire.parse("text", registry=bare_registry).outlet == "runtime"
    with pytest.raises(PluginError, match="registered"):
        bare_registry.register(make_plugin("runtime", 0.1))
    bare_registry.unregister("runtime")
    assert presswire.parse("text", registry=bare_registry).outlet is None
    bare_registry.register(plugin)
    bare_registry.unregister(plugin)
    assert "runtime" not in bare_registry
    with pytest.raises(UnknownPluginError):
        bare_registry.unregister("runtime")
    with pytest.raises(PluginError):
        bare_registry.unregister("generic")


def test_module_level_register_uses_the_default_registry() -> None:
    plugin = make_plugin("modlevel", 1.0)
    name = presswire.register(plugin)
    try:
        assert name in {p.name for p in presswire.plugins()}
        assert presswire.parse("text").outlet == "modlevel"
    finally:
        presswire.unregister(name)
    assert "modlevel" not in {p.name for p in presswire.plugins()}


class Misspelled:
    name = "misspelled"

    def presswire_fingerprnt(self, document: Document) -> Fingerprint:
        return Fingerprint(score=1.0)


class MarkedMisspelled:
    name = "marked"

    @hookimpl
    def presswire_extract_txt(self, document: Document) -> None:
        return None


class WrongArgument:
    name = "wrongarg"

    def presswire_fingerprint(self, page: str) -> Fingerprint:
        return Fingerprint(score=1.0)


@pytest.mark.parametrize(
    ("plugin", "message"),
    [
        (Misspelled(), "presswire_fingerprnt"),
        (MarkedMisspelled(), "presswire_extract_txt"),
        (WrongArgument(), "page"),
    ],
)
def test_misspelled_hooks_and_unknown_arguments_are_refused(
    bare_registry: PluginRegistry, plugin: object, message: str
) -> None:
    with pytest.raises(PluginError, match=message):
        bare_registry.register(plugin)
    assert bare_registry.names() == ["generic"]  # nothing half-registered


@pytest.mark.parametrize("name", ["Bad Name", "", "UPPER", "x" * 70])
def test_invalid_names_are_refused(bare_registry: PluginRegistry, name: str) -> None:
    with pytest.raises(PluginError):
        bare_registry.register(make_plugin("ok", 0.1), name=name)


def test_hook_implementations_may_take_fewer_arguments(bare_registry: PluginRegistry) -> None:
    class NoArgs:
        name = "noargs"

        def presswire_fingerprint(self) -> Fingerprint:
            return Fingerprint(score=0.8)

        def presswire_extract_html(self, soup: object) -> Article:
            return Article(outlet="noargs", title=type(soup).__name__)

    bare_registry.register(NoArgs())
    article = presswire.parse("<html><body><p>x</p></body></html>", registry=bare_registry)
    assert article.title == "BeautifulSoup"


def test_html_falls_back_to_the_text_hook_on_rendered_text(bare_registry: PluginRegistry) -> None:
    class TextOnly:
        name = "textonly"

        def presswire_fingerprint(self, document: Document) -> Fingerprint:
            return Fingerprint(score=0.8)

        def presswire_extract_text(self, document: Document) -> Article:
            return Article(outlet="textonly", paragraphs=[line for line in document.lines if line])

    bare_registry.register(TextOnly())
    page = (
        "<html><head><title>T</title><script>x=1</script></head>"
        "<body><p>One <b>bold</b></p><p>Two</p></body></html>"
    )
    article = presswire.parse(page, registry=bare_registry)
    assert article.paragraphs == ("One bold", "Two")
    assert article.source_format == "html"


# ------------------------------------------------------------------ entry points
@pytest.fixture
def fake_distribution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A third-party distribution on sys.path, found through importlib.metadata as pip would
    install it: a module plus a .dist-info folder with an entry_points.txt."""
    (tmp_path / "presswire_example_outlet.py").write_text(
        textwrap.dedent("""
        from presswire import Article, Fingerprint, hookimpl

        @hookimpl
        def presswire_fingerprint(document):
            hit = "EXAMPLE OUTLET" in document.text
            return Fingerprint(score=0.97 if hit else 0.0, evidence=["banner"] if hit else [])

        @hookimpl
        def presswire_extract_text(document):
            return Article(outlet="example", title=document.lines[0])
    """)
    )
    (tmp_path / "presswire_broken_outlet.py").write_text("raise ImportError('missing dep')\n")
    dist = tmp_path / "presswire_example-1.2.3.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: presswire-example\nVersion: 1.2.3\n"
    )
    (dist / "entry_points.txt").write_text(
        "[presswire]\nexample = presswire_example_outlet\nbroken = presswire_broken_outlet\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for module in ("presswire_example_outlet", "presswire_broken_outlet"):
        sys.modules.pop(module, None)


def test_third_party_plugin_is_found_through_its_entry_point(fake_distribution: Path) -> None:
    registry = PluginRegistry()
    info = {i.name: i for i in registry.info()}
    assert info["example"].version == "1.2.3"
    assert info["example"].package == "presswire-example"
    assert info["example"].origin == "entry point"
    article = presswire.parse("Headline here\nEXAMPLE OUTLET", registry=registry)
    assert (article.outlet, article.title) == ("example", "Headline here")
    # A broken package is reported, not raised: presswire still works.
    [failure] = registry.load_failures
    assert failure.name == "broken" and "missing dep" in failure.reason


def test_autoload_can_be_turned_off(
    fake_distribution: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    assert PluginRegistry().names() == ["generic"]
    assert presswire.parse(SEED_FILES[2], registry=PluginRegistry()).outlet is None


def test_plugins_can_be_blocked(fake_distribution: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BLOCKED_ENV, "rt, example")
    names = PluginRegistry().names()
    assert "rt" not in names and "example" not in names
    assert "tass" in names


# ------------------------------------------------------------------ hook specifications
HOOKS = [name for name in dir(hookspecs_module) if name.startswith("presswire_")]


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_reference_docstring(hook: str) -> None:
    doc = getattr(hookspecs_module, hook).__doc__ or ""
    assert len(doc.split()) > 40
    assert ":return:" in doc
    assert "Called" in doc  # says when it is called
    import inspect

    for parameter in inspect.signature(getattr(hookspecs_module, hook)).parameters:
        assert f":param {parameter}:" in doc
