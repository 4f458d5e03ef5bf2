"""The station's bulk records in CSV: transmitter accounts, or contacts (the README lists the columns).

The header says which file it is: a column `account` makes it an accounts file, else a column `name`
a contacts file. Every refusal carries its line (`line 14`). An empty cell keeps the stored value (or the
default for a new record): a CSV never clears a field nor a secret, the JSON file does.

- accounts: one transmitter per row, found by (account, line); the site is created when absent
  (named `site_name`, else its code). Accounts not in the file are kept.
- contacts: the rows of a site are its whole call list, in the file's order; the site must exist;
  its contacts not in the file are removed (refused for one with calls in the history).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Hashable
from typing import Any

from console.domain.site_records import (
    FIELD_BY_NAME,
    Collection,
    Entry,
    FieldError,
    FileError,
    Kind,
    ParsedFile,
    SiteEntry,
    record_key,
)

ACCOUNT_COLUMNS = (
    "site",
    "site_name",
    "account",
    "line",
    "receiver",
    "protocol",
    "aes_key",
    "test_interval_s",
    "audio_module_uri",
)
CONTACT_COLUMNS = (
    "site",
    "name",
    "role",
    "phones",
    "sip_uri",
    "availability",
    "accessibility_needs",
    "password",
    "duress_word",
)
_REQUIRED = {Kind.TRANSMITTER: ("site", "account"), Kind.CONTACT: ("site", "name")}


def parse_station_csv(text: str) -> ParsedFile:
    """The rows of an accounts or contacts file as site entries; each error says its line."""
    errors: list[FileError] = []
    first = text.lstrip("\ufeff").partition("\n")[0]
    delimiter = max(",;\t", key=first.count)  # the header's separator: a spreadsheet's export may use ;
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter)
    header = [h.strip().lower() for h in next(reader, [])]
    kind = Kind.TRANSMITTER if "account" in header else Kind.CONTACT if "name" in header else None
    if kind is None:
        return ParsedFile([], [FileError("line 1", "the header names neither an account nor a name column")])
    columns = ACCOUNT_COLUMNS if kind is Kind.TRANSMITTER else CONTACT_COLUMNS
    for column in header:
        if column not in columns:
            errors.append(FileError("line 1", f"unknown column {column!r} (known: {', '.join(columns)})"))
    for column in _REQUIRED[kind]:
        if column not in header:
            errors.append(FileError("line 1", f"a {kind.value}s file needs a {column} column"))
    if len(set(header)) != len(header):
        errors.append(FileError("line 1", "a column is named twice"))
    if errors:
        return ParsedFile([], errors)
    sites: dict[str, SiteEntry] = {}
    seen: dict[Hashable, str] = {}
    line = reader.line_num + 1
    for row in reader:
        where, line = f"line {line}", reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            errors.append(FileError(where, f"{len(row)} cells for {len(header)} columns"))
            continue
        cells = {column: value.strip() for column, value in zip(header, row, strict=False) if value.strip()}
        code = cells.pop("site", "")
        if not code:
            errors.append(FileError(where, "site: empty"))
            continue
        checked: dict[str, Any] = {}
        _put(checked, Kind.SITE, "code", code, where, errors, column="site")
        if "code" not in checked:
            continue  # refused by the site code's rule, and said so
        site_name = cells.pop("site_name", None)
        site = sites.get(code)
        if site is None:
            site = sites[code] = SiteEntry(code=code, origin=where, fields={"code": code})
            site.must_exist = kind is Kind.CONTACT
            # accounts: merged into the site's; contacts: the site's whole call list, in row order
            site.collections[kind] = Collection([], replace=kind is Kind.CONTACT, origin=where)
        if site_name is not None:
            _put(site.fields, Kind.SITE, "name", site_name, where, errors)
        fields: dict[str, Any] = {}
        for column, value in cells.items():
            _put(fields, kind, column, value, where, errors)
        entries = site.collections[kind].entries
        if kind is Kind.CONTACT:
            fields["rank"] = len(entries) + 1
        try:
            key = record_key(kind, fields)
        except KeyError:
            continue  # its key cell was refused, and said so
        if (code, key) in seen or (kind is Kind.TRANSMITTER and key in seen):
            errors.append(
                FileError(where, f"the same {kind.value} as {seen.get((code, key), seen.get(key))}")
            )
            continue
        seen[(code, key)] = seen[key] = where
        entries.append(Entry(kind, key, where, fields))
    return ParsedFile(list(sites.values()), errors)


def _put(
    fields: dict[str, Any],
    kind: Kind,
    name: str,
    text: str,
    where: str,
    errors: list[FileError],
    *,
    column: str | None = None,
) -> None:
    spec = FIELD_BY_NAME[kind][name]
    try:
        fields[name] = spec.check(spec.from_text(text))
    except FieldError as exc:
        errors.append(FileError(where, f"{column or name}: {exc}"))
