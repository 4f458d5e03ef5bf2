"""The desk's refusals in the console's language, naming the site and the people, never a row id.

The domain raises `TransitionError` with an English message (logs, command line) and a `code`
with its parameters; this is where a console words it. An unknown code shows the message as is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.domain.alarm import AlarmState, TransitionError


def _state_word(state: str) -> str:
    words = {
        AlarmState.NEW.value: QCoreApplication.translate("Refusals", "new"),
        AlarmState.TAKEN.value: QCoreApplication.translate("Refusals", "taken"),
        AlarmState.VERIFYING.value: QCoreApplication.translate("Refusals", "being verified"),
        AlarmState.DISPATCHED.value: QCoreApplication.translate("Refusals", "dispatched"),
        AlarmState.CLOSED.value: QCoreApplication.translate("Refusals", "closed"),
    }
    return words.get(state, state)


def _templates() -> dict[str, str]:
    return {
        "missing": QCoreApplication.translate("Refusals", "This alarm no longer exists."),
        "taken_by": QCoreApplication.translate("Refusals", "%site is already handled by %holder."),
        "just_taken": QCoreApplication.translate("Refusals", "%holder took this alarm just before you."),
        "changed_elsewhere": QCoreApplication.translate(
            "Refusals",
            "This alarm was just changed at another workstation; the queue shows its current state.",
        ),
        "not_open": QCoreApplication.translate(
            "Refusals", "This alarm is closed: nothing more is recorded on it."
        ),
        "not_now": QCoreApplication.translate("Refusals", "Not possible on an alarm that is %state."),
        "held_by_other": QCoreApplication.translate(
            "Refusals", "%site is handled by %holder: only they or a supervisor may act on it."
        ),
        "disposition": QCoreApplication.translate("Refusals", "Choose how the alarm ended."),
        "comment": QCoreApplication.translate("Refusals", "A closing comment is required."),
        "steps": QCoreApplication.translate(
            "Refusals", "Mandatory procedure steps not done: %steps. Give a reason to close anyway."
        ),
        "release_reason": QCoreApplication.translate(
            "Refusals", "Give a reason to release an alarm that %holder holds."
        ),
    }


def refusal_text(error: TransitionError) -> str:
    """What the operator reads for a refusal, in the console's language."""
    template = _templates().get(error.code)
    if template is None:
        return str(error)
    params = dict(error.params)
    if "state" in params:
        params["state"] = _state_word(params["state"])
    for name in sorted(params, key=len, reverse=True):  # %site before %s...
        template = template.replace(f"%{name}", params[name])
    return template
