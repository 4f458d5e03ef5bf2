"""Call recordings on disk: repairing a WAV whose writer was killed, fingerprinting the final file.

Pure Python (no Qt, no pjsua2), so the repair runs at start-up before any telephony exists. A WAV
writer puts the sizes in the header only when it closes the file; if the console dies mid-call,
the header says 0 (or an older size) while the audio is all there. Fixing the two sizes from the
file's length, minus a partly written last frame, gives back a playable file losing at most what
was still in the writer's buffer.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

_HEADER_MIN = 44  # RIFF + WAVE + "fmt " chunk of 16 bytes + "data" chunk header
_MAX_CHUNKS = 64  # a real file has 2 to 4 chunks before its data; more is garbage
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class WavRepair:
    """What `repair_wav` found and did; `detail` is worded for the journal."""

    path: Path
    playable: bool
    repaired: bool
    duration_s: float = 0.0
    detail: str = ""


@dataclass(frozen=True, slots=True)
class _Layout:
    riff_size: int
    data_size_offset: int  # where the data chunk's size field is
    data_start: int
    declared_data: int
    block_align: int
    sample_rate: int


def _read_at(handle: BinaryIO, offset: int, size: int) -> bytes:
    handle.seek(offset)
    return handle.read(size)


def _layout(handle: BinaryIO, file_len: int) -> _Layout | str:
    """Where the fmt and data chunks are, or why the file cannot be a WAV."""
    head = _read_at(handle, 0, 12)
    if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
        return "not a RIFF/WAVE file"
    riff_size = struct.unpack_from("<I", head, 4)[0]
    offset = 12
    block_align = sample_rate = 0
    for _ in range(_MAX_CHUNKS):
        chunk = _read_at(handle, offset, 8)
        if len(chunk) < 8:
            return "no data chunk"
        chunk_id, size = chunk[:4], struct.unpack_from("<I", chunk, 4)[0]
        if chunk_id == b"data":
            if not block_align or not sample_rate:
                return "no format chunk before the audio"
            return _Layout(riff_size, offset + 4, offset + 8, size, block_align, sample_rate)
        if chunk_id == b"fmt ":
            fmt = _read_at(handle, offset + 8, 16)
            if size < 16 or len(fmt) < 16:
                return "truncated format chunk"
            _tag, _channels, sample_rate, _byte_rate, block_align = struct.unpack_from("<HHIIH", fmt)
        offset += 8 + size + (size & 1)
        if offset > file_len:
            return "a chunk runs past the end of the file"
    return "no data chunk"


def repair_wav(path: Path | str) -> WavRepair:
    """Make the header's sizes agree with the audio actually on disk; keep the format as it is.

    A sound header (data chunk inside the file, RIFF size equal to the file's) is left untouched.
    Otherwise the data chunk is taken to run to the end of the file, cut to whole frames. A file
    too short or too damaged to be a WAV is reported unplayable; only a missing file raises (OSError).
    """
    path = Path(path)
    with path.open("r+b") as handle:
        file_len = path.stat().st_size
        if file_len < _HEADER_MIN:
            return WavRepair(path, playable=False, repaired=False, detail=f"only {file_len} bytes, no header")
        layout = _layout(handle, file_len)
        if isinstance(layout, str):
            return WavRepair(path, playable=False, repaired=False, detail=layout)
        data_end = layout.data_start + layout.declared_data
        killed = layout.declared_data == 0 and file_len > layout.data_start  # audio after an empty header
        if not killed and data_end <= file_len and layout.riff_size == file_len - 8:
            return WavRepair(
                path, playable=True, repaired=False, duration_s=_duration(layout.declared_data, layout)
            )
        available = file_len - layout.data_start
        data_size = min(available - available % layout.block_align, 0xFFFFFFFF - layout.data_start)
        data_size -= data_size % layout.block_align
        pad = data_size & 1  # RIFF chunks have even lengths (8-bit mono audio can be odd)
        handle.truncate(layout.data_start + data_size)
        if pad:
            handle.seek(layout.data_start + data_size)
            handle.write(b"\0")
        handle.seek(4)
        handle.write(struct.pack("<I", layout.data_start + data_size + pad - 8))
        handle.seek(layout.data_size_offset)
        handle.write(struct.pack("<I", data_size))
        handle.flush()
        os.fsync(handle.fileno())  # the repaired header is what gets hashed and kept
        cut = available - data_size
        detail = f"header sizes set from the file ({data_size} bytes of audio" + (
            f", {cut} bytes of a partial frame cut)" if cut else ")"
        )
        return WavRepair(
            path, playable=True, repaired=True, duration_s=_duration(data_size, layout), detail=detail
        )


def _duration(data_size: int, layout: _Layout) -> float:
    return (data_size // layout.block_align) / layout.sample_rate


def fingerprint(path: Path | str) -> tuple[int, str]:
    """Size and SHA-256 (hex) of the file as read now, in chunks so an hour of audio needs no memory."""
    digest = hashlib.sha256()
    size = 0
    with Path(path).open("rb") as handle:
        while block := handle.read(_CHUNK):
            digest.update(block)
            size += len(block)
    return size, digest.hexdigest()


def free_bytes(folder: Path | str) -> int:
    """Free space where recordings go; a folder not created yet is measured on its nearest parent."""
    target = Path(folder).absolute()
    while not target.exists() and target.parent != target:
        target = target.parent
    return shutil.disk_usage(target).free
