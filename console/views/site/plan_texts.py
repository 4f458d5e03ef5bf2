"""What the plan editor says when storage refuses an image, a level name or a zone's position."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.services.plan_editing import MAX_NAME_LENGTH, MAX_PLAN_BYTES, PlanError, PlanProblem


def plan_problem_text(error: PlanError) -> str:
    """The refusal in the supervisor's words (the storage's own message is for the log)."""
    problem = error.problem
    if problem is PlanProblem.EMPTY:
        return QCoreApplication.translate("PlanEditorDialog", "The image file is empty.")
    if problem is PlanProblem.TOO_LARGE:
        text = QCoreApplication.translate("PlanEditorDialog", "The image is larger than %1 MB.")
        return text.replace("%1", str(MAX_PLAN_BYTES // 2**20))
    if problem is PlanProblem.UNKNOWN_FORMAT:
        return QCoreApplication.translate("PlanEditorDialog", "This is not an SVG, PNG or JPEG image.")
    if problem is PlanProblem.UNREADABLE:
        return QCoreApplication.translate(
            "PlanEditorDialog",
            "The image's size cannot be read (an SVG needs a width and height or a viewBox).",
        )
    if problem is PlanProblem.BAD_NAME:
        text = QCoreApplication.translate("PlanEditorDialog", "A level name has at most %1 characters.")
        return text.replace("%1", str(MAX_NAME_LENGTH))
    if problem is PlanProblem.UNKNOWN_SITE:
        return QCoreApplication.translate("PlanEditorDialog", "This site no longer exists.")
    if problem is PlanProblem.UNKNOWN_LEVEL:
        text = QCoreApplication.translate("PlanEditorDialog", "Level %1 no longer exists.")
        return text.replace("%1", str(error.level))
    if problem is PlanProblem.UNKNOWN_ZONE:
        text = QCoreApplication.translate("PlanEditorDialog", "Zone %1 no longer exists.")
        return text.replace("%1", str(error.zone))
    text = QCoreApplication.translate("PlanEditorDialog", "Zone %1 is outside the plan.")  # BAD_POSITION
    return text.replace("%1", str(error.zone))
