"""The queue's station settings from console.ini, with safe defaults.

```ini
[service_level]
stall_after_s = 180        ; a taken alarm with no operator activity for this long is stalled
share_first_pct = 80       ; shift target: share of alarms taken within take_within_s
share_second_pct = 98.5    ; shift target: share taken within take_late_s

[shift]
starts = 06:00, 14:00, 22:00   ; local wall-clock times

[closing]
min_comment_words = 3      ; fewest words a closing comment may have
```

(`take_within_s` / `take_late_s` are read by `workstation.service_targets`.) A hand-edited file
with nonsense falls back to the defaults rather than stopping the console.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

from PySide6.QtCore import QSettings

from console.domain.alarm import DEFAULT_MIN_COMMENT_WORDS
from console.domain.shift import DEFAULT_SHIFT_STARTS, ShareTargets, parse_shift_starts
from console.domain.stall import DEFAULT_STALL_AFTER_S


@dataclass(frozen=True, slots=True)
class QueueSettings:
    stall_after_s: float = DEFAULT_STALL_AFTER_S
    shift_starts: tuple[time, ...] = DEFAULT_SHIFT_STARTS
    share_targets: ShareTargets = field(default_factory=ShareTargets)
    min_comment_words: int = DEFAULT_MIN_COMMENT_WORDS


def read_queue_settings(settings: QSettings | None) -> QueueSettings:
    defaults = QueueSettings()
    if settings is None:
        return defaults
    return QueueSettings(
        stall_after_s=_stall_after(settings, defaults.stall_after_s),
        shift_starts=_shift_starts(settings, defaults.shift_starts),
        share_targets=_share_targets(settings, defaults.share_targets),
        min_comment_words=_min_comment_words(settings, defaults.min_comment_words),
    )


def _min_comment_words(settings: QSettings, default: int) -> int:
    try:
        value = int(str(settings.value("closing/min_comment_words", default)))
    except (TypeError, ValueError):
        return default
    return value if 1 <= value <= 50 else default


def _stall_after(settings: QSettings, default: float) -> float:
    try:
        value = float(settings.value("service_level/stall_after_s", default))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return value if value > 0 else default


def _shift_starts(settings: QSettings, default: tuple[time, ...]) -> tuple[time, ...]:
    raw = settings.value("shift/starts")  # "06:00, 14:00" comes back as a list of strings
    if raw is None:
        return default
    try:
        return parse_shift_starts(raw if isinstance(raw, str | list) else str(raw))
    except (TypeError, ValueError):
        return default


def _share_targets(settings: QSettings, default: ShareTargets) -> ShareTargets:
    try:
        return ShareTargets(
            float(settings.value("service_level/share_first_pct", default.first_pct)),  # type: ignore[arg-type]
            float(settings.value("service_level/share_second_pct", default.second_pct)),  # type: ignore[arg-type]
        )
    except (TypeError, ValueError):
        return default
