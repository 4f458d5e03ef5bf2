"""Where Vigie keeps the user's data (database, recordings, logs, console.ini)."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """The user's data folder for Vigie, created on demand; `VIGIE_DATA_DIR` overrides it."""
    override = os.environ.get("VIGIE_DATA_DIR")
    if override:
        base = Path(override)
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "vigie"
    base.mkdir(parents=True, exist_ok=True)
    return base
