"""The offset map is what makes every briefing line checkable: test it hard."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from parallax.offsets import OffsetMap, TextBuilder


def test_copy_and_replace_map_back_to_source() -> None:
    source = "Hello [world](#) and goodbye"
    builder = TextBuilder(source)
    builder.copy(0, 6)
    builder.replace(6, 16, "world")
    builder.copy(16, len(source))
    text, offsets = builder.build()
    assert text == "Hello world and goodbye"
    assert offsets.to_source(0, 5) == (0, 5)
    # A span inside a replacement covers the whole replaced source range.
    assert offsets.to_source(6, 11) == (6, 16)
    start, end = offsets.to_source(12, 15)
    assert source[start:end] == "and"


def test_insertion_is_zero_width_and_anchored() -> None:
    source = "Hill.Kim"
    builder = TextBuilder(source)
    builder.copy(0, 5)
    builder.replace(5, 5, " ")
    builder.copy(5, 8)
    text, offsets = builder.build()
    assert text == "Hill. Kim"
    assert offsets.to_source(5, 6) == (5, 5)
    assert offsets.to_source(0, 9) == (0, 8)


def test_adjacent_copies_merge_into_one_piece() -> None:
    builder = TextBuilder("abcdef")
    builder.copy(0, 2)
    builder.copy(2, 4)
    _, offsets = builder.build()
    assert len(offsets.pieces) == 1


def test_serialisation_round_trip() -> None:
    builder = TextBuilder("one two three")
    builder.copy(0, 3)
    builder.replace(3, 8, " 2 ")
    builder.copy(8, 13)
    _, offsets = builder.build()
    assert OffsetMap.from_list(offsets.to_list()) == offsets


# A random cleaning: keep, drop or replace each chunk of the source.
chunks = st.lists(
    st.tuples(st.text(min_size=1, max_size=8), st.sampled_from(["keep", "drop", "replace"]),
              st.text(max_size=4)),
    min_size=1, max_size=12,
)


@given(chunks)
def test_every_cleaned_span_maps_onto_the_source_it_came_from(
    plan: list[tuple[str, str, str]],
) -> None:
    source = "".join(chunk for chunk, _, _ in plan)
    builder = TextBuilder(source)
    # One entry per cleaned char: (src_start, src_end, char, verbatim).
    expected: list[tuple[int, int, str, bool]] = []
    position = 0
    for chunk, action, replacement in plan:
        end = position + len(chunk)
        if action == "keep":
            builder.copy(position, end)
            expected += [(position + i, position + i + 1, ch, True) for i, ch in enumerate(chunk)]
        elif action == "replace":
            builder.replace(position, end, replacement)
            expected += [(position, end, ch, False) for ch in replacement]
        position = end
    text, offsets = builder.build()
    assert text == "".join(ch for _, _, ch, _ in expected)
    for i, (src_start, src_end, ch, verbatim) in enumerate(expected):
        assert offsets.to_source(i, i + 1) == (src_start, src_end)
        if verbatim:
            assert source[src_start:src_end] == ch
    for i in range(len(text)):
        for j in range(i + 1, len(text) + 1):
            start, end = offsets.to_source(i, j)
            assert 0 <= start <= end <= len(source)
            assert start <= expected[i][0] and end >= expected[j - 1][1]
