"""An operator's workstation: the queue window and the site window, kept in step.

Owns the wiring between the two windows, the live feed and the desks; app.py builds one.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QSettings, Slot

from console.domain.alarm import Alarm, Operator, TransitionError
from console.domain.service_level import ServiceTargets
from console.domain.site import ProcedureStep
from console.services.alarm_desk import AlarmDesk, done_step_ids
from console.services.dispatch_desk import DispatchDesk
from console.services.plan_editing import PlanEditing
from console.services.queue_feed import QueueFeed, SiteDesk
from console.storage.engine import DatabaseUnavailable
from console.views.alarm_queue_model import AlarmQueueModel
from console.views.alert_sound import AlertSound
from console.views.live_feed import LiveFeed
from console.views.queue_window import QueueWindow
from console.views.site_window import SiteWindow
from console.views.window_placement import restore_window, save_window


def service_targets(settings: QSettings) -> ServiceTargets:
    """The station's take-within targets (seconds), `[service_level]` in console.ini; 30 s and 60 s by default."""
    defaults = ServiceTargets()
    try:
        first = float(settings.value("service_level/take_within_s", defaults.take_within_s))  # type: ignore[arg-type]
        second = float(settings.value("service_level/take_late_s", defaults.take_late_s))  # type: ignore[arg-type]
        return ServiceTargets(first, second)
    except (TypeError, ValueError):
        return defaults  # a hand-edited file with nonsense must not stop the console


class Workstation(QObject):
    def __init__(
        self,
        desk: AlarmDesk,
        feed: QueueFeed,
        site_desk: SiteDesk,
        operator: Operator,
        settings: QSettings,
        lang: str = "en",
        poll_interval_ms: int = 50,  # one indexed query on change_log: cheap, and alarms show fast
        parent: QObject | None = None,
        plan_editing: PlanEditing | None = None,  # supervisors edit the floor plans from the site window
        dispatch_desk: DispatchDesk | None = None,  # guards and public services sent to the site
    ) -> None:
        super().__init__(parent)
        self.operator = operator
        self._desk = desk
        self._site_desk = site_desk
        self._settings = settings
        self.model = AlarmQueueModel(lang=lang, targets=service_targets(settings), parent=self)
        self.sound = AlertSound(self)
        self.queue_window = QueueWindow(
            self.model,
            desk,
            operator,
            lang=lang,
            sound=self.sound,
            settings=settings,
            shift_source=feed.shift_take_times,
        )
        self.site_window = SiteWindow(lang=lang, operator=operator, plan_editing=plan_editing)
        if dispatch_desk is not None:
            self.site_window.dispatch_panel.attach(dispatch_desk, operator)
        self.live_feed = LiveFeed(feed, interval_ms=poll_interval_ms, parent=self)
        self.live_feed.snapshot_loaded.connect(self.model.reset_to)
        self.live_feed.snapshot_loaded.connect(self._on_snapshot_loaded)
        self.live_feed.alarms_changed.connect(self._on_alarms_changed)
        self.live_feed.database_status_changed.connect(self.queue_window.set_database_status)
        self.live_feed.station_status_loaded.connect(self.queue_window.set_station_status)
        self.queue_window.alarm_opened.connect(self.open_alarm)
        self.site_window.step_ticked.connect(self._on_step_ticked)
        self.queue_window.site_window_wanted.connect(self._on_site_window_wanted)
        self.site_window.close_requested.connect(self._on_close_requested)

    def show(self) -> None:
        restore_window(self.queue_window, self._settings, "queue_window", 0)
        site_layout_restored = restore_window(self.site_window, self._settings, "site_window", 1)
        self.queue_window.show()
        self.site_window.show()
        if not site_layout_restored:
            self.site_window.apply_default_layout()
        self.live_feed.start()

    def shutdown(self) -> None:
        save_window(self.queue_window, self._settings, "queue_window")
        save_window(self.site_window, self._settings, "site_window")
        self._settings.sync()
        self.live_feed.stop()
        self.site_window.close()
        self.queue_window.close()

    @Slot(list)
    def _on_snapshot_loaded(self, _alarms: list[Alarm]) -> None:
        """Once the queue is loaded, move the long-lived objects out of the garbage collector's
        full scans: with thousands of alarms such a scan took 50-90 ms and froze the GUI."""
        gc.collect()
        gc.freeze()

    @Slot(object)
    def open_alarm(self, alarm: Alarm) -> None:
        """Show an alarm's site, signals and journal on the second screen."""
        try:
            site_file = self._site_desk.site_file(alarm.site_id) if alarm.site_id is not None else None
            signals = self._site_desk.alarm_signals(alarm.id)
            journal = self._site_desk.alarm_journal(alarm.id)
        except DatabaseUnavailable as exc:
            self.queue_window.set_database_status(False, str(exc))
            return
        except Exception as exc:  # the database dropped mid-read: same banner, the feed retries
            self.queue_window.set_database_status(False, str(exc).splitlines()[0])
            return
        self.site_window.show_alarm(alarm, site_file, signals, journal, done_step_ids(journal))

    @Slot(list)
    def _on_alarms_changed(self, alarms: list[Alarm]) -> None:
        self.model.apply(alarms)
        shown = self.site_window.alarm
        if shown is not None:
            updated = next((a for a in alarms if a.id == shown.id), None)
            if updated is not None:
                self.open_alarm(updated)

    @Slot()
    def _on_site_window_wanted(self) -> None:
        """Return in the queue: the keyboard follows the alarm to the second screen, onto its plan."""
        self.site_window.show()
        self.site_window.raise_()
        self.site_window.activateWindow()
        self.site_window.focus_plan()

    @Slot(object)
    def _on_close_requested(self, alarm: Alarm) -> None:
        """C in the site window: the queue's close dialog, opened over the site window."""
        self.queue_window.close_alarm(self.model.alarm(alarm.id) or alarm, self.site_window)

    @Slot(int, object)
    def _on_step_ticked(self, alarm_id: int, step: ProcedureStep) -> None:
        try:
            self._desk.record_step_done(alarm_id, step, self.operator)
        except (TransitionError, DatabaseUnavailable) as exc:
            self.queue_window.statusBar().showMessage(str(exc), 8000)
            return
        alarm = self.model.alarm(alarm_id) or self.site_window.alarm
        if alarm is not None:
            self.open_alarm(alarm)
