"""Interface language: Qt translators for Vigie's own strings and Qt's standard ones.

Sources are `resources/i18n/vigie_<lang>.ts`; the compiled `.qm` files are made at install time
(`./dev`) or bundle time (build.spec) by `pyside6-lrelease`, or by `compile_translations()`.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from console.resources import resource

log = logging.getLogger(__name__)
LANGUAGES = ("fr", "en")
LANGUAGE_KEY = "appearance/language"  # console.ini, written by View > Language


def system_language() -> str:
    """French on a French system, English otherwise."""
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def configured_language(settings: QSettings, override: str | None = None) -> str:
    """The interface language: `--lang` first, then the operator's choice in console.ini, then the
    system's; a hand-edited value that is not a known language is ignored."""
    if override in LANGUAGES:
        return str(override)
    saved = settings.value(LANGUAGE_KEY)
    return saved if isinstance(saved, str) and saved in LANGUAGES else system_language()


def save_language(settings: QSettings, lang: str) -> None:
    """Remember the operator's language for the next start (the windows are built in one language)."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {lang!r}")
    settings.setValue(LANGUAGE_KEY, lang)
    settings.sync()


def compile_translations(folder: Path | None = None) -> list[Path]:
    """Compile every .ts in `folder` to .qm with pyside6-lrelease; returns the .qm files written."""
    folder = folder or resource("i18n")
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    written = []
    for source in sorted(folder.glob("*.ts")):
        target = source.with_suffix(".qm")
        subprocess.run([lrelease, "-silent", str(source), "-qm", str(target)], check=True)
        written.append(target)
    return written


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load Qt's and Vigie's translations for `lang` into `app`; English needs none."""
    if lang == "en":
        return []
    installed = []
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    ours = QTranslator(app)
    compiled = resource("i18n", f"vigie_{lang}.qm")
    if ours.load(str(compiled)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning(
            "no compiled translation at %s (run ./dev setup); the interface stays in English", compiled
        )
    return installed
