"""Listening to the far end alone: its level for the meter, its audio for the self-test.

Both use pjmedia's own C objects, never a Python `AudioMediaPort`: a Python port's callbacks run
on pjmedia's clock thread, and dropping its last reference while a tick is calling it crashes the
process (seen here under load). The conference bridge already measures every port's level, and a
second recorder fed only by the call's audio keeps what the far end sent.
"""

from __future__ import annotations

import math

_LEVEL_SCALE = 16


def ulaw_level_dbfs(level: int) -> float:
    """pjmedia's port level as dBFS.

    pjmedia_conf stores `linear2ulaw(average amplitude) ^ 0xff`: the µ-law segment and mantissa
    of the last frame's average absolute amplitude, 0..127, on a scale 16 times below 16-bit
    PCM (calibrated here: a 1 kHz tone at -11.5 dBFS RMS in the recording reads 37, which
    decodes to 556, and 556 × 16 gives -11.3 dBFS).
    """
    code = level & 0x7F  # an average amplitude is never negative: no sign bit
    exponent, mantissa = code >> 4, code & 0x0F
    amplitude = ((((mantissa << 3) + 0x84) << exponent) - 0x84) * _LEVEL_SCALE
    if amplitude <= 0:
        return -math.inf
    return min(0.0, 20 * math.log10(amplitude / 32768.0))
