"""`vigie sites import` / `vigie sites export`: a whole station in and out (the README gives the formats).

Like `vigie accounts add`, the station's own tooling: the database URL is the credential; the
journal names `--operator` when given, else "import".
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from console.cli.common import CliError, Parser, Subcommands, db_url


def register(sub: Subcommands, station_db: Parser) -> None:
    sites = sub.add_parser("sites", help="import or export the station's sites")
    sites_sub = sites.add_subparsers(dest="sites_command", required=True, parser_class=Parser)
    load = sites_sub.add_parser(
        "import",
        parents=[station_db],
        help="import sites from a JSON station file or an accounts / contacts CSV",
        description="Import sites (JSON: whole sites with transmitters, plans, zones, contacts and "
        "procedures; CSV: transmitter accounts, or contacts). A second import of the same file updates, "
        "never duplicates. The file is checked whole first: with any error nothing is written, and "
        "every error is printed with its place (JSON path or CSV line). Each site changed is journaled.",
    )
    load.add_argument("file", metavar="FILE", help="a .json station file or a .csv file")
    load.add_argument(
        "--dry-run", action="store_true", help="print what each record would become, write nothing"
    )
    load.add_argument("--operator", metavar="LOGIN", help="the operator running the import, for the journal")
    export = sites_sub.add_parser(
        "export",
        parents=[station_db],
        help="write every site as a JSON station file (secrets left out)",
        description="Write the station's sites as the JSON file `vigie sites import` reads, without "
        "contacts' words nor AES keys, so that importing it again keeps the stored ones. Journaled.",
    )
    export.add_argument("--out", metavar="FILE", help="the file to write (default: standard output)")

    load.set_defaults(handler=import_sites)
    export.set_defaults(handler=export_sites)


def import_sites(args: argparse.Namespace) -> int:
    from console.cli.station_cmd import open_existing
    from console.services.site_import import (
        ImportRefused,
        StationChanged,
        StationImport,
        UnknownOperator,
        read_station_file,
    )

    path = Path(args.file)
    try:
        parsed = read_station_file(path)
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror or exc}") from None
    db = open_existing(db_url(args))
    try:
        report = StationImport(db).run(parsed, dry_run=args.dry_run, operator_login=args.operator)
    except ImportRefused as exc:
        return _refused(path, exc.errors)
    except (UnknownOperator, StationChanged) as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    if args.dry_run:
        for plan in report.plans:
            sys.stdout.write("".join(f"{line}\n" for line in plan.lines()))
        if report.errors:
            sys.stdout.flush()
            return _refused(path, report.errors)
        print(f"dry run, nothing written: {report.summary()}")
        return 0
    print(f"imported {path.name}: {report.summary()}")
    return 0


def _refused(path: Path, errors: Sequence[object]) -> int:
    for error in errors:
        print(f"vigie: {path.name}: {error}", file=sys.stderr)
    print(f"vigie: {len(errors)} error(s) in {path.name}: nothing imported", file=sys.stderr)
    return 1


def export_sites(args: argparse.Namespace) -> int:
    from console.cli.station_cmd import open_existing
    from console.services.site_import import export_station

    db = open_existing(db_url(args))
    try:
        if args.out is None:
            export_station(db, _print, "standard output")
            sys.stdout.flush()
        else:
            target = Path(args.out)
            try:
                export_station(db, lambda text: _write_whole(target, text), str(target.resolve()))
            except OSError as exc:
                raise CliError(f"cannot write {target}: {exc.strerror or exc}") from None
            print(f"exported to {target}", file=sys.stderr)
    finally:
        db.dispose()
    return 0


def _print(text: str) -> None:
    sys.stdout.write(text)


def _write_whole(target: Path, text: str) -> None:
    """Written beside it, then renamed: an interrupted export never leaves half a file."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
