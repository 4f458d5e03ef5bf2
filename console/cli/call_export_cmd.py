"""`vigie call-export`: one call's recording and record written to a folder, for a customer or the police.

The same export as the supervision window's (the WAV copied byte for byte, the JSON with the call,
its events, its alarm, site, operator and contact, the fingerprint and the integrity verdict), by a
supervisor or admin who signs in with a password (stdin or prompted): the export is journaled
under their name, an operator's attempt is refused and journaled too.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from console.cli.common import CliError, Parser, Subcommands, db_url, positive_int


def register(sub: Subcommands, station_db: Parser) -> None:
    export = sub.add_parser(
        "call-export",
        parents=[station_db],
        help="export one call (its WAV and its record as JSON) into a folder",
        description="Writes call-ID.wav and call-ID.json into FOLDER (created if needed). A recording "
        "that no longer matches its fingerprint is exported all the same, named and marked ALTERED; "
        "exit status 3 then, 0 when verified. The password is read from stdin or prompted.",
    )
    export.add_argument("call_id", type=positive_int, metavar="CALL_ID")
    export.add_argument("folder", metavar="FOLDER")
    export.add_argument(
        "--as", dest="login", required=True, metavar="LOGIN", help="supervisor or admin login"
    )
    export.set_defaults(handler=call_export)


def call_export(args: argparse.Namespace) -> int:
    from console.cli.station_cmd import open_existing
    from console.domain.call_audit import Integrity
    from console.services.authority import AuditRefused, Authority
    from console.services.call_audit import CallAudit
    from console.services.sign_in import sign_in

    db = open_existing(db_url(args))
    password = getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    operator = sign_in(db, args.login, password, workstation="vigie call-export")
    if operator is None:
        raise CliError("wrong login or password")
    try:
        export = CallAudit(db, Authority(db)).export(operator, args.call_id, Path(args.folder))
    except AuditRefused:
        raise CliError(f"{args.login} may not export calls: supervisors and admins only") from None
    except LookupError:
        raise CliError(f"there is no call {args.call_id}") from None
    except OSError as exc:
        raise CliError(f"cannot write into {args.folder}: {exc.strerror or exc}") from None
    finally:
        db.dispose()
    if export.wav is not None:
        print(export.wav)
    print(export.record)
    print(f"recording {export.integrity.value}")
    return 0 if export.integrity in (Integrity.VERIFIED, Integrity.NO_RECORDING) else 3
