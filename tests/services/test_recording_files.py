"""Recordings on disk: WAVs left by a killed writer are repaired and read back; fingerprints are exact."""

from __future__ import annotations

import hashlib
import os
import struct
import wave
from pathlib import Path

import pytest

from console.services.recording_files import fingerprint, free_bytes, repair_wav


def write_wav(
    path: Path, *, seconds: float = 1.0, rate: int = 8000, width: int = 2, channels: int = 1
) -> bytes:
    """A WAV written by Python's `wave`, with recognisable audio; returns the audio bytes."""
    frames = int(seconds * rate)
    audio = bytes((i * 7 + i // 256) % 251 for i in range(frames * width * channels))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(audio)
    return audio


def kill_writer(path: Path, *, riff: int = 0, data: int = 0, extra: bytes = b"") -> None:
    """What a writer killed mid-call leaves: header sizes never updated, maybe half a frame at the end."""
    with path.open("r+b") as handle:
        handle.seek(4)
        handle.write(struct.pack("<I", riff))
        handle.seek(40)
        handle.write(struct.pack("<I", data))
        handle.seek(0, os.SEEK_END)
        handle.write(extra)


def read_back(path: Path) -> tuple[int, int, int, int, bytes]:
    with wave.open(str(path), "rb") as wav:
        params = wav.getparams()
        return (
            params.nchannels,
            params.sampwidth,
            params.framerate,
            params.nframes,
            wav.readframes(params.nframes),
        )


def test_an_intact_file_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "call.wav"
    write_wav(path, seconds=1.5)
    before = path.read_bytes()
    result = repair_wav(path)
    assert result.playable and not result.repaired and result.duration_s == 1.5
    assert path.read_bytes() == before


def test_zeroed_sizes_are_rebuilt_from_the_file_length(tmp_path: Path) -> None:
    path = tmp_path / "call.wav"
    audio = write_wav(path, seconds=2.0)
    kill_writer(path)
    with pytest.raises(wave.Error):  # what a player makes of it before the repair
        read_back(path)
    result = repair_wav(path)
    assert result.playable and result.repaired and result.duration_s == 2.0
    assert read_back(path) == (1, 2, 8000, 16000, audio)
    assert repair_wav(path).repaired is False  # a second start finds nothing to do


def test_a_partial_last_frame_is_cut(tmp_path: Path) -> None:
    path = tmp_path / "call.wav"
    audio = write_wav(path, seconds=1.0, channels=2)  # 4-byte frames
    kill_writer(path, extra=b"\x01\x02\x03")
    result = repair_wav(path)
    assert result.repaired and "3 bytes of a partial frame cut" in result.detail
    assert read_back(path) == (2, 2, 8000, 8000, audio)
    assert path.stat().st_size == 44 + len(audio)


def test_a_trailing_odd_byte_of_16_bit_audio_is_cut(tmp_path: Path) -> None:
    path = tmp_path / "call.wav"
    audio = write_wav(path, seconds=0.5)
    kill_writer(path, extra=b"\x7f")
    assert repair_wav(path).repaired
    assert read_back(path)[3:] == (4000, audio)


def test_truncated_mid_frame_with_a_stale_header(tmp_path: Path) -> None:
    """The writer last updated the header half a second in, then wrote more and died mid-frame."""
    path = tmp_path / "call.wav"
    audio = write_wav(path, seconds=1.0)
    with path.open("r+b") as handle:
        handle.truncate(44 + 12001)  # 6000 frames and one byte of the next
    kill_writer(path, riff=36 + 8000, data=8000)
    result = repair_wav(path)
    assert result.repaired and result.duration_s == 0.75
    assert read_back(path)[3:] == (6000, audio[:12000])


def test_a_size_claiming_more_than_the_file_is_fixed(tmp_path: Path) -> None:
    path = tmp_path / "call.wav"
    audio = write_wav(path, seconds=0.25)
    kill_writer(path, riff=0xFFFFFFFF, data=0xFFFFFFFF - 36)  # what some streaming writers put
    assert repair_wav(path).repaired
    assert read_back(path)[3:] == (2000, audio)


def test_odd_length_8_bit_audio_gets_its_pad_byte(tmp_path: Path) -> None:
    path = tmp_path / "call.wav"
    write_wav(path, seconds=0.0, width=1)
    with path.open("ab") as handle:
        handle.write(bytes(range(1, 102)))  # 101 samples after an empty header
    result = repair_wav(path)
    assert result.repaired and path.stat().st_size == 44 + 102
    assert read_back(path)[3:] == (101, bytes(range(1, 102)))


def test_an_empty_recording_is_playable_and_needs_nothing(tmp_path: Path) -> None:
    path = tmp_path / "call.wav"
    write_wav(path, seconds=0.0)
    result = repair_wav(path)
    assert result.playable and not result.repaired and result.duration_s == 0.0


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "only 0 bytes"),
        (b"RIFF\0\0\0\0WAVEfmt ", "only 16 bytes"),
        (b"ID3\x04" + bytes(200), "not a RIFF/WAVE file"),
        (b"RIFF\0\0\0\0WAVE" + b"LIST" + struct.pack("<I", 1000) + bytes(40), "past the end"),
        (b"RIFF\0\0\0\0WAVE" + b"data" + struct.pack("<I", 0) + bytes(40), "no format chunk"),
    ],
)
def test_what_cannot_be_a_wav_is_reported_not_raised(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "call.wav"
    path.write_bytes(content)
    result = repair_wav(path)
    assert not result.playable and not result.repaired and fragment in result.detail
    assert path.read_bytes() == content


def test_a_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        repair_wav(tmp_path / "absent.wav")


def test_fingerprint_matches_hashlib_across_chunks(tmp_path: Path) -> None:
    path = tmp_path / "call.wav"
    content = os.urandom(2 * 1024 * 1024 + 12345)
    path.write_bytes(content)
    assert fingerprint(path) == (len(content), hashlib.sha256(content).hexdigest())
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    assert fingerprint(empty) == (0, hashlib.sha256(b"").hexdigest())


def test_free_bytes_of_a_folder_not_created_yet(tmp_path: Path) -> None:
    assert free_bytes(tmp_path) > 0
    assert free_bytes(tmp_path / "recordings" / "2026-11") > 0
    assert not (tmp_path / "recordings").exists()
