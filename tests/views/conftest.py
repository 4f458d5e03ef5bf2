"""Fixtures shared by the view tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from console.views.i18n import compile_translations, install_translators


@pytest.fixture
def french(qapp: QApplication) -> Iterator[list[QTranslator]]:
    """The console's French translations installed for one test, removed after it."""
    compile_translations()
    translators = install_translators(qapp, "fr")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)
