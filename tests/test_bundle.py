"""The PyInstaller bundle builds from build.spec and starts: --version, and migrations from inside it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from console import __version__
from tests.conftest import skip_or_fail

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("objdump") is None:
        skip_or_fail("PyInstaller needs objdump (Debian package binutils)")
    work = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(ROOT / "build.spec"),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    executable = work / "dist" / "vigie" / "vigie"
    assert executable.exists()
    return executable


@pytest.mark.slow
def test_bundle_prints_version(bundle: Path) -> None:
    result = subprocess.run([str(bundle), "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"vigie {__version__}"


@pytest.mark.slow
def test_bundle_runs_its_migrations(bundle: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/bundle.sqlite"
    result = subprocess.run(
        [str(bundle), "db", "init", "--db", url], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "upgraded from empty" in result.stdout
