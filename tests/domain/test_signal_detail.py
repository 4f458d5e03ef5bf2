"""The one line the site window and the history show for what a panel said beyond code and zone."""

from __future__ import annotations

import pytest

from console.domain.signal_detail import signal_detail

ALL = {
    "X": "E002.3456",  # DC-09 extended data is left out
    "ti": "13:45:24",
    "ri_text": "Ground floor",
    "id": "7",
    "id_text": "Alice",
    "zone_text": "Hall PIR",
    "pi_text": "Keypad",
    "text": "Glass break",
}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "Area: Ground floor · User 7: Alice · Zone: Hall PIR · pi: Keypad · Time: 13:45:24 · Text: Glass break",
        ),
        (
            "fr",
            "Secteur : Ground floor · Utilisateur 7 : Alice · Zone : Hall PIR · pi : Keypad · Heure : 13:45:24"
            " · Texte : Glass break",
        ),
    ],
)
def test_every_part_in_order(lang: str, expected: str) -> None:
    assert signal_detail(ALL, lang) == expected


@pytest.mark.parametrize(
    ("extended", "expected"),
    [
        ({}, ""),
        ({"X": "E1", "Y": "N2"}, ""),
        ({"id": "12"}, "User 12"),
        ({"ti": "10:15"}, "Time: 10:15"),
        ({"text": "Glass break"}, "Text: Glass break"),
        ({"ri_text": "", "zone_text": "Hall"}, "Zone: Hall"),
    ],
)
def test_only_the_parts_present(extended: dict[str, str], expected: str) -> None:
    assert signal_detail(extended) == expected
