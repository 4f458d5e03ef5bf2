"""The station import and export: `vigie sites import` / `export`, and the demo's sites.

An import is checked whole before anything is written, and written in one transaction: a file with
one error changes nothing. Each site changed gets one journal entry (who, and every record's fields
before and after, secrets as "set" / "changed" / "removed"), and the consoles showing it reload it.

Contacts' words are stored hashed with a deliberately slow hash, so an import of a whole station
spends most of its time hashing (new words) and verifying (is the file's word the stored one?); both
run on every core, before the write transaction: that one reads the sites again and writes only if
they are still what was checked (else StationChanged, nothing written).
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Hashable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from console.domain.journal import JournalAction
from console.domain.secrets import hash_spoken_word, verify_spoken_word
from console.domain.site_changes import (
    HASHED,
    Action,
    NewSecret,
    SitePlan,
    entries_of,
    final_records,
    plan_site,
)
from console.domain.site_csv import parse_station_csv
from console.domain.site_json import export_station_json, parse_station_json
from console.domain.site_records import FileError, Kind, ParsedFile, SiteEntry, StoredSite, label
from console.services.alarm_desk import Clock, utc_now
from console.storage import journal
from console.storage.engine import Database
from console.storage.journal import JournalDraft
from console.storage.operators import operator_by_login
from console.storage.plans import PlanError, PlanImage, inspect_image
from console.storage.station_records import (
    all_site_codes,
    load_sites,
    record_site_changes,
    records_in_use,
    transmitter_owners,
    write_site_plans,
)

T = TypeVar("T")
R = TypeVar("R")


class ImportRefused(ValueError):
    """The file has errors: nothing was written."""

    def __init__(self, errors: list[FileError]) -> None:
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors


class UnknownOperator(LookupError):
    pass


class StationChanged(RuntimeError):
    """Another workstation changed the file's sites between the check and the write: nothing written."""


@dataclass
class ImportReport:
    plans: list[SitePlan] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    written: bool = False  # the import went through (a file changing nothing writes nothing)

    def count(self, kind_is_site: bool, action: Action) -> int:
        return sum(
            1
            for p in self.plans
            for r in p.records
            if (r.kind is Kind.SITE) == kind_is_site and r.action is action
        )

    @property
    def sites_added(self) -> int:
        return self.count(True, Action.ADD)

    def summary(self) -> str:
        sites = ", ".join(
            f"{self.count(True, a)} {a.value}" for a in (Action.ADD, Action.UPDATE, Action.UNCHANGED)
        )
        records = ", ".join(f"{self.count(False, a)} {a.value}" for a in Action)
        return f"{len(self.plans)} sites ({sites}); their records: {records}"


@contextmanager
def collector_paused() -> Iterator[None]:
    """A station file is a million small objects that all live until the import ends: the cyclic
    garbage collector's passes over them find nothing and took more than half the time of reading
    5 000 sites. Paused meanwhile (nested pauses leave it to the outermost)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_station_file(path: Path) -> ParsedFile:
    """A JSON station file (plans' files relative to its folder) or an accounts / contacts CSV."""
    with collector_paused():
        return _read_station_file(path)


def _read_station_file(path: Path) -> ParsedFile:
    data = path.read_bytes()
    if path.suffix.lower() == ".csv" or (
        path.suffix.lower() != ".json" and data.lstrip()[:1] not in (b"{", b"[")
    ):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return ParsedFile([], [FileError("line 1", "not UTF-8 text")])
        return parse_station_csv(text)
    folder = path.resolve().parent
    return parse_station_json(data, lambda name: (folder / name).read_bytes())


class StationImport:
    def __init__(self, db: Database, clock: Clock = utc_now, workers: int | None = None) -> None:
        self._db = db
        self._clock = clock
        self._workers = workers or os.cpu_count() or 1

    def run(
        self,
        parsed: ParsedFile,
        *,
        dry_run: bool,
        operator_login: str | None = None,
        who: str = "import",
        trust_stored_words: bool = False,
    ) -> ImportReport:
        """Check, and unless `dry_run` write, the file's sites; raises ImportRefused when it has errors.

        `trust_stored_words`: a contact that has a word stored keeps it without verifying the file's
        (the demo reloading its own file: it spares a slow hash per word at every start)."""
        with collector_paused():
            return self._run(parsed, dry_run, operator_login, who, trust_stored_words)

    def _run(
        self,
        parsed: ParsedFile,
        dry_run: bool,
        operator_login: str | None,
        who: str,
        trust_stored_words: bool,
    ) -> ImportReport:
        errors = list(parsed.errors)
        images = self._check_images(parsed.sites, errors)
        # Checked, compared and hashed outside any write: on SQLite a write transaction holds the
        # file's only write lock, and the receiver must keep committing signals meanwhile.
        with self._db.read() as session:
            operator_id = self._operator(session, operator_login)
            basis = self._basis(session, parsed)
            report = self._plan(session, parsed, basis, images, errors, trust_stored_words)
        if dry_run:
            return report
        if report.errors:
            raise ImportRefused(report.errors)
        changed = [p for p in report.plans if p.changed]
        if not changed:  # the file says what is stored already: nothing to write, nor to journal
            report.written = True
            return report
        self._hash_new_words(changed)
        who = operator_login or who
        with self._db.write() as session:
            if self._basis(session, parsed) != basis or self._removal_refusals(session, report.plans):
                raise StationChanged("the station changed while the file was being checked: import it again")
            at = self._clock()
            ids = write_site_plans(session, changed, at)
            record_site_changes(session, [ids[p.code] for p in changed], at)
            journal.append_many(
                session,
                (
                    JournalDraft(
                        at=at,
                        action=JournalAction.SITE_IMPORTED,
                        detail=p.journal_detail(who),
                        operator_id=operator_id,
                        site_id=ids[p.code],
                    )
                    for p in changed
                ),
            )
        report.written = True
        return report

    @staticmethod
    def _basis(session: Session, parsed: ParsedFile) -> tuple[dict[str, StoredSite], dict[Hashable, str]]:
        """What the comparison depends on: the file's sites as stored, who owns its accounts."""
        keys = [e.key for s in parsed.sites for e in entries_of(s, Kind.TRANSMITTER)]
        return load_sites(session, [s.code for s in parsed.sites]), transmitter_owners(session, keys)  # type: ignore[arg-type]

    @staticmethod
    def _operator(session: Session, login: str | None) -> int | None:
        if login is None:
            return None
        operator = operator_by_login(session, login)
        if operator is None:
            raise UnknownOperator(f"no operator {login!r} (--operator names the one running the import)")
        return operator.id

    def _plan(
        self,
        session: Session,
        parsed: ParsedFile,
        basis: tuple[dict[str, StoredSite], dict[Hashable, str]],
        images: dict[tuple[str, Hashable], PlanImage],
        errors: list[FileError],
        trust_stored_words: bool,
    ) -> ImportReport:
        stored, owners = basis
        same = self._verified_words(parsed.sites, stored, trust_stored_words)
        plans = [
            plan_site(s, stored.get(s.code), owners, lambda h, w: same[(h, w)], errors) for s in parsed.sites
        ]
        errors.extend(self._removal_refusals(session, plans))
        for site, plan in zip(parsed.sites, plans, strict=True):
            self._check_positions(site, plan, stored.get(site.code), images, errors)
        return ImportReport(plans, errors)

    def _check_images(
        self, sites: list[SiteEntry], errors: list[FileError]
    ) -> dict[tuple[str, Hashable], PlanImage]:
        """Each plan image of the file read as the consoles will draw it; its type is taken from it."""
        images = {}
        for site in sites:
            for entry in entries_of(site, Kind.PLAN):
                content = entry.fields.get("content")
                if content is None:
                    continue
                try:
                    image = inspect_image(content)
                except PlanError as exc:
                    errors.append(FileError(entry.origin, f"plan image: {exc}"))
                    continue
                given = entry.fields.setdefault("media_type", image.media_type)
                if given != image.media_type:
                    errors.append(
                        FileError(entry.origin, f"media_type {given} but the image is {image.media_type}")
                    )
                images[(site.code, entry.key)] = image
        return images

    def _check_positions(
        self,
        site: SiteEntry,
        plan: SitePlan,
        stored: StoredSite | None,
        images: dict[tuple[str, Hashable], PlanImage],
        errors: list[FileError],
    ) -> None:
        """A zone placed off its plan's image is refused, as the plan editor refuses it."""
        if not any(
            c.kind in (Kind.ZONE, Kind.PLAN) and c.action is not Action.UNCHANGED for c in plan.children
        ):
            return
        plans = final_records(plan, stored, Kind.PLAN)
        origins = {c.key: c.origin for c in plan.children if c.kind is Kind.ZONE}
        for number, zone in final_records(plan, stored, Kind.ZONE).items():
            level, x, y = zone.get("level"), zone.get("x"), zone.get("y")
            if level is None or x is None or y is None or level not in plans:
                continue
            image = images.get((site.code, level))
            if image is None:
                try:
                    image = images[(site.code, level)] = inspect_image(plans[level]["content"])
                except PlanError:
                    continue  # a stored image the editor took; not this import's to refuse
            if not image.contains(x, y):
                errors.append(
                    FileError(
                        origins.get(number, site.origin),
                        f"zone {number} at ({x:g}, {y:g}) is off the plan of level {level} "
                        f"({image.width:g} × {image.height:g})",
                    )
                )

    @staticmethod
    def _removal_refusals(session: Session, plans: list[SitePlan]) -> list[FileError]:
        """A contact with calls, a transmitter with signals, left out of the file: kept by the history."""
        errors = []
        for kind, history in ((Kind.TRANSMITTER, "signals"), (Kind.CONTACT, "calls")):
            removed = [
                (p, c) for p in plans for c in p.children if c.kind is kind and c.action is Action.REMOVE
            ]
            used = records_in_use(session, kind, [(c.stored_id or 0, c.fields) for _p, c in removed])
            for p, c in removed:
                if c.stored_id in used:
                    errors.append(
                        FileError(
                            c.origin,
                            f"{label(kind, c.key)} of site {p.code} is left out but has {history} in the "
                            "history: it cannot be removed (keep it in the file)",
                        )
                    )
        return errors

    def _verified_words(
        self, sites: list[SiteEntry], stored: dict[str, StoredSite], trust: bool
    ) -> dict[tuple[str, str], bool]:
        """For each (stored hash, file's word) the comparison will ask about: whether they match."""
        pairs: set[tuple[str, str]] = set()
        for site in sites:
            known = stored.get(site.code)
            if known is None:
                continue
            contacts = known.records.get(Kind.CONTACT, {})
            for entry in entries_of(site, Kind.CONTACT):
                before = contacts.get(entry.key)
                for kind, name in HASHED:
                    word, stored_hash = entry.fields.get(name), before.fields.get(name) if before else None
                    if kind is Kind.CONTACT and word and stored_hash:
                        pairs.add((stored_hash, word))
        if trust:
            return dict.fromkeys(pairs, True)
        ordered = sorted(pairs)
        return dict(
            zip(ordered, self._map(lambda pair: verify_spoken_word(pair[1], pair[0]), ordered), strict=True)
        )

    def _hash_new_words(self, plans: list[SitePlan]) -> None:
        targets = [
            (record.fields, name)
            for plan in plans
            for record in plan.children
            for name, value in record.fields.items()
            if isinstance(value, NewSecret)
        ]
        hashes = self._map(lambda target: hash_spoken_word(target[0][target[1]]), targets)
        for (fields, name), hashed in zip(targets, hashes, strict=True):
            fields[name] = hashed

    def _map(self, work: Callable[[T], R], items: list[T]) -> list[R]:
        """`work` over `items` on every core (scrypt releases the GIL while it hashes)."""
        if len(items) < 2 or self._workers == 1:
            return [work(item) for item in items]
        with ThreadPoolExecutor(max_workers=self._workers, thread_name_prefix="vigie-hash") as pool:
            return list(pool.map(work, items))


def export_station(
    db: Database, deliver: Callable[[str], None], destination: str, clock: Clock = utc_now
) -> int:
    """Hand the whole station as a JSON station file to `deliver`, secrets left out (a re-import
    keeps the stored ones); returns how many sites it holds.

    Customers' names and phone numbers leave the station with it, so once delivered the export is
    journaled (no operator: the station's tooling, like `vigie search`), with where it went."""
    with collector_paused(), db.read() as session:
        sites = load_sites(session, all_site_codes(session))
        text = export_station_json(list(sites.values()))
    deliver(text)
    with db.write() as session:
        journal.append(
            session,
            JournalDraft(
                at=clock(),
                action=JournalAction.SITES_EXPORTED,
                detail=f"{len(sites)} sites exported (secrets left out) to {destination}",
            ),
        )
    return len(sites)
