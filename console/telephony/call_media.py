"""One call's media in pjsua2's conference bridge: who hears whom, the recording, the far-end capture.

Every object here is one of pjmedia's own (recorders, tone generators, the call's port): no
Python `AudioMediaPort`, whose clock-thread callbacks crash the process if its last reference goes
while a tick is calling it. The bridge fires a new media state on every re-INVITE with a new
conference slot, so the links are always rebuilt from the call's state (`reconnect`), never patched.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pjsua2 as pj

from console.domain.calls import CallDirection
from console.telephony.levels import ulaw_level_dbfs

log = logging.getLogger(__name__)


class RecordingFault(Exception):
    """The call goes on but is not recorded; the message is for the operator."""


@dataclass(eq=False)
class PhoneCall:
    """A call as the engine tracks it; the pjsua2 objects die with it."""

    handle: int
    direction: CallDirection
    remote_uri: str
    created_at: datetime
    sip: Any = None  # the engine's pj.Call
    audio: Any = None  # pj.AudioMedia while media is active
    recorder: Any = None
    recording_path: Path | None = None
    recording_refused: bool = False  # a fault was reported: not retried on the next media update
    disk_warned: bool = False  # the operator was told the disk is filling up during this call
    far_recorder: Any = None  # the far end alone, while a capture is asked for
    far_path: Path | None = None
    tone: Any = None
    ringing: bool = False
    answered: bool = False
    held: bool = False
    microphone_muted: bool = False
    hung_up_locally: bool = False
    transferred: bool = False
    transfer_target: str = ""
    ended: bool = False
    media_links: list[tuple[Any, Any]] = field(default_factory=list)

    @property
    def far_end_level_dbfs(self) -> float:
        """The site's sound, measured by the conference bridge on the call's port."""
        if self.audio is None:
            return float("-inf")
        try:
            return ulaw_level_dbfs(int(self.audio.getTxLevel()))  # tx: what the port gives the bridge
        except pj.Error:
            return float("-inf")

    # -- links ------------------------------------------------------------------------------------

    def links(self, headset: Any) -> list[tuple[Any, Any]]:
        """Who transmits to whom, given hold, mute and the headset; the recording hears both sides."""
        audio = self.audio
        if audio is None:
            return []
        links: list[tuple[Any, Any]] = []
        if self.far_recorder is not None:
            links.append((audio, self.far_recorder))
        if self.recorder is not None:
            links.append((audio, self.recorder))
        if self.tone is not None:
            links.append((self.tone, audio))
            if self.recorder is not None:
                links.append((self.tone, self.recorder))
        if headset is not None and not self.held:
            links.append((audio, headset))
            if not self.microphone_muted:
                links.append((headset, audio))
                if self.recorder is not None:
                    links.append((headset, self.recorder))
        return links

    def connect(self, headset: Any) -> None:
        for source, sink in self.links(headset):
            try:
                source.startTransmit(sink)
                self.media_links.append((source, sink))
            except pj.Error as exc:
                log.warning("call %s: media link failed: %s", self.handle, exc.reason)

    def disconnect(self) -> None:
        for source, sink in self.media_links:
            with contextlib.suppress(pj.Error):
                source.stopTransmit(sink)
        self.media_links.clear()

    def reconnect(self, headset: Any) -> None:
        self.disconnect()
        self.connect(headset)

    # -- recording --------------------------------------------------------------------------------

    def start_recording(self, recordings_dir: Path, min_free_bytes: int) -> Path:
        """Open the call's WAV (both sides, mixed); RecordingFault when the disk cannot take it."""
        folder = recordings_dir / f"{self.created_at:%Y-%m-%d}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            free = shutil.disk_usage(folder).free
        except OSError as exc:
            raise self._refused(f"recordings folder unusable: {exc}") from exc
        if free < min_free_bytes:
            raise self._refused(f"disk full: {free // (1024 * 1024)} MB free in {folder}, call not recorded")
        path = folder / f"{self.created_at:%Y%m%dT%H%M%S}Z-{self.direction}-{uuid.uuid4().hex[:8]}.wav"
        recorder = pj.AudioMediaRecorder()
        try:
            recorder.createRecorder(str(path))
        except pj.Error as exc:
            raise self._refused(f"cannot record to {path}: {exc.reason}") from exc
        self.recorder, self.recording_path = recorder, path
        return path

    def _refused(self, message: str) -> RecordingFault:
        self.recording_refused = True
        return RecordingFault(message)

    def start_capture(self, folder: Path) -> None:
        """A second recorder fed by the far end only (the self-test's proof that the echo came back)."""
        path = folder / f".far-end-{uuid.uuid4().hex[:8]}.wav"
        recorder = pj.AudioMediaRecorder()
        try:
            recorder.createRecorder(str(path))
        except pj.Error as exc:
            log.warning("call %s: no far-end capture: %s", self.handle, exc.reason)
            return
        self.far_recorder, self.far_path = recorder, path

    def stop_capture(self, headset: Any) -> Path | None:
        """Release the capture's recorder; its file is final one media tick later."""
        if self.far_recorder is not None:
            self.disconnect()
            self.far_recorder = None
            self.connect(headset)
        return self.far_path

    def release(self) -> tuple[Path | None, Path | None]:
        """Let go of every media object; returns (recording to announce final, capture to delete)."""
        self.disconnect()
        self.audio = None
        self.tone = None
        self.far_recorder = None
        scrap, self.far_path = self.far_path, None
        finished = None
        if self.recorder is not None:
            self.recorder = None  # pjsua2 destroys it; the header follows one media tick later
            finished = self.recording_path
        return finished, scrap
