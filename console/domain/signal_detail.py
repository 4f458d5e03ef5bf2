"""What a panel said about a signal beyond its code and zone, in one line for the operator.

The receiver keeps SIA DC-03 descriptions, the event time and the text block in a signal's
``extended`` dict (see :mod:`console.receiver.payloads`): ``ri_text`` the area's name, ``id`` and
``id_text`` the user, ``zone_text`` the zone's name as the panel knows it, ``ti`` the panel's time
of the event, ``text`` the panel's text, and ``<modifier>_text`` for other modifiers. This turns
them into the site window's and the history's wording; DC-09 extended data (single upper-case
letters) is left out.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["signal_detail"]

_SEPARATOR = " · "
_LABELS: dict[str, tuple[str, str]] = {  # key: (fr, en)
    "area": ("Secteur", "Area"),
    "user": ("Utilisateur", "User"),
    "zone": ("Zone", "Zone"),
    "time": ("Heure", "Time"),
    "text": ("Texte", "Text"),
}
_KNOWN = frozenset({"ri_text", "id", "id_text", "zone_text", "ti", "text"})


def _label(name: str, lang: str) -> str:
    fr, en = _LABELS[name]
    return fr if lang == "fr" else en


def signal_detail(extended: Mapping[str, str], lang: str = "en") -> str:
    """``Area: Ground floor · User 7: Alice · Zone: Hall PIR · Time: 13:45:24 · Text: Glass break``.

    Only the parts present; "" when the panel sent none of them.
    """
    colon = " : " if lang == "fr" else ": "
    parts: list[str] = []
    if extended.get("ri_text"):
        parts.append(f"{_label('area', lang)}{colon}{extended['ri_text']}")
    user, user_text = extended.get("id"), extended.get("id_text")
    if user:
        parts.append(f"{_label('user', lang)} {user}" + (f"{colon}{user_text}" if user_text else ""))
    if extended.get("zone_text"):
        parts.append(f"{_label('zone', lang)}{colon}{extended['zone_text']}")
    for key in sorted(extended):  # descriptions of the other modifiers, under their own names
        if key.endswith("_text") and key not in _KNOWN and extended[key]:
            parts.append(f"{key.removesuffix('_text')}{colon}{extended[key]}")
    if extended.get("ti"):
        parts.append(f"{_label('time', lang)}{colon}{extended['ti']}")
    if extended.get("text"):
        parts.append(f"{_label('text', lang)}{colon}{extended['text']}")
    return _SEPARATOR.join(parts)
