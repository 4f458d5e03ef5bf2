"""`vigie report`: a period's report as a PDF, headless, from the station's tooling.

The command runs on the server like `vigie history`: whoever holds the database URL already reads
every row, so no operator signs in and no role is checked; the export is journaled
(REPORT_EXPORTED) with the system user who ran it. Dates are the station's local days (`--zone`,
Europe/Paris by default): `--from 2026-11-01 --to 2026-11-30` is the whole of November, the last
day included; a date-time is taken as given (local time when it has no offset). `--lang fr` writes
the PDF in French, numbers with decimal commas.
"""

from __future__ import annotations

import argparse
import os
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.cli.common import CliError, Parser, Subcommands, db_url


def register(sub: Subcommands, station_db: Parser) -> None:
    report = sub.add_parser(
        "report",
        parents=[station_db],
        help="write a period's supervision report as a PDF (charts, figures, comment)",
        description="Builds the report of a period (the whole station, or some sites) and writes it as "
        "a PDF. Dates are local days of the station, --to included.",
    )
    report.add_argument("--from", dest="start", required=True, metavar="ISO", help="first day (or date-time)")
    report.add_argument(
        "--to", dest="end", required=True, metavar="ISO", help="last day, included (or date-time)"
    )
    report.add_argument("--pdf", required=True, metavar="FILE", help="where to write the PDF")
    report.add_argument(
        "--site", action="append", default=[], metavar="CODE", help="only this site (repeat for a group)"
    )
    report.add_argument(
        "--comment", default="", metavar="TEXT", help="the analysis printed beside the figures"
    )
    report.add_argument("--zone", default="Europe/Paris", metavar="TZ", help="the station's time zone")
    report.add_argument(
        "--lang",
        choices=("en", "fr"),
        default="en",
        help="the PDF's language, its numbers included (85,1 %% in French); default English",
    )
    report.set_defaults(handler=report_run)


def _moment(text: str, zone: ZoneInfo, *, end: bool) -> datetime:
    """A date is a local day (its start; the next day's start for --to); a date-time stays as given."""
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime.combine(day + timedelta(days=1) if end else day, datetime.min.time(), zone)
        value = datetime.fromisoformat(text)
    except ValueError:
        raise CliError(f"not an ISO date or date-time: {text!r}") from None
    return value if value.tzinfo else value.replace(tzinfo=zone)


def report_run(args: argparse.Namespace) -> int:
    from console.domain.report import ReportError, ReportPeriod, ReportScope

    try:
        zone = ZoneInfo(args.zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise CliError(f"unknown time zone: {args.zone!r}") from None
    period_text = (_moment(args.start, zone, end=False), _moment(args.end, zone, end=True))
    try:
        period = ReportPeriod(*period_text)
        scope = ReportScope.sites(",".join(args.site).split(",")) if args.site else ReportScope()
    except ReportError as exc:
        raise CliError(str(exc)) from None
    pdf = Path(args.pdf)
    if pdf.is_dir() or not pdf.parent.is_dir() or not os.access(pdf.parent, os.W_OK):
        raise CliError(f"cannot write the PDF at {pdf}: no such writable folder")
    screen = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not screen and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a server has no screen

    from PySide6.QtWidgets import QApplication

    from console.services.authority import Authority
    from console.services.reports import Reports
    from console.storage.engine import Database, check_connection
    from console.views.i18n import install_translators
    from console.views.supervision.report_pdf import write_report_pdf

    app = QApplication.instance() or QApplication(["vigie-report"])
    translators = install_translators(app, args.lang)
    db = Database.from_url(db_url(args), must_exist=True)
    try:
        check_connection(db.engine)
        reports = Reports(db, Authority(db), zone=zone)
        try:
            built = reports.build_as_station(period, scope)
            renderer = partial(write_report_pdf, lang=args.lang)
            reports.export_pdf_as_station(built, args.comment, pdf, renderer)
        except ReportError as exc:
            raise CliError(str(exc)) from None
        except OSError as exc:
            raise CliError(str(exc)) from None
    finally:
        db.dispose()
        for translator in translators:
            app.removeTranslator(translator)
    del app
    s = built.service
    print(
        f"{pdf}: {built.total} alarms, {s.taken} taken, {s.within_first} within {s.targets.take_within_s:g} s"
    )
    return 0
