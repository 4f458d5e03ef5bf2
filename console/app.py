"""Composition root: the Qt application, its asyncio loop, the database, the services, the windows.

The only place that decides which concrete pieces work together; everything else receives what
it needs through its constructor.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import socket
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from console import __version__
from console.domain.alarm import Operator
from console.domain.journal import JournalAction
from console.domain.outage import StationKeyError
from console.receiver.server import ReceiverConfig
from console.services.admin_rights import AdminRights
from console.services.alarm_desk import AlarmDesk
from console.services.alarm_records import AlarmRecords
from console.services.analysis import TechnicalAnalysis
from console.services.authority import Authority, may_audit
from console.services.call_audit import CallAudit
from console.services.demo_data import demo_sites, load_demo
from console.services.dispatch_desk import DispatchDesk
from console.services.history import HistorySearch
from console.services.journal_chain import JournalChain
from console.services.plan_editing import PlanEditing
from console.services.queue_feed import QueueFeed, SiteDesk
from console.services.receiver_service import ReceiverService
from console.services.reports import Reports
from console.services.shift_change import ShiftChange
from console.services.sign_in import sign_in
from console.services.site_admin import SiteAdmin
from console.services.test_mode import SuspensionDesk
from console.simulator.demo_link import DemoPanels
from console.simulator.demo_traffic import DemoTraffic
from console.storage import migrate
from console.storage.engine import Database, DatabaseUnavailable, data_dir
from console.storage.operators import operator_by_login
from console.views.admin.window import AdminWindow
from console.views.faults import FaultMonitor
from console.views.i18n import configured_language, install_translators
from console.views.login_dialog import LoginDialog
from console.views.phone.phone_config import PhoneConfig, load_phone_settings
from console.views.screenshot import ScreenshotTaker
from console.views.session_guard import SessionGuard
from console.views.supervision.analysis_page import AnalysisPage
from console.views.supervision.call_audit_page import CallAuditPage
from console.views.supervision.history_page import HistoryPage
from console.views.supervision.journal_page import JournalPage
from console.views.supervision.record_window import AlarmRecordWindow
from console.views.supervision.report_page import ReportPage, report_page_title
from console.views.supervision.window import SupervisionWindow
from console.views.theme import THEMES, apply_theme
from console.views.workstation import Workstation

log = logging.getLogger(__name__)

EXIT_SIGNED_OUT = 75
"""run_console's code when the operator signed out: the command line starts a fresh console for
the next one (pjsua2 starts once per process)."""


@dataclass(frozen=True)
class ConsoleOptions:
    db_url: str
    lang: str | None = None
    operator_login: str | None = None  # the login proposed; signs in without a password only in the demo
    operator_password: str | None = None  # with operator_login: sign in without the dialog (kiosk, scripts)
    demo_folder: Path | None = None  # feed demo traffic from these sites
    screenshot_dir: Path | None = None  # demo: write queue.png and site.png, then exit
    screenshot_timeout_s: float = 60.0
    # Single-workstation mode: the console runs the DC-09 receiver itself on these addresses.
    receiver_listen: tuple[tuple[str, int], ...] = ()
    receiver_allow: tuple[str, ...] = ()  # CIDR networks the receiver serves; empty: any peer
    theme: str | None = None  # "light" or "dark"; default from console.ini, else light
    font_scale: float | None = None
    handover_from: str | None = None  # the operator who handed over: the one signing in takes their alarms


@dataclass(frozen=True)
class ConsoleExit:
    """How the console ended: the process code, and for a hand-over who is leaving."""

    code: int
    handover_from: str | None = None


def supervision_window(db: Database, operator: Operator, settings: QSettings, lang: str) -> SupervisionWindow:
    """The supervisor's window and its pages, each over its own service (roles checked there)."""
    authority = Authority(db)
    window = SupervisionWindow(operator, settings)
    # Owned by the supervision window (a Python-owned window dropped and collected on a worker
    # thread would crash): one record window, reused for every alarm opened from the pages.
    window.record_window = AlarmRecordWindow(AlarmRecords(db, authority, lang), operator, lang, window)
    history = HistoryPage(HistorySearch(db, authority), operator, lang)
    history.alarm_record_wanted.connect(window.open_alarm_record)
    window.add_page("history", history, history.title())
    calls = CallAuditPage(CallAudit(db, authority), operator, lang)
    window.add_page("calls", calls, calls.title())
    window.add_page("reports", ReportPage(Reports(db, authority), operator, lang), report_page_title())
    analysis = AnalysisPage(TechnicalAnalysis(db, authority, lang), operator, lang)
    window.add_page("analysis", analysis, analysis.title())

    def search_in_history(fields: dict[str, str]) -> None:
        window.show_page("history")
        history.set_filters(fields)  # fills the form and searches

    analysis.history_wanted.connect(search_in_history)

    def play_in_the_audit(call_id: int, alarm_id: int | None) -> None:
        window.show_page("calls")
        window.show()
        window.raise_()
        calls.show_call(call_id, alarm_id)

    window.record_window.call_audit_wanted.connect(play_in_the_audit)
    journal = JournalPage(JournalChain(db, authority), operator, lang)
    window.add_page("journal", journal, journal.title())
    return window


def admin_rights(settings: QSettings) -> AdminRights:
    """console.ini `[admin] supervisors`: what the station lets its supervisors change (contacts and
    procedures by default); a value the console cannot read keeps the default, with a warning."""
    text = settings.value("admin/supervisors")
    if text is None:
        return AdminRights()
    try:
        return AdminRights.parse(", ".join(text) if isinstance(text, list) else str(text))
    except ValueError as exc:
        log.warning("console.ini [admin] supervisors: %s; the default applies", exc)
        return AdminRights()


def _settings() -> QSettings:
    return QSettings(str(data_dir() / "console.ini"), QSettings.Format.IniFormat)


def run_console(options: ConsoleOptions) -> ConsoleExit:
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

    faults = FaultMonitor(data_dir() / "logs" / "console.log", app)
    faults.install()  # from here on, an exception nobody handles is logged and shown, not printed
    db = Database.from_url(options.db_url)
    migrate.upgrade(db.engine)
    traffic = None
    if options.demo_folder is not None:
        load_demo(db, options.demo_folder)
        traffic = DemoTraffic(demo_sites(options.demo_folder), seed=None)

    operator = _sign_in(
        db, options.operator_login, options.operator_password, trusted=options.demo_folder is not None
    )
    if operator is None:
        return ConsoleExit(1)
    desk = AlarmDesk(db)
    try:
        desk.record_session(operator, JournalAction.LOGIN)
    except DatabaseUnavailable:
        log.warning("sign-in of %s not journaled: database unreachable", operator.login)
    shift_change = ShiftChange(db)
    taken_over = _take_over(shift_change, options.handover_from, operator)
    workstation = Workstation(
        desk,
        QueueFeed(db),
        SiteDesk(db, lang),
        operator,
        settings,
        lang=lang,
        plan_editing=PlanEditing(db),
        dispatch_desk=DispatchDesk(db),
        suspension_desk=SuspensionDesk(db),
    )
    workstation.show_faults(faults)
    host = socket.gethostname()
    workstation.attach_session_guard(
        SessionGuard(
            (workstation.queue_window, workstation.site_window),
            operator,
            shift_change,
            lambda login, password: sign_in(db, login, password, workstation=host),
            lambda: sum(
                1 for alarm in workstation.model.alarms() if alarm.operator_id is None and alarm.is_open
            ),
            lambda: datetime.now(UTC),
            workstation,
        )
    )
    if taken_over and options.handover_from is not None:
        workstation.show_taken_over(len(taken_over), options.handover_from)
    if may_audit(operator):
        workstation.attach_supervision(supervision_window(db, operator, settings, lang))
    site_admin = SiteAdmin(db, Authority(db), admin_rights(settings))
    if site_admin.rights.may_open(operator):
        workstation.attach_administration(AdminWindow(site_admin, operator))
    workstation.show()
    telephone = Telephone(_phone_config(settings, options), db, operator, workstation)
    telephone.start()
    if telephone.config.secret_problem:  # no station key: said at the start, the console still runs
        print(f"vigie: {telephone.config.secret_problem}", file=sys.stderr)
        workstation.queue_window.statusBar().showMessage(telephone.config.secret_problem)
    shooter = None
    if options.screenshot_dir is not None:  # a fixed, readable size whatever the (virtual) screen
        workstation.queue_window.resize(1400, 720)
        workstation.site_window.resize(1500, 950)
        workstation.site_window.apply_default_layout()
        shooter = ScreenshotTaker(workstation, options.screenshot_dir, options.screenshot_timeout_s)
    receiver = (
        ReceiverService(
            db, ReceiverConfig(tcp=options.receiver_listen, allowed_networks=options.receiver_allow)
        )
        if options.receiver_listen
        else None
    )

    panels_task: asyncio.Task[None] | None = None

    async def start() -> None:
        nonlocal panels_task
        endpoints = []
        if receiver is not None:
            try:
                endpoints = await receiver.start()
            except (OSError, StationKeyError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                message = f"receiver not started: {reason}"
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
    signed_out = False
    handover_from: str | None = None

    def on_signed_out() -> None:
        nonlocal signed_out
        signed_out = True
        quit_requested.set()

    def on_handed_over(login: str) -> None:
        nonlocal handover_from
        handover_from = login
        on_signed_out()

    workstation.signed_out.connect(on_signed_out)
    workstation.handed_over.connect(on_handed_over)
    workstation.quit_confirmed.connect(quit_requested.set)
    if shooter is not None:
        shooter.finished.connect(lambda _code: quit_requested.set())
    if os.environ.get("VIGIE_EXIT_AFTER_S"):  # smoke tests: start, run a while, leave cleanly
        QTimer.singleShot(int(float(os.environ["VIGIE_EXIT_AFTER_S"]) * 1000), quit_requested.set)
    try:
        _run_event_loop(app, start, quit_requested, stop, faults.asyncio_handler)
    finally:
        # pjsua2 aborts the process if torn down in the wrong order: the windows first (no view
        # acts on a call any more), then the phone while Qt and the database are still there (the
        # last call reports are written), then the database.
        workstation.shutdown()
        telephone.shutdown()
        db.dispose()
        faults.uninstall()
    if signed_out:
        return ConsoleExit(EXIT_SIGNED_OUT, handover_from)
    return ConsoleExit(shooter.exit_code if shooter is not None and shooter.exit_code is not None else 0)


def _take_over(shift_change: ShiftChange, leaving: str | None, operator: Operator) -> list[int]:
    """After a hand-over, the alarms the leaving operator held become the one signing in's."""
    if leaving is None:
        return []
    try:
        return shift_change.hand_over(leaving, operator, socket.gethostname())
    except DatabaseUnavailable:
        log.warning("hand-over from %s not done: database unreachable (a supervisor may release)", leaving)
        return []


def phone_wanted(config: PhoneConfig) -> bool:
    """console.ini's `[phone] enabled`, unless VIGIE_PHONE=0 (tests, a second console, no SIP here)."""
    override = os.environ.get("VIGIE_PHONE", "").strip().lower()
    return config.enabled and override not in ("0", "false", "no", "off")


def _phone_config(settings: QSettings, options: ConsoleOptions) -> PhoneConfig:
    """The `[phone]` settings; the demo never takes the station's SIP port or registers to its PBX.

    The demo listens on 127.0.0.1 on any free port (port 5060 may be taken, two demos may run on one
    machine), without PBX, and records into its own folder.
    """
    config = load_phone_settings(settings)
    if options.demo_folder is None:
        return config
    phone = dataclasses.replace(
        config.phone,
        bind_host="127.0.0.1",
        sip_port=0,
        public_host=None,
        pbx=None,
        recordings_dir=data_dir() / "demo-recordings",
    )
    # Its calls are its own: a demo's start-up repair must not close a real console's live calls.
    return dataclasses.replace(config, phone=phone, gateway="", workstation=f"{config.workstation}-demo")


class Telephone:
    """The softphone's pieces in the order they must start and stop.

    Started after the windows exist (the status bar shows its state) and stopped after they
    closed but before the database is disposed and the QApplication goes: the engine hangs up the
    calls still up on its way out, and their end is written to the call records. A phone that does
    not start (SIP port taken, pjsua2 missing) leaves the console running with the fault shown.
    The factories are there for tests: pjsua2 allows one engine per process.
    """

    def __init__(
        self,
        config: PhoneConfig,
        db: Database,
        operator: Operator,
        workstation: Workstation,
        bridge_factory: Callable[..., Any] | None = None,
        headset_factory: Callable[..., Any] | None = None,
    ) -> None:
        self.config = config
        self._db = db
        self._operator = operator
        self._workstation = workstation
        self._indicators = workstation.queue_window.station
        self._bridge_factory = bridge_factory
        self._headset_factory = headset_factory
        self.call_log: Any = None
        self.keeper: Any = None
        self.bridge: Any = None
        self.headset: Any = None
        self.started = False
        self._bridge_stopped = False

    def start(self) -> None:
        if not phone_wanted(self.config):
            self._indicators.set_phone_off()
            return
        try:
            self._prepare()
        except Exception as exc:  # pjsua2 or QtMultimedia missing: the console still runs
            log.exception("telephone not prepared")
            self._fail(f"{type(exc).__name__}: {exc}")
            return
        self._start_engine()
        self._attach()

    def _prepare(self) -> None:
        """Call records first: the calls a crashed console left open are closed before new ones start."""
        from console.services.call_keeper import CallKeeper
        from console.services.call_log import CallLog

        self.call_log = CallLog(self._db, workstation=self.config.workstation)
        try:
            repaired = self.call_log.repair_interrupted(datetime.now(UTC))
        except Exception as exc:  # the database is down: the next start repairs them
            log.warning("interrupted calls not repaired: %s", exc)
            repaired = []
        if repaired:
            recordings = sum(1 for record in repaired if record.recording_path)
            message = self._indicators.repaired_calls_message(len(repaired), recordings)
            print(f"vigie: {message}", file=sys.stderr)
            self._workstation.queue_window.statusBar().showMessage(message, 60_000)
        self.keeper = CallKeeper(self.call_log, self._operator)
        if self._bridge_factory is None:
            from console.telephony.bridge import PhoneBridge

            self._bridge_factory = PhoneBridge
        if self._headset_factory is None and not os.environ.get("VIGIE_MUTE"):
            from console.telephony.headset import HeadsetBridge

            self._headset_factory = HeadsetBridge
        self.bridge = self._bridge_factory(self.config.phone, [self.keeper])
        self.bridge.registration_changed.connect(self._indicators.set_phone_registration)
        # Under VIGIE_MUTE (tests, screenshots) no audio device is opened: no headset.
        if self._headset_factory is not None:
            self.headset = self._headset_factory(self.config.input_device, self.config.output_device)

    def _start_engine(self) -> None:
        from console.telephony.engine import PhoneError

        pbx = self.config.phone.pbx
        try:
            self.bridge.start(self.headset)
        except Exception as exc:  # PhoneError: SIP port taken...; anything else: the headset port
            if self.headset is not None:
                try:
                    self.headset.stop()  # its conference port must be gone before libDestroy
                except Exception:
                    log.exception("headset stop failed")
            self._stop_bridge()  # what pjsua2 had set up goes now, in order
            self._fail(str(exc) if isinstance(exc, PhoneError) else f"{type(exc).__name__}: {exc}")
            return
        self.started = True
        port = getattr(getattr(self.bridge, "engine", None), "sip_port", None) or self.config.phone.sip_port
        self._indicators.set_phone_endpoint(port, pbx.registrar if pbx else None)
        transport = self.config.phone.transport
        print(f"telephone listening on {transport} {self.config.phone.bind_host}:{port}", flush=True)
        self._workstation.queue_window.set_headset(self.headset)

    def _attach(self) -> None:
        """The workstation's softphone panel gets the phone even after a failed start: it refuses
        calls with the reason, and the status bar shows the fault."""
        self._indicators.watch_call_records(self.keeper)
        self._workstation.attach_phone(
            self.bridge,
            self.call_log,
            self.keeper,
            self.config.dial_uri,
            self.config.resolved_transfer_targets(),
        )

    def _fail(self, message: str) -> None:
        print(f"vigie: telephone not started: {message}", file=sys.stderr)
        self._indicators.set_phone_failed(message)

    def _stop_bridge(self) -> None:
        """Once: the engine's last report (stopped) must not overwrite a start failure on the indicator."""
        if self.bridge is None or self._bridge_stopped:
            return
        self._bridge_stopped = True
        self.bridge.registration_changed.disconnect(self._indicators.set_phone_registration)
        try:
            self.bridge.shutdown()
        except Exception:
            log.exception("telephone shutdown failed")

    def shutdown(self) -> None:
        """Stop the engine (it hangs up and finishes the recordings), then write what still waits."""
        self._indicators.stop_watching_call_records()
        self._stop_bridge()
        self.headset = None
        self._workstation.queue_window.set_headset(None)
        if self.keeper is not None and self.keeper.backlog and not self.keeper.flush():
            print(
                f"vigie: {self.keeper.backlog} call record writes could not be saved ({self.keeper.last_error}); "
                "the next start closes those calls as interrupted",
                file=sys.stderr,
            )


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


def _sign_in(db: Database, login: str | None, password: str | None, *, trusted: bool) -> Operator | None:
    """The sign-in dialog; `login` is proposed in it. Only the demo (`trusted`) signs in without a
    password: on a station's database, a command line must not open an operator's session."""

    workstation = socket.gethostname()

    def check(user: str, password: str) -> Operator | None:
        return sign_in(db, user, password, workstation=workstation)

    if login is not None and trusted:
        with db.read() as session:
            operator = operator_by_login(session, login)
        if operator is None:
            print(f"vigie: no active operator {login!r}", file=sys.stderr)
        return operator
    if login is not None and password is not None:
        operator = check(login, password)
        if operator is None:
            print("vigie: wrong login or password", file=sys.stderr)
        return operator

    dialog = LoginDialog(check)
    if login is not None:
        dialog.propose_login(login)
    return dialog.operator if dialog.exec() else None


def _run_event_loop(
    app: QApplication,
    start: Callable[[], Awaitable[None]],
    quit_requested: asyncio.Event,
    stop: Callable[[], Awaitable[None]],
    exception_handler: Callable[[Any, dict[str, Any]], None] | None = None,
) -> None:
    """Run Qt with an asyncio loop on top (qasync), so the receiver's servers share the GUI thread.

    The loop runs until `quit_requested` is set, then `stop()` runs on the still-live loop. A task
    that dies or a callback that raises goes to `exception_handler` (the console's faults).
    """
    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    if exception_handler is not None:
        loop.set_exception_handler(exception_handler)

    async def main() -> None:
        await start()
        await quit_requested.wait()
        await stop()

    with loop:
        loop.run_until_complete(main())
