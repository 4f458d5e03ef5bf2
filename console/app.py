"""Composition root: the Qt application, its asyncio loop, the database, the services, the windows.

The only place that decides which concrete pieces work together; everything else receives what
it needs through its constructor.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from console import __version__
from console.domain.alarm import Operator
from console.receiver.server import ReceiverConfig
from console.services.alarm_desk import AlarmDesk
from console.services.demo_data import demo_sites, load_demo
from console.services.demo_link import DemoPanels
from console.services.demo_traffic import DemoTraffic
from console.services.dispatch_desk import DispatchDesk
from console.services.plan_editing import PlanEditing
from console.services.queue_feed import QueueFeed, SiteDesk
from console.services.receiver_service import ReceiverService
from console.storage import migrate
from console.storage.engine import Database, data_dir
from console.storage.operators import authenticate, operator_by_login
from console.views.i18n import configured_language, install_translators
from console.views.login_dialog import LoginDialog
from console.views.screenshot import ScreenshotTaker
from console.views.theme import THEMES, apply_theme
from console.views.workstation import Workstation


@dataclass(frozen=True)
class ConsoleOptions:
    db_url: str
    lang: str | None = None
    operator_login: str | None = None  # sign in without the dialog (demo, kiosk)
    demo_folder: Path | None = None  # feed demo traffic from these sites
    screenshot_dir: Path | None = None  # demo: write queue.png and site.png, then exit
    screenshot_timeout_s: float = 60.0
    # Single-workstation mode: the console runs the DC-09 receiver itself on these addresses.
    receiver_listen: tuple[tuple[str, int], ...] = ()
    theme: str | None = None  # "light" or "dark"; default from console.ini, else light
    font_scale: float | None = None


def _settings() -> QSettings:
    return QSettings(str(data_dir() / "console.ini"), QSettings.Format.IniFormat)


def run_console(options: ConsoleOptions) -> int:
    """Start the console; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Vigie")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Vigie")
    settings = _settings()
    lang = configured_language(settings, options.lang)
    install_translators(app, lang)
    theme, font_scale = _appearance(settings, options)
    apply_theme(app, theme, font_scale)

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
    workstation = Workstation(
        desk,
        QueueFeed(db),
        SiteDesk(db, lang),
        operator,
        settings,
        lang=lang,
        plan_editing=PlanEditing(db),
        dispatch_desk=DispatchDesk(db),
    )
    workstation.show()
    shooter = None
    if options.screenshot_dir is not None:  # a fixed, readable size whatever the (virtual) screen
        workstation.queue_window.resize(1400, 720)
        workstation.site_window.resize(1500, 950)
        workstation.site_window.apply_default_layout()
        shooter = ScreenshotTaker(workstation, options.screenshot_dir, options.screenshot_timeout_s)
    receiver = (
        ReceiverService(db, ReceiverConfig(tcp=options.receiver_listen)) if options.receiver_listen else None
    )

    panels_task: asyncio.Task[None] | None = None

    async def start() -> None:
        nonlocal panels_task
        endpoints = []
        if receiver is not None:
            try:
                endpoints = await receiver.start()
            except OSError as exc:
                message = f"receiver not started: {exc.strerror or exc}"
                print(f"vigie: {message}", file=sys.stderr)
                workstation.queue_window.statusBar().showMessage(message)
            else:
                print("receiver " + ", ".join(f"listening on {e}" for e in endpoints), flush=True)
        tcp = next((e for e in endpoints if e.transport == "tcp"), None)
        if traffic is not None and tcp is not None:  # the demo's panels call the receiver like real ones
            panels = DemoPanels(traffic, "127.0.0.1" if tcp.host in ("0.0.0.0", "::") else tcp.host, tcp.port)
            panels_task = asyncio.get_running_loop().create_task(panels.run())
        if shooter is not None:
            shooter.start()

    async def stop() -> None:
        if panels_task is not None:
            panels_task.cancel()
            await asyncio.gather(panels_task, return_exceptions=True)
        if receiver is not None:
            await receiver.stop()  # the batch in flight is committed and acknowledged first

    quit_requested = asyncio.Event()
    app.setQuitOnLastWindowClosed(False)  # closing is ours to do: stop the receiver cleanly first
    app.lastWindowClosed.connect(quit_requested.set)
    if shooter is not None:
        shooter.finished.connect(lambda _code: quit_requested.set())
    if os.environ.get("VIGIE_EXIT_AFTER_S"):  # smoke tests: start, run a while, leave cleanly
        QTimer.singleShot(int(float(os.environ["VIGIE_EXIT_AFTER_S"]) * 1000), quit_requested.set)
    _run_event_loop(app, start, quit_requested, stop)
    workstation.shutdown()
    db.dispose()
    return shooter.exit_code if shooter is not None and shooter.exit_code is not None else 0


def _appearance(settings: QSettings, options: ConsoleOptions) -> tuple[str, float]:
    """Theme and font scale: the command line first, then console.ini, and defaults for nonsense."""
    theme = options.theme or str(settings.value("appearance/theme", "light"))
    try:
        scale = options.font_scale or float(settings.value("appearance/font_scale", 1.0))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        scale = 1.0
    if theme not in THEMES:
        theme = "light"
    return theme, scale if 0.5 <= scale <= 3.0 else 1.0


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


def _run_event_loop(
    app: QApplication,
    start: Callable[[], Awaitable[None]],
    quit_requested: asyncio.Event,
    stop: Callable[[], Awaitable[None]],
) -> None:
    """Run Qt with an asyncio loop on top (qasync), so the receiver's servers share the GUI thread.

    The loop runs until `quit_requested` is set, then `stop()` runs on the still-live loop.
    """
    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def main() -> None:
        await start()
        await quit_requested.wait()
        await stop()

    with loop:
        loop.run_until_complete(main())
