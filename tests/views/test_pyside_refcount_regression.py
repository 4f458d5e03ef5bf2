"""PySide6 6.12 on Python 3.11 drops a reference to None on every void call and to True/False on
every Signal.emit, aborting the process after a few thousand calls. The pin to 6.11.3 avoids it;
this test would crash the interpreter if a broken version came back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget


class _Emitter(QObject):
    fired = Signal(bool)


def test_100k_emits_and_void_calls_keep_refcounts(qtbot: object) -> None:
    emitter = _Emitter()
    received = [0, 0]  # counts of False, True: storing the values would hold references themselves

    def count(value: bool) -> None:
        received[value] += 1

    emitter.fired.connect(count)
    widget = QWidget()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(100_000):
        emitter.fired.emit(i % 2 == 0)
        widget.update()  # a method returning void
    assert received == [50_000, 50_000]
    # Other code may hold or release a few references meanwhile; a leak here would be ~100 000.
    assert abs(sys.getrefcount(None) - none_before) < 1000
    assert abs(sys.getrefcount(True) - true_before) < 1000
