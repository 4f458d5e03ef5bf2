"""The station's records cannot be reached: an environment fault every layer may meet and show.

Defined below storage so that views can tell an outage (a banner and a retry) from a bug without
importing the storage layer.
"""

from __future__ import annotations


class DatabaseError(Exception):
    """A database problem worded for a person (bad URL, unreachable server, missing file)."""


class DatabaseUnavailable(DatabaseError):
    """The database could not be reached; the caller should show it and retry later."""


class StationKeyError(DatabaseError):
    """The station key (console/storage/sealed.py) is missing, unreadable or not this station's:
    the secrets stored cannot be opened or sealed. Worded in one line, with what to do."""
