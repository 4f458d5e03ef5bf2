"""Reading a PDF back as text (pdftotext, poppler-utils), as a person searching it would."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import skip_or_fail


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        skip_or_fail("pdftotext is not installed (apt-get install poppler-utils)")
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(result.stdout.split())  # one space between words, whatever the layout
