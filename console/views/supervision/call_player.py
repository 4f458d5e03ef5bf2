"""A recording player for the audit: play/pause, a position bar to seek, the speed, the keyboard.

QtMultimedia's FFmpeg backend plays a WAV even where the workstation has no audio output: the
position still runs and the bar still seeks, the sound goes nowhere. That is said beside the
buttons ("No audio output"), so a supervisor never takes silence for an empty recording.

The player never starts by itself: `play_requested` goes to the page, which journals the
listening first and then calls `start()`. Once journaled, pause and resume are the same hearing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from console.domain.call_audit import clock_text

SEEK_STEP_MS = 5000
SPEEDS = (1.0, 1.5, 2.0)


class CallPlayer(QWidget):
    play_requested = Signal()  # the first Play on a loaded recording: the page journals, then start()
    position_changed = Signal(float)  # seconds into the recording
    playing_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("call_player")
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self._granted = False  # the listening of this recording is journaled
        self._updating = False

        self.play_button = QPushButton(self.tr("Play"), self)
        self.play_button.setObjectName("call_player_play")
        self.play_button.setEnabled(False)
        self.play_button.clicked.connect(self._on_play_clicked)
        self.position_bar = QSlider(Qt.Orientation.Horizontal, self)
        self.position_bar.setObjectName("call_player_position")
        self.position_bar.setEnabled(False)
        self.position_bar.setPageStep(SEEK_STEP_MS)
        self.position_bar.setSingleStep(1000)
        self.position_bar.setAccessibleName(self.tr("Position in the recording"))
        self.position_bar.valueChanged.connect(self._on_bar_moved)
        self.elapsed = QLabel("0:00", self)
        self.elapsed.setObjectName("call_player_elapsed")
        self.total = QLabel("0:00", self)
        self.total.setObjectName("call_player_total")
        self.speed = QComboBox(self)
        self.speed.setObjectName("call_player_speed")
        self.speed.setAccessibleName(self.tr("Playback speed"))
        for rate in SPEEDS:
            self.speed.addItem(f"{rate:g}×", rate)
        self.speed.currentIndexChanged.connect(self._on_speed_chosen)
        self.output_note = QLabel(self)
        self.output_note.setObjectName("call_player_output_note")
        self.output_note.setStyleSheet("color: #b36b00;")
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._on_outputs_changed)
        self._on_outputs_changed()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = QHBoxLayout()
        for widget in (self.play_button, self.elapsed, self.position_bar, self.total, self.speed):
            layout.addWidget(widget, 1 if widget is self.position_bar else 0)
        outer.addLayout(layout)
        outer.addWidget(self.output_note)

        self.player.positionChanged.connect(self._on_position)
        self.player.durationChanged.connect(self._on_duration)
        self.player.playbackStateChanged.connect(self._on_state)
        self.player.errorOccurred.connect(self._on_error)
        self.actions_by_name: dict[str, QAction] = {}
        for name, key, slot in (
            ("play_pause", Qt.Key.Key_Space, self.toggle),
            ("back", Qt.Key.Key_Left, self.step_back),
            ("forward", Qt.Key.Key_Right, self.step_forward),
        ):
            action = QAction(self)
            action.setObjectName(f"call_player_{name}")
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.actions_by_name[name] = action

        self.addActions(list(self.actions_by_name.values()))

    def attach_shortcuts(self, *owners: QWidget) -> None:
        """Space and the arrows also work in `owners` (the page's tables), not in the filter form,
        where Space presses the focused button or opens the focused list as usual."""
        for owner in owners:
            owner.addActions(list(self.actions_by_name.values()))

    # --- what the page does ------------------------------------------------------------------

    def load(self, path: Path | None, playable: bool) -> None:
        """Show a recording (None: nothing to play); Play enables only when `playable`."""
        self.player.stop()
        self._granted = False
        self.player.setSource(QUrl.fromLocalFile(str(path)) if path is not None else QUrl())
        self.play_button.setEnabled(path is not None and playable)
        self.position_bar.setEnabled(path is not None and playable)
        self._show_position(0)

    def clear(self) -> None:
        self.load(None, False)

    def start(self) -> None:
        """Play, once the page has journaled the listening."""
        self._granted = True
        if self.play_button.isEnabled():
            self.player.play()

    def seek(self, position_ms: int) -> None:
        self.player.setPosition(max(0, min(position_ms, self.player.duration() or position_ms)))

    def set_speed(self, rate: float) -> None:
        self.speed.setCurrentIndex(SPEEDS.index(rate))

    @property
    def playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    @property
    def has_output(self) -> bool:
        return not QMediaDevices.defaultAudioOutput().isNull()

    # --- slots -------------------------------------------------------------------------------

    @Slot()
    def toggle(self) -> None:
        if not self.play_button.isEnabled():
            return
        if self.playing:
            self.player.pause()
        elif self._granted:
            self.player.play()
        else:
            self.play_requested.emit()

    @Slot()
    def _on_play_clicked(self) -> None:
        self.toggle()

    @Slot()
    def step_back(self) -> None:
        if self.position_bar.isEnabled():
            self.seek(self.player.position() - SEEK_STEP_MS)

    @Slot()
    def step_forward(self) -> None:
        if self.position_bar.isEnabled():
            self.seek(self.player.position() + SEEK_STEP_MS)

    @Slot(int)
    def _on_bar_moved(self, value: int) -> None:
        if not self._updating:
            self.player.setPosition(value)

    @Slot(int)
    def _on_speed_chosen(self, index: int) -> None:
        self.player.setPlaybackRate(float(self.speed.itemData(index)))

    @Slot("qint64")
    def _on_position(self, position_ms: int) -> None:
        self._show_position(position_ms)
        self.position_changed.emit(position_ms / 1000)

    @Slot("qint64")
    def _on_duration(self, duration_ms: int) -> None:
        self._updating = True
        try:
            self.position_bar.setRange(0, max(0, duration_ms))
        finally:
            self._updating = False
        self.total.setText(clock_text(duration_ms / 1000))

    @Slot(QMediaPlayer.PlaybackState)
    def _on_state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.playing_changed.emit(playing)

    @Slot(QMediaPlayer.Error, str)
    def _on_error(self, _error: QMediaPlayer.Error, message: str) -> None:
        self.output_note.setText(self.tr("Cannot play this recording: %1").replace("%1", message))

    @Slot()
    def _on_outputs_changed(self) -> None:
        self.audio.setDevice(QMediaDevices.defaultAudioOutput())
        self.output_note.setText(
            ""
            if self.has_output
            else self.tr("No audio output on this workstation: the recording plays silently")
        )

    def _show_position(self, position_ms: int) -> None:
        self._updating = True
        try:
            self.position_bar.setValue(position_ms)
        finally:
            self._updating = False
        self.elapsed.setText(clock_text(position_ms / 1000))
