"""The administration's refusals in the console's language: a field's problem, a change refused.

The rules (console/domain/site_fields.py) and the services give a code and its parameters with an English
message for logs and files; this is where the window words them. An unknown code shows the English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.domain.outage import DatabaseUnavailable, StationKeyError
from console.domain.site_fields import FieldError, Problem
from console.services.admin_rights import AdminError
from console.services.authority import AdminRefused


def _problems() -> dict[Problem, str]:
    return {
        Problem.REQUIRED: QCoreApplication.translate("AdminMessages", "Required."),
        Problem.TOO_LONG: QCoreApplication.translate("AdminMessages", "At most %maximum characters."),
        Problem.NOT_TEXT: QCoreApplication.translate("AdminMessages", "Expected text."),
        Problem.NOT_WHOLE_NUMBER: QCoreApplication.translate("AdminMessages", "A whole number, such as 12."),
        Problem.NOT_NUMBER: QCoreApplication.translate("AdminMessages", "A number, such as 45.1885."),
        Problem.OUT_OF_RANGE: QCoreApplication.translate("AdminMessages", "From %low to %high."),
        Problem.TIME_ZONE: QCoreApplication.translate(
            "AdminMessages", "A time zone name, such as Europe/Paris."
        ),
        Problem.SIP_URI: QCoreApplication.translate(
            "AdminMessages", "A sip: or sips: address, such as sip:audio-1234@192.0.2.10."
        ),
        Problem.PHONE: QCoreApplication.translate(
            "AdminMessages",
            "“%value” is not a phone number: digits, spaces and + . - ( ), 3 to 40 characters.",
        ),
        Problem.HEX_DIGITS: QCoreApplication.translate(
            "AdminMessages", "%low to %high hexadecimal digits (0–9, A–F)."
        ),
        Problem.AES_KEY: QCoreApplication.translate(
            "AdminMessages", "32, 48 or 64 hexadecimal digits (AES-128, 192 or 256)."
        ),
        Problem.CHOICE: QCoreApplication.translate("AdminMessages", "One of: %choices."),
        Problem.BLANK: QCoreApplication.translate("AdminMessages", "Not only blanks."),
        Problem.STEP_TEXT: QCoreApplication.translate("AdminMessages", "Step %rank has no text."),
        Problem.STEPS: QCoreApplication.translate("AdminMessages", "Each step needs a text."),
        Problem.DUPLICATE: QCoreApplication.translate(
            "AdminMessages", "%value is already used by another record."
        ),
    }


def field_error_text(error: FieldError) -> str:
    template = _problems().get(error.problem)
    return str(error) if template is None else _fill(template, error.params)


def _admin_errors() -> dict[str, str]:
    return {
        "unknown_site": QCoreApplication.translate("AdminMessages", "This site no longer exists."),
        "unknown_record": QCoreApplication.translate(
            "AdminMessages", "This record no longer exists; the site is read again."
        ),
        "archived": QCoreApplication.translate(
            "AdminMessages", "%site is archived: restore it before changing it."
        ),
        "open_alarms": QCoreApplication.translate(
            "AdminMessages", "%site has open alarms: close them before archiving the site."
        ),
        "has_signals": QCoreApplication.translate(
            "AdminMessages",
            "Transmitter %account has signals on file, so it stays: change its account, or archive the site.",
        ),
    }


def refusal_text(error: Exception) -> str:
    """What the administrator reads for a change refused as a whole (not one field's value)."""
    if isinstance(error, AdminRefused):
        return QCoreApplication.translate(
            "AdminMessages", "Your role does not allow this (%what). The attempt is journaled."
        ).replace("%what", error.what)
    if isinstance(error, AdminError):
        template = _admin_errors().get(error.code)
        return str(error) if template is None else _fill(template, error.params)
    if isinstance(error, DatabaseUnavailable):
        return QCoreApplication.translate(
            "AdminMessages", "The database cannot be reached; nothing was saved. (%1)"
        ).replace("%1", str(error))
    if isinstance(error, StationKeyError):
        return QCoreApplication.translate("AdminMessages", "Not saved: %1").replace("%1", str(error))
    return QCoreApplication.translate("AdminMessages", "Not saved (the fault is logged): try again.")


def _fill(template: str, params: dict[str, str]) -> str:
    for name in sorted(params, key=len, reverse=True):
        template = template.replace(f"%{name}", params[name])
    return template
