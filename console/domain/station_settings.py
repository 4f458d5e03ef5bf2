"""The station's own settings, shared by every console and receiver through the database.

A few rules are the station's to choose, not the code's: how many refused sign-ins lock an account
and for how long, how long operators' passwords must be. Each setting has a default, a range and
a sentence saying what it does; a value out of range is refused with that range, never stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from console.domain.secrets import MIN_PASSWORD_LENGTH
from console.domain.sign_in_limit import MAX_FAILURES, WINDOW


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    default: int
    low: int
    high: int
    meaning: str


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting(
            "sign_in.max_failures", MAX_FAILURES, 3, 20, "refused sign-ins in a row that lock an account"
        ),
        Setting(
            "sign_in.lock_minutes",
            int(WINDOW.total_seconds() // 60),
            1,
            24 * 60,
            "minutes a locked account waits (an admin may unlock it sooner)",
        ),
        Setting(
            "password.min_length", MIN_PASSWORD_LENGTH, 8, 64, "characters a new operator password needs"
        ),
    )
}


class SettingError(ValueError):
    """An unknown setting or a value out of its range; the message says which and why."""


def checked(key: str, text: str) -> int:
    """The value to store for `key`, or SettingError."""
    setting = SETTINGS.get(key)
    if setting is None:
        raise SettingError(f"no setting {key!r}; the settings are: {', '.join(sorted(SETTINGS))}")
    try:
        value = int(text)
    except ValueError:
        raise SettingError(f"{key} takes a whole number, not {text!r}") from None
    if not setting.low <= value <= setting.high:
        raise SettingError(f"{key} must be between {setting.low} and {setting.high}, not {value}")
    return value


def value_of(stored: Mapping[str, str], key: str) -> int:
    """The setting's value: the stored one when it is valid, else its default."""
    setting = SETTINGS[key]
    try:
        return checked(key, stored[key])
    except (KeyError, SettingError):
        return setting.default
