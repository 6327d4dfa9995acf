"""Property tests: whatever bytes a deck file holds, loading never raises."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizapp.deck.loader import load_deck
from tests.deck.conftest import GOOD

YAML_BITS = st.sampled_from(
    [
        ":",
        "- ",
        "  ",
        "\n",
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        "!!python/object ",
        "'",
        '"',
        "#",
        "kind: ",
        "id: ",
        "cards:",
        "answer: ",
        "1948",
        "null",
        "~",
        "\t",
        "|",
        ">",
        "\x00",
        "é",
    ]
)


def _check(tmp_path, data: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(data)
    loaded, problems = load_deck(path, use_cache=False)
    assert loaded is not None or problems, "a rejected deck must say why"
    for problem in problems:
        assert problem.message and str(problem).startswith(str(path))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    position=st.integers(0, len(GOOD)),
    insert=st.lists(YAML_BITS, max_size=4),
    cut=st.integers(0, 12),
)
def test_mutated_deck_never_raises(tmp_path, position, insert, cut):
    text = GOOD[:position] + "".join(insert) + GOOD[position + cut :]
    _check(tmp_path, text.encode("utf-8"))


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300))
def test_random_bytes_never_raise(tmp_path, data):
    _check(tmp_path, data)


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    value=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.sampled_from(["id", "kind", "cards", "answer", "source", "x"]),
                children,
                max_size=4,
            )
        ),
        max_leaves=20,
    )
)
def test_any_yaml_value_in_a_card_never_raises(tmp_path, value):
    import json

    text = GOOD.replace("answer: 1948", f"answer: {json.dumps(value)}")
    _check(tmp_path, text.encode("utf-8"))
