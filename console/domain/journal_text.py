"""The journal's system-written lines in the console's language.

The journal keeps what the station wrote, as written (a record is not rewritten): the receiver,
the supervision and the telephone write their lines in English. A French console shows them in
French by recognising those few fixed forms. Lines holding internal values (a category change
`INTRUSION -> LIFE_SAFETY`, a disposition `confirmed_fire:`) are shown in words in every
language; operators' own words (comments, notes, procedure
steps) and anything not recognised are shown as stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from console.domain.alarm import Disposition
from console.domain.priority import Priority

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]

_CALL_WORDS_FR = {
    "callback": "rappel",
    "listen in": "écoute",
    "dial": "numérotation",
    "incoming": "appel entrant",
    "selftest": "autotest",
    "completed": "terminé",
    "no answer": "sans réponse",
    "busy": "occupé",
    "declined": "refusé",
    "unreachable": "injoignable",
    "cancelled": "abandonné",
    "refused": "non émis",
    "transferred": "transféré",
    "interrupted": "interrompu",
    "failed": "échec",
    "ended": "terminé",
    "reached": "joint",
    "doubt positive (intrusion heard)": "levée de doute positive (intrusion entendue)",
    "doubt negative": "levée de doute négative",
    "DURESS word given": "mot de CONTRAINTE donné",
    "password matches": "mot de passe correct",
    "wrong password": "mot de passe erroné",
    "no password on file": "aucun mot de passe enregistré",
}


_PRIORITIES = "|".join(priority.name for priority in Priority)


def _call_line(match: re.Match[str]) -> str:
    words = match.group("words")
    text = _CALL_WORDS_FR.get(words, words)
    rest = match.group("rest") or ""
    rest = rest.replace(", talk time ", ", durée de communication ")
    return f"{match.group('head')} — {text}{rest}"


_RULES_FR: list[_Rule] = [
    (
        re.compile(r"^zones (\d+) → (\d+) within (\d+) s$"),
        lambda m: f"zones {m[1]} → {m[2]} en {m[3]} s",
    ),
    (
        re.compile(r"^account (\S+): signal received at (\S+) UTC$"),
        lambda m: f"compte {m[1]} : signal reçu à {m[2]} UTC",
    ),
    (
        re.compile(r"^account (\S+): nothing received since (.+?) UTC; expected by (\S+) UTC$"),
        lambda m: f"compte {m[1]} : rien reçu depuis le {m[2]} UTC ; attendu avant {m[3]} UTC",
    ),
    (
        re.compile(r"^account (\S+): never heard from; expected by (\S+) UTC$"),
        lambda m: f"compte {m[1]} : jamais entendu ; attendu avant {m[2]} UTC",
    ),
    (
        re.compile(r"^released from (\S+): (.*)$", re.DOTALL),
        lambda m: f"repris à {m[1]} : {m[2]}",
    ),
    (
        re.compile(r"^Link restored before the alarm was taken; cleared automatically\.$"),
        lambda m: "Liaison rétablie avant la prise en compte ; alarme levée automatiquement.",
    ),
    (
        re.compile(
            r"^(?P<head>#\d+ [^—]+?) — (?P<words>[^,(]+?(?: \([^)]*heard\))?)(?P<rest>(?: \(.*\))?(?:, .*)?)$"
        ),
        _call_line,
    ),
]


_DISPOSITIONS = "|".join(disposition.value for disposition in Disposition)
_PRIORITY_CHANGE = re.compile(rf"^({_PRIORITIES}) -> ({_PRIORITIES}): (.*)$")
_CLOSING = re.compile(rf"^({_DISPOSITIONS}): (.*?)(?: \(steps ([\d, ]+) not done: (.*)\))?$", re.DOTALL)


def _words_for_values(detail: str, lang: str) -> str | None:
    """Lines that hold internal values (a priority's or a disposition's name), in words, any language."""
    match = _PRIORITY_CHANGE.match(detail)
    if match:
        before, after = Priority[match[1]], Priority[match[2]]
        if lang == "fr":
            return f"{before.label_fr} → {after.label_fr} : {match[3]}"
        return f"{before.label_en} → {after.label_en}: {match[3]}"
    match = _CLOSING.match(detail)
    if match:
        label = Disposition(match[1]).label(lang)
        colon = " : " if lang == "fr" else ": "
        text = f"{label}{colon}{match[2]}"
        if match[3] is not None:
            steps = f"étapes {match[3]} non faites" if lang == "fr" else f"steps {match[3]} not done"
            text = f"{text} ({steps}{colon}{match[4]})"
        return text
    return None


def localized_detail(
    detail: str, lang: str, title_fr: str | None = None, stored_title: str | None = None
) -> str:
    """`detail` as the console shows it in `lang`.

    `stored_title`/`title_fr`: the alarm's title as stored (English) and in the console's
    language, so the "alarm raised" line, which holds the title, follows the language too.
    """
    if not detail:
        return detail
    in_words = _words_for_values(detail, lang)
    if in_words is not None:
        return in_words
    if lang != "fr":
        return detail
    if stored_title is not None and title_fr is not None and detail == stored_title:
        return title_fr
    for pattern, render in _RULES_FR:
        match = pattern.match(detail)
        if match:
            return render(match)
    return detail
