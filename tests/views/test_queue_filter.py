"""Filtering the queue: the proxy's contract, each filter, the keyboard, and no refiltering per tick."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt

from console.domain.alarm import AlarmState, Operator
from console.domain.priority import EventCategory, Priority
from console.views.queue.alarm_queue_model import ALARM_ROLE, AlarmQueueModel, Column
from console.views.queue.queue_filter import AlarmFilter, AlarmFilterProxy, fold, kind_key
from console.views.queue.queue_window import QueueWindow
from tests.domain.test_alarm_lifecycle import T0, new_alarm

AMELIE = Operator(1, "amelie", "Amélie")


def sample() -> list:  # type: ignore[type-arg]
    return [
        new_alarm(id=1, site_code="LYO-0001", site_name="Pharmacie Léon"),
        new_alarm(
            id=2,
            site_code="PAR-0002",
            site_name="Boulangerie",
            priority=Priority.LIFE_SAFETY,
            category=EventCategory.FIRE,
            created_at=T0 + timedelta(seconds=1),
        ),
        replace(
            new_alarm(id=3, site_code="LYO-0003", site_name="Garage", created_at=T0 + timedelta(seconds=2)),
            state=AlarmState.TAKEN,
            operator_id=AMELIE.id,
            operator_login="amelie",
        ),
        new_alarm(
            id=4,
            site_code="MRS-0004",
            site_name="Entrepôt",
            account="9B77",
            priority=Priority.TECHNICAL,
            category=EventCategory.SUPERVISION,
            created_at=T0 + timedelta(seconds=3),
        ),
    ]


def shown(proxy: AlarmFilterProxy) -> list[int]:
    return [proxy.index(r, 0).data(ALARM_ROLE).id for r in range(proxy.rowCount())]


def make_proxy() -> tuple[AlarmQueueModel, AlarmFilterProxy]:
    model = AlarmQueueModel(clock=lambda: T0 + timedelta(seconds=20))
    model.apply(sample())
    return model, AlarmFilterProxy(model)


def test_proxy_contract_while_filtering_and_changing(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model, proxy = make_proxy()
    proxy.set_filter(AlarmFilter(text=fold("lyo")))
    qtmodeltester.check(proxy)
    model.apply([new_alarm(id=5, site_code="LYO-0005", created_at=T0 + timedelta(seconds=9))])
    model.apply([replace(sample()[0], priority=Priority.LIFE_SAFETY, version=2)])  # moves up
    model.apply([replace(sample()[2], state=AlarmState.CLOSED, version=2)])  # leaves
    model.tick()
    proxy.set_filter(AlarmFilter())
    qtmodeltester.check(proxy)


def test_each_filter(qtbot) -> None:  # type: ignore[no-untyped-def]
    model, proxy = make_proxy()
    assert proxy.sourceModel() is None and shown(proxy) == []  # no filter: the window shows the model itself
    cases = {
        AlarmFilter(priority=Priority.LIFE_SAFETY): [2],
        AlarmFilter(category=EventCategory.SUPERVISION): [4],
        AlarmFilter(state=AlarmState.NEW): [2, 1, 4],
        AlarmFilter(holder_id=AMELIE.id): [3],
        AlarmFilter(text=fold("LEON")): [1],  # case and accents ignored
        AlarmFilter(text=fold("9b7")): [4],  # the account too
        AlarmFilter(text=fold("lyo"), state=AlarmState.NEW): [1],
    }
    for alarm_filter, expected in cases.items():
        proxy.set_filter(alarm_filter)
        assert shown(proxy) == expected, alarm_filter  # in queue order
    proxy.set_filter(AlarmFilter())
    assert proxy.sourceModel() is None
    proxy.set_filter(AlarmFilter(state=AlarmState.NEW))
    assert proxy.sourceModel() is model and shown(proxy) == [2, 1, 4]


def test_a_row_that_stops_matching_leaves_after_its_batch(qtbot) -> None:  # type: ignore[no-untyped-def]
    model, proxy = make_proxy()
    proxy.set_filter(AlarmFilter(state=AlarmState.NEW))
    model.apply([replace(sample()[0], state=AlarmState.TAKEN, operator_id=2, version=2)])
    qtbot.waitUntil(lambda: shown(proxy) == [2, 4], timeout=1000)
    model.apply([replace(sample()[0], state=AlarmState.NEW, version=3)])  # released: back in
    qtbot.waitUntil(lambda: shown(proxy) == [2, 1, 4], timeout=1000)


def test_the_clock_tick_does_not_refilter(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """With 5 000 rows, running the Python filter on every row each second would freeze the queue."""
    model, proxy = make_proxy()
    proxy.set_filter(AlarmFilter(text=fold("lyo")))
    assert shown(proxy) == [1, 3]  # (Qt filters lazily, on first use)
    calls: list[int] = []
    original = AlarmFilter.accepts
    monkeypatch.setattr(
        AlarmFilter,
        "accepts",
        lambda self, a, h=None: calls.append(a.id) or original(self, a, h),  # type: ignore[func-returns-value]
    )
    model.tick()
    qtbot.wait(10)
    assert calls == []


def window(qtbot) -> QueueWindow:  # type: ignore[no-untyped-def]
    model = AlarmQueueModel(clock=lambda: T0 + timedelta(seconds=20))
    queue = QueueWindow(model, desk=None, operator=AMELIE)  # type: ignore[arg-type]
    qtbot.addWidget(queue)
    model.apply(sample())
    queue.show()
    qtbot.waitExposed(queue)
    return queue


def test_ctrl_f_searches_escape_clears(qtbot) -> None:  # type: ignore[no-untyped-def]
    queue = window(qtbot)
    with qtbot.waitActive(queue):
        queue.activateWindow()
    assert queue.table.hasFocus()  # keyboard first: the queue, not the search field
    qtbot.keyClick(queue.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert queue.filter_bar.search.hasFocus()
    qtbot.keyClicks(queue.filter_bar.search, "ta")  # letters go to the search, not to the T / ... shortcuts
    assert queue.filter_bar.search.text() == "ta"
    assert queue.model.alarm(1).state is AlarmState.NEW  # type: ignore[union-attr]
    assert queue.table.model() is queue.proxy and queue.proxy.rowCount() == 0  # nothing contains "ta"
    assert queue.filter_bar.count_label.text() == "0 of 4 shown"
    queue.filter_bar.mine.setChecked(True)
    qtbot.keyClick(queue.filter_bar.search, Qt.Key.Key_Escape)
    assert queue.filter_bar.search.text() == "" and not queue.filter_bar.mine.isChecked()
    assert queue.table.model() is queue.model and queue.table.hasFocus()  # the whole queue again
    assert queue.table.columnWidth(Column.NAME) == 240  # the columns as they were
    assert queue.filter_bar.count_label.text() == ""
    queue.filter_bar.state.setFocus()
    queue.filter_bar.state.activated.emit(1)  # chosen from the list: back to the queue
    assert queue.table.hasFocus()


def test_filter_bar_choices(qtbot) -> None:  # type: ignore[no-untyped-def]
    queue = window(qtbot)
    bar = queue.filter_bar
    bar.kind.setCurrentIndex(bar.kind.findData(kind_key(EventCategory.FIRE)))
    assert shown(queue.proxy) == [2]
    bar.kind.setCurrentIndex(bar.kind.findData(kind_key(Priority.TECHNICAL)))
    assert shown(queue.proxy) == [4]
    bar.kind.setCurrentIndex(0)
    bar.state.setCurrentIndex(bar.state.findData(AlarmState.TAKEN.value))
    assert shown(queue.proxy) == [3]
    assert queue.selected_alarm() is not None and queue.selected_alarm().id == 3  # type: ignore[union-attr]
    assert bar.kind.findData(kind_key(EventCategory.OPEN_CLOSE)) == -1  # never an alarm on its own
