"""The telephone's error, importable without loading pjsua2 (views catch it whether or not a phone runs)."""

from __future__ import annotations


class PhoneError(Exception):
    """A request the engine cannot carry out; the message is meant for the operator."""
