"""Tone measurement on 16-bit PCM: is a given frequency there, and how loud.

Pure Python (a Goertzel filter per candidate frequency), so the station self-test needs no numpy:
it only ever asks "did the 1 kHz tone I sent come back, and at what level?".
"""

from __future__ import annotations

import math
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ToneMeasure:
    frequency_hz: float  # the strongest candidate
    level_dbfs: float  # RMS of the whole excerpt
    tone_share: float  # part of the excerpt's energy at that frequency (0..1): 1 for a pure tone


def samples_of(pcm: bytes) -> array[int]:
    values = array("h")
    values.frombytes(pcm[: len(pcm) - len(pcm) % 2])
    return values


def rms_dbfs(samples: array[int] | list[int]) -> float:
    if not samples:
        return -math.inf
    mean_square = sum(s * s for s in samples) / len(samples)
    return 10 * math.log10(mean_square / 32768.0**2) if mean_square > 0 else -math.inf


def goertzel_power(samples: array[int] | list[int], rate: int, frequency: float) -> float:
    """Power of `frequency` in the samples, normalised so a full-scale sine gives about 0.5."""
    n = len(samples)
    if n == 0:
        return 0.0
    coeff = 2 * math.cos(2 * math.pi * frequency / rate)
    s_prev = s_prev2 = 0.0
    for sample in samples:
        s = sample / 32768.0 + coeff * s_prev - s_prev2
        s_prev2, s_prev = s_prev, s
    power = s_prev2 * s_prev2 + s_prev * s_prev - coeff * s_prev * s_prev2
    return 2 * power / (n * n)


def measure_tone(
    samples: array[int] | list[int],
    rate: int,
    low_hz: float = 200,
    high_hz: float = 3400,
    step_hz: float = 10,
) -> ToneMeasure:
    """Scan the telephone band for the strongest frequency (on at most 0.25 s: 4 Hz resolution, quick)."""
    excerpt = samples[: rate // 4]
    level = rms_dbfs(excerpt)
    if not excerpt or level == -math.inf:
        return ToneMeasure(0.0, -math.inf, 0.0)
    total = sum((s / 32768.0) ** 2 for s in excerpt) / len(excerpt)
    best_f, best_p = 0.0, -1.0
    frequency = low_hz
    while frequency <= high_hz:
        power = goertzel_power(excerpt, rate, frequency)
        if power > best_p:
            best_f, best_p = frequency, power
        frequency += step_hz
    # Refine around the coarse peak.
    for fine in (best_f + d for d in range(-int(step_hz), int(step_hz) + 1, 2)):
        power = goertzel_power(excerpt, rate, fine)
        if power > best_p:
            best_f, best_p = fine, power
    return ToneMeasure(best_f, level, min(1.0, best_p / total) if total else 0.0)


def read_wav_samples(
    path: Path, start_s: float = 0.0, length_s: float | None = None
) -> tuple[array[int], int]:
    """Mono 16-bit samples of a WAV file (the recorder's format) and its rate."""
    with wave.open(str(path), "rb") as wav:
        rate = wav.getframerate()
        if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
            raise ValueError(
                f"{path}: expected 16-bit mono, got {wav.getsampwidth() * 8}-bit x{wav.getnchannels()}"
            )
        wav.setpos(min(wav.getnframes(), int(start_s * rate)))
        count = wav.getnframes() if length_s is None else int(length_s * rate)
        return samples_of(wav.readframes(count)), rate


def tone_segments(samples: array[int], rate: int, frequency: float, window_s: float = 0.02) -> list[bool]:
    """For each window, is the tone present (most of the window's energy at `frequency`)?

    Used to check a recorded tone has no gaps: a lost packet or a dropped recorder frame shows as
    a window without the tone.
    """
    size = max(1, int(rate * window_s))
    present = []
    for start in range(0, len(samples) - size + 1, size):
        window = samples[start : start + size]
        energy = sum((s / 32768.0) ** 2 for s in window) / size
        present.append(energy > 1e-6 and goertzel_power(window, rate, frequency) / energy > 0.5)
    return present
