"""Payloads to domain signals: Contact ID in ADM-CID, SIA DCS in SIA-DCS, nothing for NULL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.event_codes import CodeSystem
from console.domain.priority import EventCategory
from console.domain.signals import Protocol, Qualifier
from console.receiver.codec import Frame, MalformedFrame, build_frame, parse_frame
from console.receiver.payloads import frame_signals

PANEL = datetime(2024, 3, 4, 10, 11, 12, tzinfo=UTC)
RECEIVED = PANEL + timedelta(seconds=1)
KEY = b"0123456789ABCDEF"


def frame(
    frame_id: str,
    data: str,
    *,
    extended: tuple[str, ...] = (),
    receiver: str | None = "1",
    line: str | None = "2",
    timestamp: datetime | None = PANEL,
) -> Frame:
    return Frame(frame_id, False, 42, receiver, line, "1234", data, extended, timestamp, "RAW-TEXT")


# --------------------------------------------------------------------------------------------
# Contact ID
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digit", "qualifier"), [("1", Qualifier.NEW), ("3", Qualifier.RESTORE), ("6", Qualifier.STATUS)]
)
def test_contact_id_qualifiers(digit: str, qualifier: Qualifier) -> None:
    (signal,) = frame_signals(frame("ADM-CID", f"#1234|{digit}130 01 015"), RECEIVED, "10.0.0.5:4242")
    assert signal.qualifier is qualifier
    assert signal.protocol is Protocol.ADM_CID
    assert signal.event.system is CodeSystem.CONTACT_ID and signal.event.code == "130"
    assert signal.category is EventCategory.INTRUSION
    assert (signal.partition, signal.zone) == (1, 15)
    assert (signal.account, signal.sequence, signal.receiver, signal.line) == ("1234", 42, "1", "2")
    assert (signal.received_at, signal.panel_time, signal.raw, signal.peer) == (
        RECEIVED, PANEL, "RAW-TEXT", "10.0.0.5:4242"
    )  # fmt: skip
    assert signal.extended == {}
    assert signal.is_restore is (qualifier is Qualifier.RESTORE)


@pytest.mark.parametrize("data", ["1110 00 129", "#1234|1110 00 129", "#1234|111000129"])
def test_contact_id_optional_prefix_and_spaces(data: str) -> None:
    (signal,) = frame_signals(frame("ADM-CID", data), RECEIVED)
    assert (signal.event.code, signal.partition, signal.zone, signal.category) == (
        "110",
        0,
        129,
        EventCategory.FIRE,
    )


def test_contact_id_absent_r_and_l_become_empty_strings() -> None:
    (signal,) = frame_signals(frame("ADM-CID", "#1234|1602 00 000", receiver=None, line=None), RECEIVED)
    assert (signal.receiver, signal.line, signal.event.code) == ("", "", "602")
    assert signal.category is EventCategory.TEST


def test_contact_id_unlisted_code_still_reaches_the_operator() -> None:
    (signal,) = frame_signals(frame("ADM-CID", "#1234|1999 01 001"), RECEIVED)
    assert signal.event.code == "999" and signal.event.known is False


@pytest.mark.parametrize(
    "data",
    [
        "#1234|2130 01 015",  # qualifier 2
        "#1234|0130 01 015",  # qualifier 0
        "#1234|9130 01 015",  # qualifier 9
        "#1234|1130 01 15",  # 2-digit zone
        "#1234|1130 1 015",  # 1-digit partition
        "#1234|113 01 015",  # 2-digit code
        "#1234|1130 01 015 ",  # trailing space
        "#1234|113A 01 015",  # letter in code
        "#1234|18 1130 01 015",  # phone-line "18" message type has no place here
        "#12|1130 01 015",  # account too short to be a prefix
        "",
    ],
)
def test_contact_id_malformed(data: str) -> None:
    with pytest.raises(MalformedFrame) as caught:
        frame_signals(frame("ADM-CID", data), RECEIVED)
    assert caught.value.frame is not None and caught.value.frame.data == data


# --------------------------------------------------------------------------------------------
# SIA DCS
# --------------------------------------------------------------------------------------------


def codes(data: str) -> list[tuple[str, int | None, int | None, Qualifier]]:
    return [
        (s.event.code, s.partition, s.zone, s.qualifier)
        for s in frame_signals(frame("SIA-DCS", data), RECEIVED)
    ]


N, R = Qualifier.NEW, Qualifier.RESTORE


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("#1234|Nri1/BA01", [("BA", 1, 1, N)]),
        ("#1234|NRP", [("RP", None, None, N)]),
        ("NRP", [("RP", None, None, N)]),
        ("#1234|Nri2BA05/BR05", [("BA", 2, 5, N), ("BR", 2, 5, R)]),
        ("#1234|Nri1/BA01/ri2/FA03", [("BA", 1, 1, N), ("FA", 2, 3, N)]),
        ("#1234|Nri1/BA01/BA02/BA03", [("BA", 1, 1, N), ("BA", 1, 2, N), ("BA", 1, 3, N)]),
        ("#12345A|NFA129", [("FA", None, 129, N)]),
        ("#1234|Nri1CL0^VX FRONTE ^", [("CL", 1, 0, N)]),  # text after the address is skipped
        ("#1234|Nri1BA01^a/b^/BR01", [("BA", 1, 1, N), ("BR", 1, 1, R)]),  # "/" inside ^text^
        ("#1234|Nri1BA01^unterminated/BR01", [("BA", 1, 1, N), ("BR", 1, 1, R)]),
        ("#1234|Nri1//BA01/", [("BA", 1, 1, N)]),  # empty fields are harmless
        ("#1234|Nda24-03-04/pi3/ri1/BA01", [("BA", 1, 1, N)]),  # unused modifiers skipped
        ("#1234|Nri04/OP001", [("OP", 4, 1, N)]),
    ],
)
def test_sia_events(data: str, expected: list[tuple[str, int | None, int | None, Qualifier]]) -> None:
    assert codes(data) == expected


def test_sia_signal_fields() -> None:
    (signal,) = frame_signals(
        frame("SIA-DCS", "#1234|Nid12/ti10:15/ri3/CL12", extended=("XE002.3456", "YN48.8566", "Vhttp://x")),
        RECEIVED,
        "peer",
    )
    assert signal.protocol is Protocol.SIA_DCS and signal.event.system is CodeSystem.SIA
    assert (signal.event.code, signal.category, signal.partition, signal.zone) == (
        "CL", EventCategory.OPEN_CLOSE, 3, 12
    )  # fmt: skip
    assert signal.extended == {"X": "E002.3456", "Y": "N48.8566", "V": "http://x", "id": "12", "ti": "10:15"}
    assert (signal.account, signal.sequence, signal.receiver, signal.line, signal.panel_time) == (
        "1234", 42, "1", "2", PANEL
    )  # fmt: skip
    assert (signal.received_at, signal.raw, signal.peer) == (RECEIVED, "RAW-TEXT", "peer")


# DC-03 as transmitters write it (issue 16): descriptions, times with seconds, text blocks.


def sia_extended(data: str) -> list[tuple[str, int | None, int | None, dict[str, str]]]:
    return [
        (s.event.code, s.partition, s.zone, s.extended)
        for s in frame_signals(frame("SIA-DCS", data), RECEIVED)
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Nri2^Ground floor^BA5", [("BA", 2, 5, {"ri_text": "Ground floor"})]),
        ("Nri2^Ground floor^/BA5", [("BA", 2, 5, {"ri_text": "Ground floor"})]),
        ("Nid7^Alice^BA7", [("BA", None, 7, {"id": "7", "id_text": "Alice"})]),
        ("Nid7^Alice^/ri3^Shop^/CL7", [("CL", 3, 7, {"id": "7", "id_text": "Alice", "ri_text": "Shop"})]),
        ("Nti13:45:24BA9", [("BA", None, 9, {"ti": "13:45:24"})]),
        ("Nti13:45/BA9", [("BA", None, 9, {"ti": "13:45"})]),
        ("#1101|NBA11|AGlass break", [("BA", None, 11, {"text": "Glass break"})]),
        ("#1101|NBA11|AGlass|A break ", [("BA", None, 11, {"text": "Glass break"})]),  # continued text
        ("#1101|NBA11^Hall PIR^", [("BA", None, 11, {"zone_text": "Hall PIR"})]),
        ("#1234|Nri1CL0^VX FRONTE ^", [("CL", 1, 0, {"zone_text": "VX FRONTE"})]),  # blanks dropped
        ("|Nri1/CL501", [("CL", 1, 501, {})]),  # pysiaalarm: empty first block
        (
            "#1101|Nti13:45:24/ri2^Ground floor^id7^Alice^BA5^Hall PIR^|AGlass break",
            [
                (
                    "BA",
                    2,
                    5,
                    {
                        "ti": "13:45:24",
                        "ri_text": "Ground floor",
                        "id": "7",
                        "id_text": "Alice",
                        "zone_text": "Hall PIR",
                        "text": "Glass break",
                    },
                )
            ],
        ),
        # A new value of a modifier drops the description of the previous one.
        ("Nri1^Hall^BA1/ri2BA2", [("BA", 1, 1, {"ri_text": "Hall"}), ("BA", 2, 2, {})]),
        # A text block is the text of the events of the block it follows, not of earlier blocks.
        (
            "#1101|NBA1|Afirst|NBA2|Asecond|NBA3",
            [("BA", None, 1, {"text": "first"}), ("BA", None, 2, {"text": "second"}), ("BA", None, 3, {})],
        ),
        ("Nri1BA1/BA2|Aboth", [("BA", 1, 1, {"text": "both"}), ("BA", 1, 2, {"text": "both"})]),
        ("Npi3^Keypad^BA1", [("BA", None, 1, {"pi_text": "Keypad"})]),  # other modifiers' descriptions
        ("NBA1^^", [("BA", None, 1, {})]),  # an empty description is no description
    ],
)
def test_sia_dc03_as_transmitters_write_it(
    data: str, expected: list[tuple[str, int | None, int | None, dict[str, str]]]
) -> None:
    assert sia_extended(data) == expected


def test_sia_descriptions_join_the_dc09_extended_data() -> None:
    (signal,) = frame_signals(frame("SIA-DCS", "Nri2^Hall^BA5|Atext", extended=("XE002.3456",)), RECEIVED)
    assert signal.extended == {"X": "E002.3456", "ri_text": "Hall", "text": "text"}


@pytest.mark.parametrize(
    ("data", "part"),
    [
        ("#1234|NBA01|Xfoo", "'Xfoo'"),
        ("#1234|Nri1/BA01!", "'!'"),
        ("#1234|Nti13:4/BA01", "ti'13:4'"),
        ("#1234|AGlass|NBA01", "'AGlass'"),
        ("#12|NBA01", "'#12'"),
    ],
)
def test_sia_refusal_names_the_unreadable_part(data: str, part: str) -> None:
    with pytest.raises(MalformedFrame) as caught:
        frame_signals(frame("SIA-DCS", data), RECEIVED)
    assert part in str(caught.value)


def test_each_signal_owns_its_extended_dict() -> None:
    first, second = frame_signals(frame("SIA-DCS", "Nri1BA01/BA02", extended=("XE1",)), RECEIVED)
    first.extended["X"] = "changed"
    assert second.extended == {"X": "E1"}


def test_repeated_extended_identifier_keeps_the_first() -> None:
    (signal,) = frame_signals(frame("SIA-DCS", "NRP", extended=("Xfirst", "Xsecond")), RECEIVED)
    assert signal.extended == {"X": "first"}


def test_sia_unlisted_code_still_reaches_the_operator() -> None:
    (signal,) = frame_signals(frame("SIA-DCS", "#1234|NBZ07"), RECEIVED)
    assert (signal.event.code, signal.event.known, signal.category) == ("BZ", False, EventCategory.INTRUSION)


@pytest.mark.parametrize(
    "data",
    [
        "#1234|Xri1BA01",  # not "N"
        "#1234|ri1BA01",  # no "N"
        "#1234|N",  # no event
        "#1234|Nri1",  # modifiers only
        "#1234|Nri1/ba01",  # lower-case code
        "#1234|Nri/BA01",  # ri without area
        "#1234|Nti1015/BA01",  # time without colon
        "#1234|NidX/BA01",
        "#1234|Nri1/B",  # half a code
        "#1234|Nri1 BA01",  # space
        "#1234|Nri1/BA01!",
        "#1234|Nti13:4/BA01",  # half a time
        "#1234|Nti13:45:2/BA01",
        "#1234|AGlass break|NBA01",  # text before any event
        "#1234|NBA01|Xfoo",  # a block this receiver does not read
        "#1234|NBA01|O BA02",
        "#12|NBA01",  # account block too short
        "#1234|NBA01|#12Z4",
        "|",
        "",
    ],
)
def test_sia_malformed(data: str) -> None:
    with pytest.raises(MalformedFrame):
        frame_signals(frame("SIA-DCS", data), RECEIVED)


@given(st.text(max_size=60))
def test_sia_payload_only_malformed_or_signals(data: str) -> None:
    try:
        signals = frame_signals(frame("SIA-DCS", data), RECEIVED)
    except MalformedFrame:
        return
    assert signals and all(s.protocol is Protocol.SIA_DCS for s in signals)


# --------------------------------------------------------------------------------------------
# NULL and whole frames
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("frame_id", "extended"), [("NULL", ()), ("XNM", ("G1",))])
def test_link_tests_give_no_signal(frame_id: str, extended: tuple[str, ...]) -> None:
    assert frame_signals(frame(frame_id, "", extended=extended), RECEIVED) == []


@pytest.mark.parametrize("key", [None, KEY])
def test_from_wire_to_signals(key: bytes | None) -> None:
    built = build_frame(
        "SIA-DCS", 5, "1234", "#1234|Nri2BA05/BR05", receiver="1", line="0",
        extended=["XE002.3456"], timestamp=PANEL, key=key,
    )  # fmt: skip
    parsed = parse_frame(built, lambda account, line: key, now=RECEIVED)
    alarm, restore = frame_signals(parsed, RECEIVED, "127.0.0.1:5000")
    assert (alarm.event.code, restore.event.code, restore.qualifier) == ("BA", "BR", Qualifier.RESTORE)
    assert alarm.raw == built[1:-1].decode("latin-1")  # whole frame, no LF/CR (ciphertext if encrypted)
    assert (alarm.sequence, alarm.receiver, alarm.line, alarm.panel_time) == (5, "1", "0", PANEL)
    assert alarm.extended == {"X": "E002.3456"}
