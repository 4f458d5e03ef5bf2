"""Sound levels as pjmedia measures them: the far end's level for the meter, without a Python port.

The conference bridge already measures every port's level; reading it avoids a Python
`AudioMediaPort`, whose callbacks run on pjmedia's clock thread and crash the process when its
last reference goes while a tick is calling it (seen here under load).
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
