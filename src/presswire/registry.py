"""The plugin registry: loading, registering, and calling plugins one at a time.

Hooks are called plugin by plugin (not through pluggy's broadcast call) so that an exception in
one plugin is attributed to it and cannot stop the others.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from importlib import metadata
from types import ModuleType
from typing import Any

import pluggy
from attrs import frozen

from presswire import hookspecs
from presswire.errors import LimitExceededError, PluginError, UnknownPluginError
from presswire.models import Article, Fingerprint, OutletInfo
from presswire.quotes.lexicon import DEFAULT_LEXICON, Lexicon

__all__ = [
    "AUTOLOAD_ENV",
    "BLOCKED_ENV",
    "ENTRY_POINT_GROUP",
    "FALLBACK_PLUGIN",
    "PluginInfo",
    "PluginRegistry",
]

ENTRY_POINT_GROUP = "presswire"
AUTOLOAD_ENV = "PRESSWIRE_DISABLE_PLUGIN_AUTOLOAD"
"""Set to any non-empty value to load no plugin from entry points (``generic`` stays)."""
BLOCKED_ENV = "PRESSWIRE_BLOCKED_PLUGINS"
"""Comma-separated entry-point names not to load, e.g. ``rt,tass``."""
FALLBACK_PLUGIN = "generic"
_NAME_RE = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")
_HOOK_PREFIX = "presswire_"


@frozen
class PluginInfo:
    """What ``presswire plugins`` shows about one plugin."""

    name: str
    package: str
    version: str | None
    hooks: tuple[str, ...]
    origin: str  # "builtin", "entry point" or "runtime"


@frozen
class LoadFailure:
    """An entry point that could not be loaded, with the reason."""

    name: str
    package: str | None
    reason: str


class PluginRegistry:
    """A set of plugins with the hooks of :mod:`presswire.hookspecs`.

    presswire keeps one default registry behind :func:`presswire.register` and friends; a test
    or an application that wants its own set builds one with ``PluginRegistry(autoload=False)``.
    """

    def __init__(self, *, autoload: bool | None = None) -> None:
        self._pm = _PluginManager(hookspecs.PROJECT_NAME)
        self._pm.add_hookspecs(hookspecs)
        self._origin: dict[str, tuple[str, str | None, str]] = {}  # name -> origin, version, pkg
        self.load_failures: list[LoadFailure] = []
        self.disabled: dict[str, str] = {}
        """Plugins that misbehaved in this run (raised, returned something else than the hook
        asks, took the page's whole time), by name, with the reason: no hook of theirs is
        called again by this registry, and every parse says so in its warnings."""
        self._lexicon: Lexicon | None = None
        # hook name -> (plugin name, bound implementation), sorted: rebuilt after (un)registering
        self._hook_cache: dict[str, list[tuple[str, Callable[..., Any]]]] = {}
        from presswire import generic

        self._register(generic, FALLBACK_PLUGIN, origin="builtin", version=_own_version())
        if autoload is None:
            autoload = not os.environ.get(AUTOLOAD_ENV)
        if autoload:
            self.load_entry_points()

    # ------------------------------------------------------------ registration
    def load_entry_points(self) -> None:
        """Load every plugin of the ``presswire`` entry-point group that is not blocked."""
        blocked = {n.strip() for n in os.environ.get(BLOCKED_ENV, "").split(",") if n.strip()}
        entry_points = sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=_ep_key)
        for unknown in sorted(blocked - {entry_point.name for entry_point in entry_points}):
            # a misspelled name would block nothing and say nothing: it is said
            self.load_failures.append(
                LoadFailure(unknown, None, f"{BLOCKED_ENV} names it, but no installed plugin")
            )
        for entry_point in entry_points:
            dist = getattr(entry_point, "dist", None)
            package = dist.metadata["Name"] if dist is not None else None
            if entry_point.name in blocked or entry_point.name in self._origin:
                continue
            try:
                plugin = entry_point.load()
                self._register(
                    plugin,
                    entry_point.name,
                    origin="entry point",
                    version=dist.version if dist is not None else None,
                    package=package,
                )
            except Exception as exc:  # a broken third-party package must not break presswire
                self.load_failures.append(
                    LoadFailure(entry_point.name, package, f"{type(exc).__name__}: {exc}")
                )

    def register(self, plugin: object, name: str | None = None) -> str:
        """Register ``plugin`` (a module or object with hook functions); return its name.

        The name is ``name``, else the plugin's ``name`` attribute, else the last part of its
        module name without a ``presswire_`` prefix. Raises :class:`PluginError` for a name in
        use, an invalid name, a misspelled hook or a hook with arguments the spec does not have.
        """
        chosen = _default_name(plugin) if name is None else name
        return self._register(plugin, chosen, origin="runtime")

    def _register(
        self,
        plugin: object,
        name: str,
        *,
        origin: str,
        version: str | None = None,
        package: str | None = None,
    ) -> str:
        if not _NAME_RE.fullmatch(name):
            raise PluginError(f"invalid plugin name {name!r}: use lower case letters, digits, -_.")
        if name in self._origin or self._pm.is_registered(plugin):
            raise PluginError(f"a plugin named {name!r} (or this plugin object) is registered")
        try:
            self._pm.register(plugin, name=name)
        except pluggy.PluginValidationError as exc:
            raise PluginError(f"plugin {name!r}: {exc}") from exc
        try:
            self._pm.check_pending()
        except pluggy.PluginValidationError as exc:
            self._pm.unregister(name=name)
            raise PluginError(f"plugin {name!r}: {exc}") from exc
        self._lexicon = None
        self._hook_cache.clear()
        module = getattr(plugin, "__name__", None)
        package = package or (module if isinstance(module, str) else type(plugin).__module__)
        self._origin[name] = (origin, version, package)
        return name

    def unregister(self, plugin: object | str) -> None:
        """Remove a plugin given by name or object. The ``generic`` fallback cannot be removed."""
        name = plugin if isinstance(plugin, str) else self._pm.get_name(plugin)
        if name is None or name not in self._origin:
            raise UnknownPluginError(f"no plugin {plugin!r} is registered")
        if name == FALLBACK_PLUGIN:
            raise PluginError("the generic fallback cannot be unregistered")
        self._pm.unregister(name=name)
        del self._origin[name]
        self._lexicon = None
        self._hook_cache.clear()

    # ------------------------------------------------------------ queries
    def names(self) -> list[str]:
        """Registered plugin names, sorted, ``generic`` included."""
        return sorted(self._origin)

    def __contains__(self, name: object) -> bool:
        return name in self._origin

    def get(self, name: str) -> object:
        plugin = self._pm.get_plugin(name)
        if plugin is None:
            registered = ", ".join(self.names())
            raise UnknownPluginError(f"no plugin named {name!r}; registered: {registered}")
        return plugin

    def info(self) -> list[PluginInfo]:
        """One :class:`PluginInfo` per plugin, sorted by name."""
        result = []
        for name in self.names():
            origin, version, package = self._origin[name]
            hooks = tuple(sorted(h.name for h in self._pm.get_hookcallers(self.get(name)) or ()))
            result.append(PluginInfo(name, package or name, version, hooks, origin))
        return result

    def outlets(self) -> list[tuple[str, OutletInfo, tuple[str, ...]]]:
        """``(plugin name, OutletInfo, forms)`` for every plugin that describes itself.

        ``forms`` are derived from the hooks implemented: ``"text dump"`` for a text hook,
        ``"HTML"`` for an HTML hook or a text hook (which reads the rendered page).
        """
        result = []
        for name, function in self._implementations("presswire_outlet_info"):
            try:
                info = function()
            except MISBEHAVIOUR as exc:
                self.disable(name, f"plugin {name!r} failed to describe itself: {_describe(exc)}")
                continue
            if not isinstance(info, OutletInfo):
                continue
            forms = []
            if self.has_hook(name, "presswire_extract_text"):
                forms.append("text dump")
            if self.has_hook(name, "presswire_extract_html"):
                forms.append("HTML")
            elif forms:
                forms.append("HTML (rendered text)")
            result.append((name, info, tuple(forms)))
        return result

    def has_hook(self, name: str, hook: str) -> bool:
        return self._implementation(name, hook) is not None

    # ------------------------------------------------------------ misbehaving plugins
    def disable(self, name: str, reason: str) -> None:
        """Call no hook of plugin ``name`` again in this run (see :attr:`disabled`); the
        ``generic`` fallback is never disabled."""
        if name != FALLBACK_PLUGIN and name not in self.disabled:
            self.disabled[name] = reason
            self._hook_cache.clear()
            self._lexicon = None

    def _misbehaved(self, name: str, reason: str, warnings: list[str] | None) -> None:
        """Disable plugin ``name`` and say why in ``warnings`` (when the caller keeps them)."""
        self.disable(name, reason)
        if warnings is not None:
            warnings.append(reason)

    def notices(self) -> list[str]:
        """What every parse's warnings say about this registry's plugins: those that failed to
        load and those disabled in this run."""
        return [
            *(
                f"{f.reason.split(' ', 1)[0]} blocks {f.name!r}, which no installed plugin is"
                if f.package is None and f.reason.startswith(BLOCKED_ENV)
                else f"plugin {f.name!r} failed to load: {f.reason}"[:300]
                for f in self.load_failures
            ),
            *(
                f"plugin {name!r} is disabled for this run: {why}"
                for name, why in self.disabled.items()
            ),
        ]

    def call_guarded(
        self,
        name: str,
        document: Any,
        step: str,
        call: Callable[..., Any],
        /,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """``call(*args, **kwargs)``, a hook of plugin ``name``: a plugin that takes the
        page's remaining time (most of it in this one call) is disabled and the time-limit
        error names it; any other exception propagates for the caller to handle."""
        started = time.monotonic()
        result = call(*args, **kwargs)
        if document.deadline.expired():
            took = time.monotonic() - started
            allowed = document.deadline.seconds
            if allowed is not None and took > allowed / 2:
                self.disable(name, f"took {took:.1f}s of the {allowed:g}s limit on one page")
            document.deadline.check(f"{step} with plugin {name!r}")
        return result

    # ------------------------------------------------------------ calling plugins
    def fingerprints(self, document: Any, warnings: list[str] | None = None) -> list[Fingerprint]:
        """Every plugin's fingerprint of ``document``, best first (ties by name).

        A plugin that raises (``SystemExit`` too) or returns something else than a
        Fingerprint gets score 0 with the reason as evidence, a line in ``warnings``, and is
        disabled for the run (:meth:`disable`).
        """
        results = []
        for name, function in self._implementations("presswire_fingerprint"):
            document.deadline.check(f"fingerprinting with plugin {name!r}")
            try:
                result = self.call_guarded(
                    name, document, "fingerprinting", function, document=document
                )
            except _PASS_THROUGH:
                raise
            except MISBEHAVIOUR as exc:
                reason = f"plugin {name!r} failed to fingerprint: {_describe(exc)}"
                self._misbehaved(name, reason, warnings)
                results.append(Fingerprint(score=0.0, evidence=(reason,), plugin=name))
                continue
            if result is None:
                continue
            if not isinstance(result, Fingerprint):
                reason = f"plugin {name!r} returned {type(result).__name__}, not a Fingerprint"
                self._misbehaved(name, reason, warnings)
                results.append(Fingerprint(score=0.0, evidence=(reason,), plugin=name))
                continue
            results.append(Fingerprint(score=result.score, evidence=result.evidence, plugin=name))
        results.sort(key=lambda fp: (-fp.score, fp.plugin))
        return results

    def extract(self, name: str, document: Any) -> Article | None:
        """Ask plugin ``name`` for the article: its HTML hook for HTML, else its text hook.

        Exceptions propagate: the caller decides what a failure means.
        """
        if document.source_format == "html":
            html_hook = self._implementation(name, "presswire_extract_html")
            if html_hook is not None:
                # The tree is built only for a hook that asks for it (``soup`` argument).
                article = _checked(
                    name, html_hook(document=document, soup=_Lazy(lambda: document.soup))
                )
                if article is not None:
                    return article
        text_hook = self._implementation(name, "presswire_extract_text")
        if text_hook is None:
            return None
        return _checked(name, text_hook(document=document))

    def lexicon(self, warnings: list[str] | None = None) -> Lexicon:
        """The quote lexicon: the default one with every plugin's additions, cached."""
        if self._lexicon is None:
            lexicon = DEFAULT_LEXICON
            for name, function in self._implementations("presswire_quote_lexicon"):
                try:
                    addition = function()
                except MISBEHAVIOUR as exc:
                    reason = f"plugin {name!r} failed to give a lexicon: {_describe(exc)}"
                    self._misbehaved(name, reason, warnings)
                    continue
                if isinstance(addition, Lexicon):
                    lexicon = lexicon.merge(addition)
            self._lexicon = lexicon
        return self._lexicon

    def block_quotes(self, name: str, article: Article, document: Any) -> list[int]:
        """The chosen plugin's block-quote paragraphs (exceptions propagate to the caller)."""
        hook = self._implementation(name, "presswire_block_quotes")
        if hook is None:
            return []
        result = hook(article=article, document=document)
        if result is None:
            return []
        indexes = [i for i in result if isinstance(i, int) and 0 <= i < len(article.paragraphs)]
        return sorted(set(indexes))

    def _implementations(self, hook: str) -> list[tuple[str, Callable[..., Any]]]:
        found = self._hook_cache.get(hook)
        if found is None:
            caller = getattr(self._pm.hook, hook)
            impls = sorted(caller.get_hookimpls(), key=lambda i: i.plugin_name)
            found = self._hook_cache[hook] = [
                (impl.plugin_name, _bound(impl))
                for impl in impls
                if impl.plugin_name not in self.disabled
            ]
        return found

    def _implementation(self, name: str, hook: str) -> Callable[..., Any] | None:
        for plugin, function in self._implementations(hook):
            if plugin == name:
                return function
        return None


# Errors that are about the document, not the plugin: they end the parse.
_PASS_THROUGH = (LimitExceededError,)
MISBEHAVIOUR: tuple[type[BaseException], ...] = (Exception, SystemExit)
"""What a plugin's hook may raise that presswire treats as the plugin's failure: any error,
and ``SystemExit`` (a plugin must not end the program). ``KeyboardInterrupt`` is the user's
and propagates."""


def _bound(impl: Any) -> Callable[..., Any]:
    """Call a hook implementation with only the arguments it declares (pluggy's contract).

    A :class:`_Lazy` argument is computed only for an implementation that declares it.
    """
    function = impl.function
    argnames = impl.argnames

    def call(**kwargs: Any) -> Any:
        return function(**{key: _value(kwargs[key]) for key in argnames})

    return call


class _Lazy:
    """An argument that is costly to build (the HTML tree): built only when a hook takes it."""

    __slots__ = ("_build",)

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build


def _value(argument: Any) -> Any:
    return argument._build() if isinstance(argument, _Lazy) else argument


def _checked(name: str, article: object) -> Article | None:
    if article is None or isinstance(article, Article):
        return article
    raise PluginError(f"plugin {name!r} returned {type(article).__name__}, not an Article")


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__


class _PluginManager(pluggy.PluginManager):
    """Treats every ``presswire_*`` function as a hook implementation, marked or not.

    So a misspelled hook name is never silently ignored: ``check_pending`` refuses it.
    """

    def parse_hookimpl_opts(self, plugin: object, name: str) -> Any:
        opts = super().parse_hookimpl_opts(plugin, name)
        if opts is None and name.startswith(_HOOK_PREFIX) and callable(getattr(plugin, name, None)):
            return {}
        return opts


def _default_name(plugin: object) -> str:
    explicit = getattr(plugin, "name", None)
    if isinstance(explicit, str) and explicit:
        return explicit
    module = plugin.__name__ if isinstance(plugin, ModuleType) else type(plugin).__module__
    last = module.rsplit(".", 1)[-1]
    return last.removeprefix("presswire_").replace("_", "-").lower()


def _ep_key(entry_point: metadata.EntryPoint) -> str:
    return entry_point.name


def _own_version() -> str | None:
    try:
        return metadata.version("presswire")
    except metadata.PackageNotFoundError:  # running from a source tree that is not installed
        return None
