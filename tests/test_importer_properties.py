"""Whatever the document says, the importer gives a draft that is TOML, or a clear refusal."""

from __future__ import annotations

import tomllib

from hypothesis import given
from hypothesis import strategies as st

from commedu.importer import DocumentError, draft_from_bytes
from tests.docbuild import build_docx
from tests.strategies import plan_documents

#: text is refused only when empty or holding control characters no document has
TEXT_REFUSALS = frozenset({"doc-empty", "doc-not-text"})
BINARY_REFUSALS = frozenset({"doc-corrupt", "doc-not-word", "doc-old-word", "doc-encrypted"})


def _draft_or_refusal(data: bytes, name: str, refusals: frozenset[str] = frozenset()) -> None:
    """The draft is TOML with a note per guess, or the refusal is one the caller expects."""
    refusal: DocumentError | None = None
    try:
        draft = draft_from_bytes(data, name)
    except DocumentError as error:
        refusal = error
    if refusal is not None:
        assert refusal.code in refusals
        assert refusal.describe("en")
        assert refusal.describe("zh")
        return
    parsed = tomllib.loads(draft.text)  # the draft is always a TOML file
    assert "id" in parsed
    assert draft.activities == len(parsed.get("schedule", {}).get("activities", []))
    for note in draft.notes:
        assert note.describe("zh")
        assert note.describe("en")


@given(st.text())
def test_any_text_gives_a_draft_or_a_clear_refusal(text: str) -> None:
    _draft_or_refusal(text.encode("utf-8"), "plan.txt", TEXT_REFUSALS)


@given(plan_documents(), st.sampled_from(["utf-8", "gb18030", "utf-8-sig"]))
def test_any_plan_shaped_text_gives_a_draft(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # GB18030 encodes every code point but lone surrogates
        return
    _draft_or_refusal(data, "plan.txt", TEXT_REFUSALS)


@given(st.binary(max_size=200))
def test_any_bytes_give_a_draft_or_a_clear_refusal(data: bytes) -> None:
    _draft_or_refusal(data, "plan.bin", TEXT_REFUSALS | BINARY_REFUSALS)


_cell = plan_documents().map(lambda s: s.replace("\x00", ""))


@given(
    st.lists(plan_documents(), max_size=4),
    st.lists(st.lists(_cell, min_size=1, max_size=4), max_size=4),
)
def test_any_word_document_gives_a_draft(paragraphs: list[str], rows: list[list[str]]) -> None:
    # Word files hold no control characters but tab and line breaks; python-docx refuses others.
    def clean(s: str) -> str:
        return "".join(
            c
            for c in s
            if c in "\t\n"
            or not (ord(c) < 32 or 0xD800 <= ord(c) < 0xE000 or ord(c) in (0xFFFE, 0xFFFF))
        )

    parts: list[str | list[list[str]]] = [clean(p) for p in paragraphs]
    if rows:
        width = max(len(r) for r in rows)
        parts.append([[clean(c) for c in r] + [""] * (width - len(r)) for r in rows])
    _draft_or_refusal(build_docx(parts), "plan.docx")
