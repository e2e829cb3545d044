"""(De)serialisation of articles: plain dicts and JSON through cattrs, and the JSON Schema.

The schema is generated from the attrs field definitions (types and ``doc`` metadata), so the
model is the single source of truth; ``article.schema.json`` beside this module is that output,
committed so that consumers in other languages can read it, and a test keeps the two equal.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any, Literal, get_args, get_origin

import attrs
import cattrs
import orjson
from cattrs.gen import make_dict_structure_fn

from presswire.errors import InvalidDataError
from presswire.models import Article, Dateline, Fingerprint, Quote, Speaker

__all__ = [
    "SCHEMA_ID",
    "from_dict",
    "from_json",
    "json_line",
    "json_schema",
    "to_dict",
    "to_json",
]

SCHEMA_ID = "https://presswire.readthedocs.io/schema/article-4.json"
"""Version 4: a quote has ``in_lead``. Version 3: an article has ``publisher``. Version 2: a
quote has ``cue`` (was ``verb``) and ``fragments``; kinds ``mixed`` and ``indirect`` are new.
:func:`from_dict` still reads the output of versions 1 to 3."""
_MODELS: tuple[type, ...] = (Article, Quote, Speaker, Dateline, Fingerprint)


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_unstructure_hook(types.MappingProxyType, dict)
    # No coercion: 5 is not a title, "1" is not a paragraph index.
    for scalar in (str, int, float, bool):
        converter.register_structure_hook(scalar, _strict(scalar))
    # extras hold arbitrary JSON values: pass them through untouched (the model validates them).
    converter.register_structure_hook_func(
        lambda tp: tp == Mapping[str, Any], lambda value, _: value
    )
    converter.register_unstructure_hook_func(
        lambda tp: tp == tuple[tuple[int, int], ...],
        lambda fragments: [list(pair) for pair in fragments],
    )
    structure_quote = make_dict_structure_fn(Quote, converter, _cattrs_forbid_extra_keys=True)
    converter.register_structure_hook(
        Quote, lambda value, _: structure_quote(_upgrade_quote(value), Quote)
    )
    return converter


def _upgrade_quote(value: Any) -> Any:
    """A quote as version 1 wrote it reads as version 2: its ``verb`` is the ``cue``, and its
    one fragment is ``start..end`` (the model's default)."""
    if isinstance(value, Mapping) and "verb" in value and "cue" not in value:
        value = dict(value)
        value["cue"] = value.pop("verb")
    return value


def _strict(expected: type) -> Any:
    def structure(value: Any, _: Any) -> Any:
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if type(value) is not expected:
            raise TypeError(f"expected {expected.__name__}, got {type(value).__name__}")
        return value

    return structure


_converter = _make_converter()


def to_dict(article: Article) -> dict[str, Any]:
    """Return ``article`` as JSON-compatible data (tuples become lists)."""
    data: dict[str, Any] = _converter.unstructure(article)
    return data


def to_json(article: Article, *, indent: int | None = None) -> str:
    """Return ``article`` as JSON text with non-ASCII characters kept as they are."""
    return json.dumps(to_dict(article), ensure_ascii=False, indent=indent)


def json_line(data: Any) -> str:
    """``data`` (plain JSON data: what :func:`to_dict` gives) as one line of compact JSON,
    non-ASCII kept. orjson writes it several times faster than the standard library, which
    matters when a batch writes millions; the standard library takes what orjson refuses
    (an integer beyond 64 bits in a plugin's ``extras``)."""
    try:
        return orjson.dumps(data).decode()
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def from_dict(data: Mapping[str, Any]) -> Article:
    """Build an :class:`Article` from :func:`to_dict` output.

    Raises :class:`~presswire.errors.InvalidDataError` naming the first problem found.
    """
    if not isinstance(data, Mapping):
        raise InvalidDataError(f"an article must be a JSON object, got {type(data).__name__}")
    try:
        article: Article = _converter.structure(dict(data), Article)
    except Exception as exc:  # cattrs wraps validator errors in exception groups
        raise InvalidDataError(f"not a valid article: {_first_message(exc)}") from exc
    return article


def from_json(text: str | bytes) -> Article:
    """Build an :class:`Article` from :func:`to_json` output."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError) as exc:
        raise InvalidDataError(f"not JSON: {exc}") from exc
    return from_dict(data)


def _first_message(exc: BaseException) -> str:
    """The innermost useful message of a (possibly nested) cattrs exception group."""
    notes: list[str] = []
    while True:
        notes.extend(getattr(exc, "__notes__", ()))
        inner = getattr(exc, "exceptions", None)
        if not inner:
            break
        exc = inner[0]
    where = f" ({notes[-1]})" if notes else ""
    return f"{type(exc).__name__}: {exc}{where}"


# ---------------------------------------------------------------- JSON Schema
def _type_schema(tp: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer", "minimum": 0}
    if tp is float:
        return {"type": "number", "minimum": 0, "maximum": 1}
    if tp is type(None):
        return {"type": "null"}
    if attrs.has(tp):
        _model_schema(tp, definitions)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [_type_schema(arg, definitions) for arg in get_args(tp)]}
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type_schema(args[0], definitions)}
        items = [_type_schema(arg, definitions) for arg in args]  # a fixed-length tuple
        return {
            "type": "array",
            "prefixItems": items,
            "minItems": len(items),
            "maxItems": len(items),
        }
    if origin is Mapping or tp is Mapping:
        return {"type": "object", "additionalProperties": {"type": "object"}}
    raise TypeError(f"no JSON Schema mapping for {tp!r}")


def _model_schema(cls: type, definitions: dict[str, Any]) -> None:
    if cls.__name__ in definitions:
        return
    definitions[cls.__name__] = {}  # placeholder against recursion
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for attribute in attrs.fields(cls):
        schema = _type_schema(hints[attribute.name], definitions)
        schema = {"description": attribute.metadata["doc"], **schema}
        properties[attribute.name] = schema
        required.append(attribute.name)  # to_dict always writes every field
    definitions[cls.__name__] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """Build the JSON Schema (draft 2020-12) of :func:`to_dict` output from the models."""
    definitions: dict[str, Any] = {}
    _model_schema(Article, definitions)
    article = definitions.pop("Article")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "presswire Article",
        **article,
        "$defs": dict(sorted(definitions.items())),
    }


@cache
def committed_schema() -> dict[str, Any]:
    """The schema shipped as ``presswire/article.schema.json``."""
    text = resources.files("presswire").joinpath("article.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
