"""No silent exception: what escapes a slot, a task or a thread is logged and shown, and fails tests."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

from console.views.faults import FaultIndicator, FaultMonitor

pytestmark = pytest.mark.faults_expected  # these tests raise on purpose


@pytest.fixture
def monitor(qapp: Any, tmp_path: Path) -> Any:
    faults = FaultMonitor(tmp_path / "logs" / "console.log")
    faults.install()
    yield faults
    faults.uninstall()


def test_an_exception_in_a_slot_is_logged_and_shown_in_both_windows(
    qtbot: Any, monitor: FaultMonitor
) -> None:
    windows = [QMainWindow(), QMainWindow()]
    indicators = []
    for window in windows:
        qtbot.addWidget(window)
        indicators.append(FaultIndicator(monitor, window.statusBar(), "en", window))
        window.show()
    assert not any(i.isVisibleTo(w) for i, w in zip(indicators, windows, strict=True))

    def broken_slot() -> None:
        raise KeyError("zone 7")

    with qtbot.captureExceptions() as escaped:  # pytest-qt still sees it: the hook chains
        monitor.uninstall()  # capturing replaced the hooks: install over pytest-qt's capture
        monitor.install()
        for _ in range(2):
            QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: monitor.count == 2)
    assert len(escaped) == 2
    for indicator, window in zip(indicators, windows, strict=True):
        assert indicator.isVisibleTo(window)
        assert "2" in indicator.text()
        assert "KeyError" in indicator.toolTip()
        assert "Internal fault" in window.statusBar().currentMessage()
    box = indicators[0].show_faults()
    assert "KeyError" in box.text() and "console.log" in box.text()
    box.close()
    log_text = (monitor.log_file or Path()).read_text(encoding="utf-8")
    assert "broken_slot" in log_text and "KeyError: 'zone 7'" in log_text


def test_an_asyncio_callback_or_task_that_dies_is_a_fault(qtbot: Any, monitor: FaultMonitor) -> None:
    loop = asyncio.new_event_loop()
    loop.set_exception_handler(monitor.asyncio_handler)

    def broken_callback() -> None:
        raise ValueError("frame handler")

    async def broken_task() -> None:
        raise OSError("socket gone")

    try:
        loop.call_soon(broken_callback)
        task = loop.create_task(broken_task())
        loop.run_until_complete(asyncio.sleep(0.01))
        assert task.done()
        del task  # never awaited: asyncio reports it when the task goes
    finally:
        loop.close()
    import gc

    gc.collect()
    qtbot.waitUntil(lambda: monitor.count == 2)
    summaries = [f.summary for f in monitor.faults]
    assert any("ValueError: frame handler" in s for s in summaries)
    assert any("OSError: socket gone" in s for s in summaries)


def test_an_exception_in_a_thread_is_a_fault(qtbot: Any, monitor: FaultMonitor) -> None:
    def broken_worker() -> None:
        raise RuntimeError("worker died")

    thread = threading.Thread(target=broken_worker, name="site-feed")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: monitor.count == 1)  # handed to the GUI thread by a queued signal
    assert "site-feed" in monitor.faults[0].where
    assert "RuntimeError: worker died" in monitor.faults[0].summary


def test_the_suite_fails_a_test_that_logged_a_fault_or_lost_a_task(pytester: pytest.Pytester) -> None:
    """The conftest hook, run on tests of its own in a separate pytest."""
    conftest = Path(__file__).resolve().parents[1] / "conftest.py"
    pytester.makeconftest(conftest.read_text(encoding="utf-8"))
    pytester.makepyfile(
        test_sample="""
import asyncio
import logging

import pytest


def test_caught_but_logged_as_a_fault():
    try:
        raise ValueError("panel broken")
    except ValueError:
        logging.getLogger("console.views.site.site_window").exception("panel failed")


def test_asyncio_callback_raised():
    loop = asyncio.new_event_loop()
    loop.call_soon(lambda: 1 / 0)
    loop.run_until_complete(asyncio.sleep(0.01))
    loop.close()


@pytest.mark.faults_expected
def test_declared():
    try:
        raise ValueError("on purpose")
    except ValueError:
        logging.getLogger("console.x").exception("expected")


def test_clean():
    logging.getLogger("console.x").error("an error without an exception is not a fault")
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q")
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed") == 4
    assert outcomes.get("errors", outcomes.get("error")) == 2
    result.stdout.fnmatch_lines(["*panel failed*ValueError*", "*asyncio*ZeroDivisionError*"])
