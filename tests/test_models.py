"""Models: validation at construction, lossless round trips, the committed JSON Schema."""

from __future__ import annotations

import json
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import presswire
from presswire import Article, Dateline, Fingerprint, InvalidDataError, Quote, Speaker
from presswire.models import QUOTE_KINDS
from presswire.serialize import committed_schema, json_schema

from .conftest import SEED_FILES

PARAGRAPHS = ("“No, that’s not enough,” Kremlin spokesman Dmitry Peskov said.", "Second one.")


def quote(**changes: Any) -> Quote:
    fields: dict[str, Any] = {
        "text": "No, that’s not enough,",
        "paragraph": 0,
        "start": 1,
        "end": 23,
        "speaker": Speaker(
            mention="Peskov", name="Dmitry Peskov", role="Kremlin spokesman", key="dmitry-peskov"
        ),
        "cue": "said",
    }
    fields.update(changes)
    return Quote(**fields)


def test_quote_offsets_point_at_text() -> None:
    article = Article(paragraphs=PARAGRAPHS, quotes=[quote()])
    q = article.quotes[0]
    assert article.paragraphs[q.paragraph][q.start : q.end] == q.text
    assert q.fragments == ((1, 23),)  # one fragment by default: start..end


INTERRUPTED = "“We are ready,” he said. “We are waiting.”"


def test_a_quote_in_fragments_joins_them_with_one_space() -> None:
    fragments = [(1, 14), (26, 41)]
    q = Quote(
        text="We are ready, We are waiting.",
        paragraph=0,
        start=1,
        end=41,
        fragments=fragments,
        cue="said",
    )
    article = Article(paragraphs=[INTERRUPTED], quotes=[q])
    assert q.fragment_texts(article.paragraphs[0]) == ("We are ready,", "We are waiting.")
    assert Article.from_json(article.to_json()) == article
    with pytest.raises(ValueError, match="do not point"):  # the same length, other words
        Article(paragraphs=["“We are steady,” he said. “We are waiting.”"], quotes=[q])


def test_version_1_output_still_reads() -> None:
    """A quote as presswire 0.x wrote it: 'verb' for the cue, no fragments."""
    data = full_article().to_dict()
    old = data["quotes"][0]
    old["verb"] = old.pop("cue")
    del old["fragments"]
    article = Article.from_dict(data)
    assert article.quotes[0] == full_article().quotes[0]


def test_a_quote_in_the_lead_points_into_the_lead() -> None:
    lead, body = PARAGRAPHS[0], ("Unrelated body text.",)
    article = Article(lead=lead, paragraphs=body, quotes=[quote(in_lead=True)])
    q = article.quotes[0]
    assert article.passage(q)[q.start : q.end] == q.text
    assert Article.from_json(article.to_json()) == article
    assert article.text == f"{lead}\n\nUnrelated body text."
    with pytest.raises(ValueError, match="needs a lead"):
        Article(paragraphs=PARAGRAPHS, quotes=[quote(in_lead=True)])
    with pytest.raises(ValueError, match="do not point at its text in the lead"):
        Article(lead="Another lead altogether, long enough.", quotes=[quote(in_lead=True)])
    with pytest.raises(ValueError, match="paragraph 0"):
        Article(lead=lead, paragraphs=PARAGRAPHS, quotes=[quote(in_lead=True, paragraph=1)])
    data = article.to_dict()
    data["quotes"][0]["in_lead"] = 1  # no coercion: 1 is not a flag
    with pytest.raises(InvalidDataError, match="expected bool"):
        Article.from_dict(data)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"start": 0, "end": 22}, "do not point"),
        ({"paragraph": 5}, "paragraph 5"),
    ],
)
def test_article_refuses_quotes_that_do_not_point_at_their_text(
    changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        Article(paragraphs=PARAGRAPHS, quotes=[quote(**changes)])


@pytest.mark.parametrize(
    ("cls", "kwargs"),
    [
        (Quote, {"text": "x", "paragraph": 0, "start": 0, "end": 2}),  # span length
        (Quote, {"text": "x", "paragraph": -1, "start": 0, "end": 1}),
        (Quote, {"text": "x", "paragraph": 0, "start": 0, "end": 1, "kind": "paraphrase"}),
        # fragments: joined by one space they must give the text, in order, from start to end
        (
            Quote,
            {"text": "ab", "paragraph": 0, "start": 0, "end": 5, "fragments": [(0, 1), (4, 5)]},
        ),
        (
            Quote,
            {"text": "a b", "paragraph": 0, "start": 0, "end": 5, "fragments": [(4, 5), (0, 1)]},
        ),
        (
            Quote,
            {"text": "a b", "paragraph": 0, "start": 0, "end": 6, "fragments": [(0, 1), (4, 5)]},
        ),
        (Quote, {"text": "a b", "paragraph": 0, "start": 0, "end": 5, "fragments": [(0, 1, 4)]}),
        (Quote, {"text": "a", "paragraph": 0, "start": 0, "end": 1, "fragments": []}),
        (
            Quote,
            {"text": "a  b", "paragraph": 0, "start": 0, "end": 5, "fragments": [(0, 2), (1, 5)]},
        ),
        (Quote, {"text": "x", "paragraph": 0, "start": 0, "end": 1, "confidence": 1.5}),
        (Quote, {"text": "x", "paragraph": 0, "start": 0, "end": 1, "confidence": True}),
        (Quote, {"text": "x", "paragraph": 0, "start": 0, "end": 1, "confidence": "0.5"}),
        (Quote, {"text": "x", "paragraph": True, "start": 0, "end": 1}),
        (Quote, {"text": "x", "paragraph": 0.0, "start": 0, "end": 1}),
        (Quote, {"text": "x", "paragraph": 0, "start": 0, "end": 1, "kind": ["direct"]}),
        (Quote, {"text": "x", "paragraph": 0, "start": 0, "end": 1, "speaker": "Ryabkov"}),
        (Quote, {"text": "  ", "paragraph": 0, "start": 0, "end": 2}),
        (Speaker, {"mention": ""}),
        (Fingerprint, {"score": -0.1}),
        (Fingerprint, {"score": float("nan")}),
        (Fingerprint, {"score": 0.5, "evidence": "a string, not a list"}),
        (Article, {"outlet": "Russia Today"}),
        (Article, {"published": "13 Nov, 2020"}),
        (Article, {"published": "2020-02-30"}),
        (Article, {"published": "2020-11-13T25:00"}),
        (Article, {"title": "   "}),
        (Article, {"source_format": "pdf"}),
        (Article, {"paragraphs": ["ok", 3]}),
        (Article, {"extras": {"rt": {"bad": object()}}}),
        (Article, {"extras": {"rt": "not keyed by plugin"}}),
        (Article, {"extras": {"rt": {"x": float("inf")}}}),
    ],
)
def test_invalid_values_are_refused_at_construction(cls: type, kwargs: dict[str, Any]) -> None:
    with pytest.raises((ValueError, TypeError)):
        cls(**kwargs)


@pytest.mark.parametrize(
    "published",
    ["2020-11-13", "2020-11-13T11:53", "2017-05-30T11:41:00+03:00", "2024-03-25T17:20Z"],
)
def test_iso_8601_published_values_are_accepted(published: str) -> None:
    assert Article(published=published).published == published


def test_models_are_frozen_and_slotted() -> None:
    article = Article(title="T")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.title = "U"  # type: ignore[misc]
    assert not hasattr(article, "__dict__")
    with pytest.raises(TypeError):
        article.extras["rt"] = {}  # type: ignore[index]
    assert attrs.evolve(article, title="U").title == "U"


def test_lists_are_stored_as_tuples() -> None:
    article = Article(paragraphs=["a", "b"], tags=iter(["x"]))
    assert article.paragraphs == ("a", "b")
    assert article.tags == ("x",)


def full_article() -> Article:
    return Article(
        outlet="tass",
        title="Moscow concerned",
        published="2017-05-30T11:41+03:00",
        section="Russian Politics & Diplomacy",
        dateline=Dateline(place="PSKOV", date_text="May 30", agency="TASS"),
        authors=["A. Writer"],
        lead="Lead.",
        paragraphs=PARAGRAPHS,
        subheadings=["Sub"],
        captions=["© AP Photo"],
        related=["Other story"],
        tags=["Donald Trump"],
        quotes=[quote()],
        fingerprint=Fingerprint(score=0.9, evidence=["dateline"], plugin="tass"),
        url="https://tass.com/politics/948600",
        source_format="text",
        extras={"tass": {"menu_lines": 24, "nested": {"a": [1, 2.5, None, True]}}},
        warnings=["something guessed"],
    )


def test_round_trip_dict_and_json_is_lossless() -> None:
    article = full_article()
    assert Article.from_dict(article.to_dict()) == article
    assert Article.from_json(article.to_json()) == article
    assert Article.from_json(article.to_json(indent=2).encode()) == article
    data = json.loads(article.to_json())
    assert data["quotes"][0]["speaker"]["name"] == "Dmitry Peskov"
    assert data["extras"]["tass"]["nested"]["a"] == [1, 2.5, None, True]
    assert "“No" in article.to_json()  # non-ASCII kept, not escaped


@pytest.mark.parametrize(
    "data",
    [
        {"title": 5},
        {"unknown_field": 1},
        {"quotes": [{"text": "x"}]},
        {"published": "yesterday"},
        [],
    ],
)
def test_from_dict_raises_invalid_data_error(data: Any) -> None:
    with pytest.raises(InvalidDataError):
        Article.from_dict(data)


def test_from_json_refuses_broken_json() -> None:
    with pytest.raises(InvalidDataError, match="not JSON"):
        Article.from_json("{")


def test_committed_schema_is_the_generated_one() -> None:
    # Regenerate with: presswire schema > src/presswire/article.schema.json
    assert committed_schema() == json_schema()


def test_schema_describes_every_field() -> None:
    schema = committed_schema()
    assert set(schema["properties"]) == {a.name for a in attrs.fields(Article)}
    for name in ("Quote", "Speaker", "Dateline", "Fingerprint"):
        assert set(schema["$defs"][name]["properties"]) == {
            a.name for a in attrs.fields(getattr(presswire, name))
        }


def test_output_validates_against_schema_and_schema_rejects_bad_output() -> None:
    schema = committed_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(full_article().to_dict(), schema)
    for path in SEED_FILES:
        jsonschema.validate(presswire.parse(path).to_dict(), schema)
    bad = full_article().to_dict()
    bad["quotes"][0]["kind"] = "paraphrase"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


text = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != "")
optional_text = st.none() | text
json_leaf = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text()
)
json_value = st.recursive(
    json_leaf,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    paragraphs = draw(st.lists(text, max_size=4))
    quotes = []
    for index, paragraph in enumerate(paragraphs):
        if draw(st.booleans()):
            start = draw(st.integers(0, len(paragraph) - 1))
            end = draw(st.integers(start + 1, len(paragraph)))
            if paragraph[start:end].strip():
                speaker = draw(
                    st.none()
                    | st.builds(
                        Speaker,
                        mention=text,
                        name=optional_text,
                        role=optional_text,
                        key=optional_text,
                    )
                )
                quotes.append(
                    Quote(
                        text=paragraph[start:end],
                        paragraph=index,
                        start=start,
                        end=end,
                        kind=draw(st.sampled_from(QUOTE_KINDS)),
                        speaker=speaker,
                        cue=draw(optional_text),
                        via=draw(optional_text),
                        confidence=draw(st.floats(0, 1)),
                    )
                )
    return Article(
        outlet=draw(st.none() | st.from_regex(r"[a-z][a-z0-9_-]{0,10}", fullmatch=True)),
        title=draw(optional_text),
        published=draw(st.none() | st.dates().map(lambda d: d.isoformat())),
        dateline=draw(
            st.none()
            | st.builds(
                Dateline, place=optional_text, date_text=optional_text, agency=optional_text
            )
        ),
        authors=draw(st.lists(st.text(), max_size=3)),
        paragraphs=paragraphs,
        quotes=quotes,
        fingerprint=draw(
            st.none()
            | st.builds(
                Fingerprint,
                score=st.floats(0, 1),
                evidence=st.lists(st.text(), max_size=2),
                plugin=st.text(max_size=8),
            )
        ),
        source_format=draw(st.sampled_from(["text", "html"])),
        extras=draw(
            st.dictionaries(
                st.text(max_size=6),
                st.dictionaries(st.text(max_size=6), json_value, max_size=3),
                max_size=2,
            )
        ),
        warnings=draw(st.lists(st.text(), max_size=2)),
    )


@settings(max_examples=150, deadline=None)
@given(articles())
def test_any_article_round_trips_and_validates(article: Article) -> None:
    assert Article.from_json(article.to_json()) == article
    jsonschema.validate(article.to_dict(), committed_schema())


def test_json_line_is_compact_keeps_non_ascii_and_takes_what_orjson_refuses() -> None:
    from presswire.serialize import json_line

    data = full_article().to_dict()
    line = json_line(data)
    assert "\n" not in line and json.loads(line) == data
    assert json_line({"city": "Москва"}) == '{"city":"Москва"}'
    assert json.loads(json_line({"big": 2**70})) == {"big": 2**70}  # beyond orjson's 64 bits
