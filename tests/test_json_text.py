"""The export's fast paths write exactly what the plain ways write (exports are compared
byte for byte), checked on generated values: ``to_json`` against
``json.dumps(..., ensure_ascii=False, indent=2)``, Markdown's ``md`` against every step."""

from __future__ import annotations

import json
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from selvleder.render.text import to_json

C1 = re.compile("[\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=6)
keys = st.sampled_from(["id", "a", "%s", "%", '"', "\n", "æ", "\x85", ""]) | text
plain = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    text,
)


def containers(children: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(keys, children, max_size=5),
        # many objects with the same keys (an export section): the batched path
        st.lists(keys, min_size=0, max_size=4, unique=True).flatmap(
            lambda names: st.lists(st.fixed_dictionaries({n: children for n in names}), max_size=6)
        ),
        st.lists(st.lists(children, max_size=3), max_size=4),
    )


values = st.recursive(plain, containers, max_leaves=40)
other_keys = st.dictionaries(
    st.one_of(st.integers(), st.booleans(), st.none(), st.floats()), plain, max_size=4
)


def expected(value: object) -> str:
    out = json.dumps(value, ensure_ascii=False, indent=2)
    return C1.sub(lambda m: f"\\u{ord(m.group()):04x}", out)


@settings(max_examples=400)
@given(st.one_of(values, st.lists(st.one_of(values, other_keys), max_size=4)))
@example([])
@example({})
@example([[], {}, [[]], [{}], {"a": []}])
@example([{"a": 1, "b": [1, 2]}, {"a": 2, "b": []}, {"a": 3, "b": [{"c": None}]}])
@example([{"a": 1}, {"b": 2}, {"a": 3}])
@example({"x": (1, 2), "y": [(3,)]})
@example([{"k": {"%s": "%d"}}, {"k": {"%s": "%%"}}])
@example(["a\nb", "\x85\u2028\x9b", "\x1b[2J"])
def test_to_json_writes_what_json_dumps_with_indent_writes(value: object) -> None:
    assert to_json(value) == expected(value)


def test_an_export_document_is_written_the_same() -> None:
    document = {
        "format": "selvleder-export",
        "profile": {"role": "R", "org_goals": ["a", "b"], "motivation": {"joy": None}},
        "goals": [
            {"id": 1, "title": "T", "progress": [{"id": 1, "note": "n"}]},
            {"id": 2, "title": "U", "progress": []},
        ],
        "energy_logs": [{"id": i, "level": i % 5 + 1, "tags": ["x"] * (i % 3)} for i in range(50)],
        "reflections": [
            {"week": "2026-W01", "answers": {"plan": {"rating": 4}}, "pulse": None},
            {"week": "2026-W02", "answers": {}, "pulse": {"energy": 3}},
        ],
        "settings": {"demo": '{"years": 10}'},
    }
    assert to_json(document) == expected(document)


def md_every_step(text: object) -> str:
    """``md`` as it was before it returned text with nothing to escape unchanged."""
    from selvleder.export.markdown import _INLINE, _LINE_START, _NUMBERED
    from selvleder.render.text import literal

    if text is None:
        return "–"
    escaped = _INLINE.sub(r"\\\1", literal(str(text)))
    escaped = escaped.replace("://", "\\://").replace("www.", "www\\.")
    escaped = _NUMBERED.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", escaped))
    return escaped.replace("\n", "  \n")


PIECES = ["a", "1", "12", ".", ")", "-", "+", "=", "*", "_", "#", "[", "]", "<", "!", "~", "&"]
PIECES += ["`", "\\", "://", "www.", "http", " ", "\t", "\n", "\r", "\x1c", "\x85", "\x1b", "|"]
markdownish = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=400)
@given(st.one_of(markdownish, text, st.none(), st.integers()))
@example(" 12) x")
@example("x\n - y")
@example("\x1c-")
def test_markdown_escaping_of_text_with_nothing_to_escape_is_unchanged(value: object) -> None:
    from selvleder.export.markdown import md

    assert md(value) == md_every_step(value)
