"""Vigie: supervision console for remote-surveillance stations (alarm receiving centres)."""

__version__ = "0.1.0"
