"""The operator's word for each kind of alarm, shared by the queue's filter and the site window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.domain.priority import EventCategory


def category_labels() -> dict[EventCategory, str]:
    """Translated where shown (the words were first written for the queue's filter, hence its context)."""
    return {
        EventCategory.FIRE: QCoreApplication.translate("QueueFilterBar", "Fire"),
        EventCategory.PANIC: QCoreApplication.translate("QueueFilterBar", "Panic"),
        EventCategory.DURESS: QCoreApplication.translate("QueueFilterBar", "Duress"),
        EventCategory.MEDICAL: QCoreApplication.translate("QueueFilterBar", "Medical"),
        EventCategory.INTRUSION: QCoreApplication.translate("QueueFilterBar", "Intrusion"),
        EventCategory.TAMPER: QCoreApplication.translate("QueueFilterBar", "Tamper"),
        EventCategory.TECHNICAL: QCoreApplication.translate("QueueFilterBar", "Technical fault"),
        EventCategory.SUPERVISION: QCoreApplication.translate("QueueFilterBar", "Missed test or link"),
        EventCategory.OPEN_CLOSE: QCoreApplication.translate("QueueFilterBar", "Opening or closing"),
        EventCategory.TEST: QCoreApplication.translate("QueueFilterBar", "Test"),
        EventCategory.INFORMATION: QCoreApplication.translate("QueueFilterBar", "Information"),
    }


def category_label(category: EventCategory) -> str:
    return category_labels().get(category, str(category))
