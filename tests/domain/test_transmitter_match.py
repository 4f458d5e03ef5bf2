"""The one rule matching a message's (account, line) to a registered transmitter."""

from __future__ import annotations

from console.domain.transmitter_match import pick_transmitter


def line(pair: tuple[str, str]) -> str:
    return pair[1]


def test_the_exact_line_wins_over_a_lineless_registration() -> None:
    candidates = [("A", ""), ("B", "2"), ("C", "1")]
    assert pick_transmitter(candidates, "1", line) == ("C", "1")
    assert pick_transmitter(candidates, "2", line) == ("B", "2")


def test_a_lineless_registration_takes_the_other_lines() -> None:
    candidates = [("B", "2"), ("A", "")]
    assert pick_transmitter(candidates, "7", line) == ("A", "")
    assert pick_transmitter(candidates, "", line) == ("A", "")


def test_a_single_transmitter_takes_any_line_but_two_are_never_guessed() -> None:
    assert pick_transmitter([("B", "2")], "", line) == ("B", "2")
    assert pick_transmitter([("B", "2")], "9", line) == ("B", "2")
    assert pick_transmitter([("B", "2"), ("C", "3")], "", line) is None
    assert pick_transmitter([("B", "2"), ("C", "3")], "9", line) is None
    assert pick_transmitter([], "1", line) is None
