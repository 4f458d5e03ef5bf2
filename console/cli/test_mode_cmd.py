"""`vigie test-mode`: sites, accounts or zones on test, sites out of service, the installer's report.

Run on the server like `vigie report`: the database URL is the credential, so no operator signs
in; every change is journaled with the system user who ran it.
"""

from __future__ import annotations

import argparse
import json
import os
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from console.cli.common import CliError, Parser, Subcommands, account, db_url, positive_int

if TYPE_CHECKING:  # the command line imports the station's modules only when a command runs
    from console.domain.test_mode import SuspensionPeriod
    from console.services.test_mode import SuspensionDesk
    from console.storage.engine import Database


def _zones(text: str) -> list[int]:
    try:
        zones = [int(z) for z in text.split(",") if z.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"zones are numbers separated by commas, not {text!r}") from None
    if not zones or any(z < 0 for z in zones):
        raise argparse.ArgumentTypeError(f"zones are numbers separated by commas, not {text!r}")
    return zones


def register(sub: Subcommands, station_db: Parser) -> None:
    tests = sub.add_parser("test-mode", help="sites on test (installer's visit) or out of service")
    test_sub = tests.add_subparsers(dest="test_mode_command", required=True, parser_class=Parser)
    start = test_sub.add_parser(
        "start", parents=[station_db], help="put a site, one account or some zones on test, from now"
    )
    start.add_argument("--site", required=True, metavar="CODE")
    start.add_argument("--reason", required=True, metavar="TEXT", help="the installer's visit, the contract")
    start.add_argument(
        "--minutes", type=positive_int, default=60, help="how long the test lasts (default 60; at most 1440)"
    )
    start.add_argument("--account", type=account, help="only this transmitter account (default: all)")
    start.add_argument(
        "--zones", type=_zones, default=[], metavar="N,N", help="only these zones (default: all)"
    )
    start.add_argument(
        "--out-of-service",
        action="store_true",
        help="suspend the site until `end` instead (a contract suspended; --minutes is then ignored)",
    )
    start.set_defaults(handler=start_run)
    end = test_sub.add_parser("end", parents=[station_db], help="end a test or suspension now")
    end.add_argument("--id", type=positive_int, required=True, help="the period's number (see `list`)")
    end.set_defaults(handler=end_run)
    listing = test_sub.add_parser("list", parents=[station_db], help="periods in force, as JSON lines")
    listing.set_defaults(handler=list_run)
    report = test_sub.add_parser(
        "report", parents=[station_db], help="the installer's report of a test: what was heard, and what not"
    )
    report.add_argument("--id", type=positive_int, required=True, help="the period's number")
    report.add_argument("--lang", choices=["en", "fr"], default="en")
    report.add_argument("--pdf", metavar="FILE", help="also write it as a PDF (default: text only)")
    report.set_defaults(handler=report_run)


def _desk(args: argparse.Namespace) -> tuple[Database, SuspensionDesk]:
    from console.services.test_mode import SuspensionDesk
    from console.storage.engine import Database, check_connection

    db = Database.from_url(db_url(args), must_exist=True)
    check_connection(db.engine)
    return db, SuspensionDesk(db)


def _period_json(period: SuspensionPeriod) -> str:
    return json.dumps(
        {
            "id": period.id,
            "site_id": period.site_id,
            "kind": period.kind.value,
            "starts_at": period.starts_at.isoformat(),
            "ends": period.end.isoformat() if period.end else None,
            "account": period.account,
            "zones": sorted(period.zones),
            "reason": period.reason,
        },
        ensure_ascii=False,
    )


def start_run(args: argparse.Namespace) -> int:
    from console.domain.test_mode import Suspension, SuspensionError

    db, desk = _desk(args)
    kind = Suspension.OUT_OF_SERVICE if args.out_of_service else Suspension.TEST
    duration = None if args.out_of_service else timedelta(minutes=args.minutes)
    try:
        period = desk.start(
            None, args.site, kind, args.reason, duration=duration, account=args.account, zones=args.zones
        )
    except SuspensionError as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    print(_period_json(period))
    return 0


def end_run(args: argparse.Namespace) -> int:
    from console.domain.test_mode import SuspensionError

    db, desk = _desk(args)
    try:
        period = desk.end(None, args.id)
    except SuspensionError as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    print(_period_json(period))
    return 0


def list_run(args: argparse.Namespace) -> int:
    db, desk = _desk(args)
    try:
        for active in desk.active():
            line = json.loads(_period_json(active.period))
            line["site"] = active.site_code
            print(json.dumps(line, ensure_ascii=False))
    finally:
        db.dispose()
    return 0


def report_run(args: argparse.Namespace) -> int:
    from console.domain.installer_report import report_lines
    from console.domain.test_mode import SuspensionError
    from console.storage.sites import load_site_file

    pdf = Path(args.pdf) if args.pdf else None
    if pdf is not None and (pdf.is_dir() or not pdf.parent.is_dir() or not os.access(pdf.parent, os.W_OK)):
        raise CliError(f"cannot write the PDF at {pdf}: no such writable folder")
    db, desk = _desk(args)
    try:
        report = desk.report(None, args.id, args.lang)
        with db.read() as session:
            site_file = load_site_file(session, report.period.site_id)
    except SuspensionError as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    zone = ZoneInfo(site_file.site.timezone if site_file else "UTC")
    lines = report_lines(report, zone, args.lang)
    print("\n".join(lines))
    if pdf is not None:
        if not (
            os.environ.get("DISPLAY")
            or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")
        ):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a server has no screen
        from PySide6.QtWidgets import QApplication

        from console.views.supervision.report_pdf import write_text_pdf

        app = QApplication.instance() or QApplication(["vigie-test-mode"])
        title = "Rapport de test" if args.lang == "fr" else "Installer's test report"
        write_text_pdf(title, "\n".join(lines), pdf)
        del app
    return 0
