"""Where the bundled resources are: the source tree, an installed package, or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "resources", here / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Vigie's resources folder was not found next to the package")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
