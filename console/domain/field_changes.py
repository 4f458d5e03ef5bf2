"""What a change of a site's records says in the journal: each field before → after, secrets as "changed".

The journal is read by supervisors and auditors, and it is kept for years: it must tell what changed
without ever holding a key, a password or a duress word (console/domain/site_fields.py marks them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from console.domain.site_fields import RULE_BY_NAME, RULES, Kind, StepDraft


def shown(value: Any) -> str:
    """A value as the journal writes it: text quoted (shortened past 80 characters), nothing as "—"."""
    if value is None or value == () or value == "":
        return "—"
    if isinstance(value, tuple | list):
        return ", ".join(shown(v) for v in value)
    if isinstance(value, StepDraft):
        return f"'{_short(value.text)}'" + (" (mandatory)" if value.mandatory else "")
    if isinstance(value, str):
        return f"'{_short(value)}'"
    return str(value)


def _short(value: str) -> str:
    one_line = " ".join(value.split())
    return one_line if len(one_line) <= 80 else one_line[:77] + "..."


def change_lines(kind: Kind, before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    """ "field before → after" for each field `after` changes; secrets as "field changed" only.

    `before` holds secrets however the store has them (a hash, a key): only whether they differ is used."""
    rules = RULE_BY_NAME[kind]
    lines = []
    for name, new in after.items():
        old = before.get(name)
        if rules[name].secret:
            if new is not None:
                lines.append(f"{name} changed")
        elif name == "steps":
            lines.extend(step_lines(old or (), new))
        elif _comparable(old) != _comparable(new):
            lines.append(f"{name} {shown(old)} → {shown(new)}")
    return lines


def step_lines(before: Iterable[StepDraft], after: Iterable[StepDraft]) -> list[str]:
    """Step by rank: what each position held and holds now."""
    old, new = list(before), list(after)
    lines = []
    for rank in range(1, max(len(old), len(new)) + 1):
        was = old[rank - 1] if rank <= len(old) else None
        now = new[rank - 1] if rank <= len(new) else None
        if was is not None and now is not None and (was.text, was.mandatory) == (now.text, now.mandatory):
            continue
        lines.append(f"step {rank} {shown(was)} → {shown(now)}")
    return lines


def _comparable(value: Any) -> Any:
    if value is None or value == "" or value == ():
        return None
    if isinstance(value, list):
        return tuple(value)
    return value


def describe(kind: Kind, values: Mapping[str, Any]) -> list[str]:
    """A new record's fields for its journal line (those with a value); secrets as "changed"."""
    lines = []
    for rule in RULES[kind]:
        value: Any = values.get(rule.name)
        if _comparable(value) is None:
            continue
        if rule.secret:
            lines.append(f"{rule.name} changed")
        elif rule.name == "steps":
            lines.extend(f"step {rank} {shown(step)}" for rank, step in enumerate(value, start=1))
        else:
            lines.append(f"{rule.name} {shown(value)}")
    return lines
