"""The call audit's words: directions, purposes, ends, events and integrity verdicts, translated."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.domain.call_audit import Integrity
from console.domain.calls import CallDirection, CallEnd, CallEventKind, CallPurpose


def direction_words() -> dict[CallDirection, str]:
    return {
        CallDirection.OUTGOING: QCoreApplication.translate("CallWords", "outgoing"),
        CallDirection.INCOMING: QCoreApplication.translate("CallWords", "incoming"),
    }


def purpose_words() -> dict[CallPurpose, str]:
    return {
        CallPurpose.CALLBACK: QCoreApplication.translate("CallWords", "callback"),
        CallPurpose.LISTEN_IN: QCoreApplication.translate("CallWords", "listen-in"),
        CallPurpose.DIAL: QCoreApplication.translate("CallWords", "dialled"),
        CallPurpose.INCOMING: QCoreApplication.translate("CallWords", "incoming call"),
        CallPurpose.SELFTEST: QCoreApplication.translate("CallWords", "self-test"),
    }


def end_words() -> dict[CallEnd, str]:
    return {
        CallEnd.COMPLETED: QCoreApplication.translate("CallWords", "completed"),
        CallEnd.NO_ANSWER: QCoreApplication.translate("CallWords", "no answer"),
        CallEnd.BUSY: QCoreApplication.translate("CallWords", "busy"),
        CallEnd.DECLINED: QCoreApplication.translate("CallWords", "declined"),
        CallEnd.UNREACHABLE: QCoreApplication.translate("CallWords", "unreachable"),
        CallEnd.CANCELLED: QCoreApplication.translate("CallWords", "cancelled"),
        CallEnd.REFUSED: QCoreApplication.translate("CallWords", "refused"),
        CallEnd.TRANSFERRED: QCoreApplication.translate("CallWords", "transferred"),
        CallEnd.INTERRUPTED: QCoreApplication.translate("CallWords", "interrupted"),
        CallEnd.FAILED: QCoreApplication.translate("CallWords", "failed"),
    }


def event_words() -> dict[CallEventKind, str]:
    return {
        CallEventKind.CREATED: QCoreApplication.translate("CallWords", "call started"),
        CallEventKind.RINGING: QCoreApplication.translate("CallWords", "ringing"),
        CallEventKind.ANSWERED: QCoreApplication.translate("CallWords", "answered"),
        CallEventKind.HELD: QCoreApplication.translate("CallWords", "on hold"),
        CallEventKind.RESUMED: QCoreApplication.translate("CallWords", "resumed"),
        CallEventKind.MUTED: QCoreApplication.translate("CallWords", "microphone muted"),
        CallEventKind.UNMUTED: QCoreApplication.translate("CallWords", "microphone on"),
        CallEventKind.LISTEN: QCoreApplication.translate("CallWords", "listening"),
        CallEventKind.TALK: QCoreApplication.translate("CallWords", "talking to the site"),
        CallEventKind.DTMF: QCoreApplication.translate("CallWords", "keypad digits"),
        CallEventKind.TRANSFERRED: QCoreApplication.translate("CallWords", "transferred"),
        CallEventKind.RECORDING_FAULT: QCoreApplication.translate("CallWords", "recording fault"),
        CallEventKind.ENDED: QCoreApplication.translate("CallWords", "ended"),
    }


def integrity_words() -> dict[Integrity, str]:
    """The badge above the player: what the re-hash of the file found."""
    return {
        Integrity.VERIFIED: QCoreApplication.translate(
            "CallWords", "Recording verified: identical to its fingerprint taken at the end of the call"
        ),
        Integrity.ALTERED: QCoreApplication.translate(
            "CallWords", "Recording ALTERED: the file no longer matches its fingerprint"
        ),
        Integrity.MISSING: QCoreApplication.translate(
            "CallWords", "Recording missing: the file is gone or unreadable"
        ),
        Integrity.NOT_FINAL: QCoreApplication.translate(
            "CallWords", "Recording not fingerprinted (call open or ended abnormally): it cannot be verified"
        ),
        Integrity.NO_RECORDING: QCoreApplication.translate("CallWords", "This call has no recording"),
    }


def integrity_short() -> dict[Integrity, str]:
    return {
        Integrity.VERIFIED: QCoreApplication.translate("CallWords", "verified"),
        Integrity.ALTERED: QCoreApplication.translate("CallWords", "altered"),
        Integrity.MISSING: QCoreApplication.translate("CallWords", "missing"),
        Integrity.NOT_FINAL: QCoreApplication.translate("CallWords", "not final"),
        Integrity.NO_RECORDING: QCoreApplication.translate("CallWords", "no recording"),
    }
