"""Composition root: the Qt application, its asyncio loop, the database, the services, the windows.

The only place that decides which concrete pieces work together; everything else receives what
it needs through its constructor.
"""

from __future__ import annotations

import asyncio
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QSettings, QTimer, Slot
from PySide6.QtWidgets import QApplication

from console import __version__
from console.domain.alarm import Alarm, AlarmState, Operator
from console.domain.priority import EventCategory
from console.services.alarm_desk import AlarmDesk
from console.services.demo_data import demo_sites, load_demo
from console.services.demo_traffic import DemoTraffic
from console.services.queue_feed import QueueFeed, SiteDesk
from console.storage import migrate
from console.storage.engine import Database, DatabaseUnavailable, data_dir
from console.storage.operators import authenticate, operator_by_login
from console.views.login_dialog import LoginDialog
from console.views.workstation import Workstation


def system_language() -> str:
    """French on a French system, English otherwise."""
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


@dataclass(frozen=True)
class ConsoleOptions:
    db_url: str
    lang: str | None = None
    operator_login: str | None = None  # sign in without the dialog (demo, kiosk)
    demo_folder: Path | None = None  # feed demo traffic from these sites
    screenshot_dir: Path | None = None  # demo: write queue.png and site.png, then exit
    screenshot_timeout_s: float = 60.0


class DemoDriver(QObject):
    """Keeps the demo queue alive: starts scenarios now and then, hands due signals to the desk."""

    def __init__(self, desk: AlarmDesk, traffic: DemoTraffic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._traffic = traffic
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(250)
        self._tick_timer.timeout.connect(self._on_tick)
        self._scenario_timer = QTimer(self)
        self._scenario_timer.setInterval(4000)
        self._scenario_timer.timeout.connect(self._on_scenario_due)

    def start(self, opening_scenarios: int = 8) -> None:
        now = datetime.now(UTC)
        for name in ["intrusion_walk", "fire", "intrusion_walk", "technical", "panic", "intrusion_walk"]:
            self._traffic.start_scenario(now, name)
        for _ in range(max(0, opening_scenarios - 6)):
            self._traffic.start_scenario(now)
        self._tick_timer.start()
        self._scenario_timer.start()

    @Slot()
    def _on_scenario_due(self) -> None:
        self._traffic.start_scenario(datetime.now(UTC))

    @Slot()
    def _on_tick(self) -> None:
        signals = self._traffic.due(datetime.now(UTC))
        if not signals:
            return
        try:
            self._desk.ingest(signals)
        except DatabaseUnavailable as exc:
            print(f"vigie demo: signals not stored, database unavailable: {exc}", file=sys.stderr)


class ScreenshotTaker(QObject):
    """Waits for a lively queue and a site with its plan, saves both windows, then quits."""

    def __init__(
        self, workstation: Workstation, folder: Path, timeout_s: float, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._workstation = workstation
        self._folder = folder
        self._deadline = timeout_s
        self._elapsed = 0.0
        self._opened = False
        self.exit_code: int | None = None
        self._check_timer = QTimer(self)
        self._check_timer.setInterval(250)
        self._check_timer.timeout.connect(self._on_check)

    def start(self) -> None:
        self._check_timer.start()

    @Slot()
    def _on_check(self) -> None:
        self._elapsed += 0.25
        workstation = self._workstation
        alarms = workstation.model.alarms()
        if not self._opened:
            target = self._pick_alarm(alarms)
            if target is not None:
                workstation.queue_window.select_alarm(target.id)
                workstation.queue_window.take_selected()
                self._opened = True
                return
        if self._opened and workstation.site_window.plan.zone_items:
            self._save()
            return
        if self._elapsed >= self._deadline:
            print(
                f"vigie demo: no alarm with a plan after {self._deadline:.0f} s; no screenshot",
                file=sys.stderr,
            )
            self._finish(1)

    def _pick_alarm(self, alarms: list[Alarm]) -> Alarm | None:
        """An intrusion whose path crossed several zones makes the most telling picture; after a
        while, any new alarm of a known site will do."""
        if len(alarms) < 4:
            return None
        candidates = [a for a in alarms if a.state is AlarmState.NEW and a.site_id is not None]
        walk = [a for a in candidates if a.category is EventCategory.INTRUSION and a.signal_count >= 3]
        if walk:
            return walk[0]
        patience_over = self._elapsed >= min(20.0, self._deadline / 2)
        return candidates[0] if candidates and patience_over else None

    def _save(self) -> None:
        self._folder.mkdir(parents=True, exist_ok=True)
        ok = self._workstation.queue_window.grab().save(str(self._folder / "queue.png"))
        ok = self._workstation.site_window.grab().save(str(self._folder / "site.png")) and ok
        print(f"screenshots written to {self._folder}" if ok else "vigie demo: could not write screenshots")
        self._finish(0 if ok else 1)

    def _finish(self, code: int) -> None:
        self._check_timer.stop()
        self.exit_code = code
        QApplication.instance().quit()  # type: ignore[union-attr]


def _settings() -> QSettings:
    return QSettings(str(data_dir() / "console.ini"), QSettings.Format.IniFormat)


def run_console(options: ConsoleOptions) -> int:
    """Start the console; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Vigie")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Vigie")
    lang = options.lang or system_language()

    db = Database.from_url(options.db_url)
    migrate.upgrade(db.engine)
    traffic = None
    if options.demo_folder is not None:
        load_demo(db, options.demo_folder)
        traffic = DemoTraffic(demo_sites(options.demo_folder), seed=None)

    operator = _sign_in(db, options.operator_login)
    if operator is None:
        return 1
    desk = AlarmDesk(db)
    workstation = Workstation(desk, QueueFeed(db), SiteDesk(db, lang), operator, _settings(), lang=lang)
    workstation.show()
    if options.screenshot_dir is not None:  # a fixed, readable size whatever the (virtual) screen
        workstation.queue_window.resize(1400, 720)
        workstation.site_window.resize(1500, 950)
        workstation.site_window.apply_default_layout()
    driver = DemoDriver(desk, traffic) if traffic is not None else None
    if driver is not None:
        driver.start()
    shooter = None
    if options.screenshot_dir is not None:
        shooter = ScreenshotTaker(workstation, options.screenshot_dir, options.screenshot_timeout_s)
        shooter.start()
    _run_event_loop(app)
    workstation.shutdown()
    db.dispose()
    return shooter.exit_code if shooter is not None and shooter.exit_code is not None else 0


def _sign_in(db: Database, login: str | None) -> Operator | None:
    if login is not None:
        with db.read() as session:
            operator = operator_by_login(session, login)
        if operator is None:
            print(f"vigie: no active operator {login!r}", file=sys.stderr)
        return operator

    def check(user: str, password: str) -> Operator | None:
        with db.read() as session:
            return authenticate(session, user, password)

    dialog = LoginDialog(check)
    return dialog.operator if dialog.exec() else None


def _run_event_loop(app: QApplication) -> None:
    """Run Qt with an asyncio loop on top (qasync), so network servers share the GUI thread."""
    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    finished = asyncio.Event()
    app.aboutToQuit.connect(finished.set)
    app.lastWindowClosed.connect(app.quit)
    if os.environ.get("VIGIE_EXIT_AFTER_S"):  # smoke tests: start, run a while, leave cleanly
        QTimer.singleShot(int(float(os.environ["VIGIE_EXIT_AFTER_S"]) * 1000), app.quit)
    with loop:
        loop.run_until_complete(finished.wait())
