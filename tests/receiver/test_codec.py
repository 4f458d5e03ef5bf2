"""SIA DC-09 codec: frame vectors written by hand from the standard's rules.

Expected bytes are never produced by the code under test: CRCs come from the bit-by-bit
CRC-16/ARC below (checked against the catalogue value and against pysiaalarm's own routine),
ciphertexts from pycryptodome called directly, and pysiaalarm serves as a second receiver.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest
from Crypto.Cipher import AES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from console.receiver.codec import (
    CrcError,
    DecryptError,
    DuhError,
    Frame,
    FrameError,
    LengthError,
    MalformedFrame,
    NakError,
    TimestampRejected,
    UnknownAccount,
    UnsupportedId,
    build_ack,
    build_duh,
    build_frame,
    build_nak,
    crc16_arc,
    parse_frame,
    parse_response,
)
from tests.conftest import skip_or_fail

NOW = datetime(2024, 3, 4, 10, 11, 12, tzinfo=UTC)
STAMP = "_10:11:12,03-04-2024"  # NOW as a DC-09 timestamp
KEY128 = b"0123456789ABCDEF"
KEY192 = b"0123456789ABCDEFGHIJKLMN"
KEY256 = b"0123456789ABCDEFGHIJKLMNOPQRSTUV"


# --------------------------------------------------------------------------------------------
# Independent helpers
# --------------------------------------------------------------------------------------------


def crc_bitwise(data: bytes) -> int:
    """CRC-16/ARC the slow way: reflected polynomial 0xA001, initial value 0, bit by bit."""
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def wire(span: str, *, crc: str | None = None, length: str | None = None) -> bytes:
    """LF crc 0LLL span CR, CRC and length computed here unless forced."""
    body = span.encode("latin-1")
    crc_text = f"{crc_bitwise(body):04X}" if crc is None else crc
    length_text = f"0{len(body):03X}" if length is None else length
    return b"\n" + crc_text.encode("latin-1") + length_text.encode("latin-1") + body + b"\r"


def raw_of(frame_bytes: bytes) -> str:
    return frame_bytes[1:-1].decode("latin-1")


def no_keys(account: str, line: str) -> bytes | None:
    return None


def keys_of(table: dict[str, bytes]) -> Callable[[str, str], bytes | None]:
    """Keys by account, whatever the line (the receiver's keyring is tested on its own)."""
    return lambda account, line: table.get(account)


def aes_hex(plain: str, key: bytes) -> str:
    """Ciphertext as a panel computes it: AES-CBC, zero IV, upper-case hex."""
    data = plain.encode("latin-1")
    assert len(data) % 16 == 0, "test vector must be whole blocks"
    return AES.new(key, AES.MODE_CBC, iv=bytes(16)).encrypt(data).hex().upper()


def aes_plain(cipher_hex: str, key: bytes) -> str:
    return AES.new(key, AES.MODE_CBC, iv=bytes(16)).decrypt(bytes.fromhex(cipher_hex)).decode("latin-1")


def padded(rest: str, pad_char: str = "x") -> str:
    """pad + rest, the pad 1..16 characters so that the whole is whole AES blocks."""
    count = 16 - len(rest) % 16
    return pad_char * count + rest


def parse(frame_bytes: bytes, **kwargs: object) -> Frame:
    options: dict[str, object] = {"now": NOW}
    options.update(kwargs)
    keys = options.pop("keys", no_keys)
    return parse_frame(frame_bytes, keys, **options)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# CRC
# --------------------------------------------------------------------------------------------


def test_crc_catalogue_check_value() -> None:
    assert crc_bitwise(b"123456789") == 0xBB3D
    assert crc16_arc(b"123456789") == 0xBB3D
    assert crc16_arc(b"") == 0


@given(st.binary(max_size=300))
def test_crc_matches_bitwise_reference(data: bytes) -> None:
    assert crc16_arc(data) == crc_bitwise(data)


def test_crc_matches_pysiaalarm_routine(pysia: object) -> None:
    from pysiaalarm.event import SIAEvent

    span = '"SIA-DCS"0002R1L0#1234[#1234|Nri1/BA01]' + STAMP
    assert SIAEvent._crc_calc(span) == f"{crc16_arc(span.encode()):04X}" == "DE50"


# --------------------------------------------------------------------------------------------
# Good frames
# --------------------------------------------------------------------------------------------

# Pinned literal frames; CRCs computed with crc_bitwise and pysiaalarm's routine, which agree.
PINNED = [
    (
        b'\nDE50003B"SIA-DCS"0002R1L0#1234[#1234|Nri1/BA01]_10:11:12,03-04-2024\r',
        Frame("SIA-DCS", False, 2, "1", "0", "1234", "#1234|Nri1/BA01", (), NOW,
              'DE50003B"SIA-DCS"0002R1L0#1234[#1234|Nri1/BA01]_10:11:12,03-04-2024'),
    ),
    (
        b'\nBEB90027"ADM-CID"0001L0#1234[#1234|1130 01 015]\r',
        Frame("ADM-CID", False, 1, None, "0", "1234", "#1234|1130 01 015", (), None,
              'BEB90027"ADM-CID"0001L0#1234[#1234|1130 01 015]'),
    ),
    (
        b'\n956B0014"NULL"0000R0L0#AAA[]\r',
        Frame("NULL", False, 0, "0", "0", "AAA", "", (), None, '956B0014"NULL"0000R0L0#AAA[]'),
    ),
]  # fmt: skip


@pytest.mark.parametrize(("frame_bytes", "expected"), PINNED)
def test_pinned_frames(frame_bytes: bytes, expected: Frame) -> None:
    assert parse(frame_bytes) == expected
    assert parse(frame_bytes[1:-1]) == expected  # without LF and CR
    assert parse(frame_bytes[1:]) == expected
    assert parse(frame_bytes[:-1]) == expected


@pytest.mark.parametrize(
    ("span", "fields"),
    [
        # (id, seq, receiver, line, account, data, extended, timestamp)
        ('"ADM-CID"0003R1L0#1234[#1234|1130 01 015]', ("ADM-CID", 3, "1", "0", "1234", "#1234|1130 01 015", (), None)),
        ('"ADM-CID"0003#1234[#1234|3130 01 015]', ("ADM-CID", 3, None, None, "1234", "#1234|3130 01 015", (), None)),
        ('"ADM-CID"0003R12AB#1234[#1234|1602 00 000]', ("ADM-CID", 3, "12AB", None, "1234", "#1234|1602 00 000", (), None)),
        ('"SIA-DCS"0004L3F#5678[#5678|NRP]' + STAMP, ("SIA-DCS", 4, None, "3F", "5678", "#5678|NRP", (), NOW)),
        ('"SIA-DCS"0004R579BDFL789ABC#12345A[#12345A|NFA129]', ("SIA-DCS", 4, "579BDF", "789ABC", "12345A", "#12345A|NFA129", (), None)),
        ('"SIA-DCS"0005#5678[#5678|Nri2BA05/BR05]', ("SIA-DCS", 5, None, None, "5678", "#5678|Nri2BA05/BR05", (), None)),
        ('"NULL"0006R1L1#ABC[]' + STAMP, ("NULL", 6, "1", "1", "ABC", "", (), NOW)),
        ('"NULL"0006#ABC[]', ("NULL", 6, None, None, "ABC", "", (), None)),
        # lower-case hex in R, L and account is read and normalised
        ('"NULL"0006Ra1Lb2#abc[]', ("NULL", 6, "A1", "B2", "ABC", "", (), None)),
        # a plain frame with its account only in the data (seen from some panels)
        ('"SIA-DCS"4738R0001L0001[#006969|Nri04/OP001]', ("SIA-DCS", 4738, "0001", "0001", "006969", "#006969|Nri04/OP001", (), None)),
    ],
)  # fmt: skip
def test_good_frames(span: str, fields: tuple[object, ...]) -> None:
    frame_bytes = wire(span)
    frame = parse(frame_bytes)
    assert (
        frame.id,
        frame.sequence,
        frame.receiver,
        frame.line,
        frame.account,
        frame.data,
        frame.extended,
        frame.timestamp,
    ) == fields
    assert frame.encrypted is False
    assert frame.raw == raw_of(frame_bytes)


def test_extended_data_kept_raw_in_order() -> None:
    span = '"SIA-DCS"0007R1L0#1234[#1234|Nri1/BA01][XE002.3456][YN48.8566][Vhttp://cam/1?a=b c]' + STAMP
    frame = parse(wire(span))
    assert frame.extended == ("XE002.3456", "YN48.8566", "Vhttp://cam/1?a=b c")
    assert frame.data == "#1234|Nri1/BA01"
    assert frame.timestamp == NOW


def test_non_ascii_bytes_are_kept_byte_for_byte() -> None:
    # Extended text (I) is Windows-1252 on the wire; the CRC is over bytes, raw keeps them all.
    span = '"SIA-DCS"0007L0#1234[#1234|NBA01][IEntrée côté cour]'
    frame_bytes = wire(span)
    frame = parse(frame_bytes)
    assert frame.extended == ("IEntrée côté cour",)
    assert frame.raw.encode("latin-1") == frame_bytes[1:-1]


@pytest.mark.parametrize(("seq", "value"), [("0000", 0), ("0001", 1), ("9999", 9999), ("0420", 420)])
def test_sequence_edges(seq: str, value: int) -> None:
    assert parse(wire(f'"NULL"{seq}L0#1234[]')).sequence == value


@pytest.mark.parametrize("seq", ["123", "12345", "12a4", "", "-001"])
def test_bad_sequence(seq: str) -> None:
    with pytest.raises(MalformedFrame):
        parse(wire(f'"NULL"{seq}L0#1234[]'))


@pytest.mark.parametrize("account", ["ABC", "123", "0123456789ABCDEF", "FFFFFFFFFFFFFFFF"])
def test_account_lengths(account: str) -> None:
    assert parse(wire(f'"NULL"0001L0#{account}[]')).account == account


@pytest.mark.parametrize("account", ["12", "0123456789ABCDEF0", "12G4", ""])
def test_bad_account(account: str) -> None:
    with pytest.raises(MalformedFrame):
        parse(wire(f'"NULL"0001L0#{account}[]'))


@pytest.mark.parametrize("field", ["R", "L", "R1234567", "L1234567", "RG", "LX"])
def test_bad_receiver_or_line(field: str) -> None:
    with pytest.raises(MalformedFrame):
        parse(wire(f'"NULL"0001{field}#1234[]'))


# --------------------------------------------------------------------------------------------
# Frames answered NAK
# --------------------------------------------------------------------------------------------


def test_bad_crc() -> None:
    span = '"SIA-DCS"0002R1L0#1234[#1234|Nri1/BA01]' + STAMP
    good = crc_bitwise(span.encode())
    with pytest.raises(CrcError):
        parse(wire(span, crc=f"{good ^ 0x0001:04X}"))
    with pytest.raises(CrcError):
        parse(wire(span, crc="0000"))


def test_lower_case_crc_and_length_are_accepted() -> None:
    # Decision: the CRC's value is what protects the frame; its case is not worth a retry loop.
    span = '"SIA-DCS"0002R1L0#1234[#1234|Nri1/BA01]' + STAMP  # CRC DE50, length 03B
    assert parse(wire(span, crc="de50", length="003b")).sequence == 2
    with pytest.raises(CrcError):
        parse(wire(span, crc="de51"))


@pytest.mark.parametrize("crc", ["DE5G", "+DE5", "    ", "\x00\x01\x02\x03"])
def test_crc_field_not_hex(crc: str) -> None:
    # e.g. a panel sending its CRC as 2 binary bytes: refused (NAK), never misread
    with pytest.raises(MalformedFrame):
        parse(wire('"NULL"0001L0#1234[]', crc=crc))


def test_bad_length() -> None:
    span = '"NULL"0001L0#1234[]'  # 19 = 0x013 bytes
    with pytest.raises(LengthError):
        parse(wire(span, length="0014"))
    with pytest.raises(LengthError):
        parse(wire(span, length="0012"))
    with pytest.raises(LengthError):
        parse(wire(span, length="1013"))  # not 0LLL
    with pytest.raises(LengthError):
        parse(wire(span, length="0x13"))


def test_truncated_and_merged_frames_are_length_errors() -> None:
    span = '"SIA-DCS"0002R1L0#1234[#1234|Nri1/BA01]' + STAMP
    frame_bytes = wire(span)
    with pytest.raises(LengthError):
        parse(frame_bytes[:-5])
    with pytest.raises(LengthError):
        parse(frame_bytes + frame_bytes)


@pytest.mark.parametrize(
    "garbage",
    [b"", b"\n", b"\r", b"\n\r", b"hello", b"\nXXXX0000\r", b"\x00" * 40, b"\xff\xfe\n\r" * 5, b"ACK"],
)
def test_garbage_is_nak(garbage: bytes) -> None:
    with pytest.raises(NakError):
        parse(garbage)


@pytest.mark.parametrize(
    "span",
    [
        "SIA-DCS0001L0#1234[]",  # no quotes
        '"SIA-DCS0001L0#1234[]',  # unterminated ID
        '"SIA-DCS"0001L0#1234',  # no data
        '"SIA-DCS"0001L0#1234[#1234|NRP',  # data not closed
        '"SIA-DCS"0001L0#1234[#1234|NRP]xyz',  # trailing junk
        '"SIA-DCS"0001L0#1234[#1234|NRP][]',  # empty extended field
        '"SIA-DCS"0001L0#1234[#1234|NRP][X1',  # extended field not closed
        '"SIA-DCS"0001L0#1234[#1234|NRP]_10:11:12',  # timestamp without date
        '"SIA-DCS"0001L0#1234[#1234|NRP]_25:11:12,03-04-2024',  # hour 25
        '"SIA-DCS"0001L0#1234[#1234|NRP]_10:11:12,13-04-2024',  # month 13
        '"SIA-DCS"0001L0#1234[#1234|NRP]_10:11:12,02-30-2024',  # 30 February
        '"SIA-DCS"0001L0#1234[#1234|NRP]10:11:12,03-04-2024',  # no underscore
        '"SIA-DCS"0001L0[NRP]',  # no account anywhere
        '"SIA-DCS"0001L0#1234 [NRP]',  # space
    ],
)
def test_malformed_frames(span: str) -> None:
    with pytest.raises(MalformedFrame):
        parse(wire(span))


# --------------------------------------------------------------------------------------------
# Timestamp window: from 40 s in the past to 20 s in the future, ends included
# --------------------------------------------------------------------------------------------


SPAN_AT_NOW = '"SIA-DCS"0009R1L0#1234[#1234|NRP]' + STAMP


@pytest.mark.parametrize(
    "receiver_clock",
    [NOW, NOW + timedelta(seconds=40), NOW - timedelta(seconds=20), NOW + timedelta(seconds=39.999)],
)
def test_timestamp_inside_window(receiver_clock: datetime) -> None:
    assert parse(wire(SPAN_AT_NOW), now=receiver_clock).timestamp == NOW


@pytest.mark.parametrize(
    ("receiver_clock", "skew"),
    [
        (NOW + timedelta(seconds=40, milliseconds=1), -40.001),  # panel late by 40.001 s
        (NOW - timedelta(seconds=20, milliseconds=1), 20.001),  # panel early by 20.001 s
        (NOW + timedelta(hours=1), -3600.0),  # panel on local time, one hour behind
    ],
)
def test_timestamp_outside_window(receiver_clock: datetime, skew: float) -> None:
    with pytest.raises(TimestampRejected) as caught:
        parse(wire(SPAN_AT_NOW), now=receiver_clock)
    assert caught.value.skew_s == pytest.approx(skew, abs=1e-6)
    assert caught.value.frame.sequence == 9
    assert caught.value.frame.data == "#1234|NRP"
    assert isinstance(caught.value, NakError)


def test_window_is_configurable() -> None:
    receiver_clock = NOW + timedelta(seconds=100)
    with pytest.raises(TimestampRejected):
        parse(wire(SPAN_AT_NOW), now=receiver_clock)
    frame = parse(wire(SPAN_AT_NOW), now=receiver_clock, window_past_s=120.0)
    assert frame.timestamp == NOW


def test_receiver_clock_in_another_zone() -> None:
    paris = timezone(timedelta(hours=1))
    assert parse(wire(SPAN_AT_NOW), now=NOW.astimezone(paris)).timestamp == NOW


def test_plain_frame_without_timestamp_is_not_window_checked() -> None:
    assert parse(wire('"NULL"0001L0#1234[]'), now=NOW + timedelta(days=400)).timestamp is None


def test_naive_receiver_clock_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        parse(wire(SPAN_AT_NOW), now=NOW.replace(tzinfo=None))


# --------------------------------------------------------------------------------------------
# Frames answered DUH
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("frame_id", ["SIA-XYZ", "*SIA-XYZ", "ACK", "SIA-DCX", "sia-dcs", ""])
def test_unsupported_id(frame_id: str) -> None:
    with pytest.raises(UnsupportedId) as caught:
        parse(wire(f'"{frame_id}"0042R1L2#1234[#1234|NRP]'))
    assert isinstance(caught.value, DuhError)
    echoed = caught.value.frame
    assert echoed is not None
    assert (echoed.sequence, echoed.receiver, echoed.line, echoed.account) == (42, "1", "2", "1234")
    assert build_duh(echoed) == wire('"DUH"0042R1L2#1234[]')


def test_unsupported_id_with_unreadable_header_has_no_frame() -> None:
    with pytest.raises(UnsupportedId) as caught:
        parse(wire('"SIA-XYZ"junk'))
    assert caught.value.frame is None


# --------------------------------------------------------------------------------------------
# Encryption
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", [KEY128, KEY192, KEY256])
def test_decrypts_ciphertext_made_with_pycryptodome(key: bytes) -> None:
    plain = padded("|#1234|Nri1/BA01][XE002.3456]" + STAMP, pad_char="Q")
    span = '"*SIA-DCS"0011R1L0#1234[' + aes_hex(plain, key)
    frame_bytes = wire(span)
    frame = parse(frame_bytes, keys=keys_of({"1234": key}))
    assert frame == Frame(
        "SIA-DCS", True, 11, "1", "0", "1234", "#1234|Nri1/BA01", ("XE002.3456",), NOW, raw_of(frame_bytes)
    )


def test_encrypted_pad_may_hold_any_byte_but_bar_and_brackets() -> None:
    allowed = "".join(chr(c) for c in range(256) if chr(c) not in "|[]")
    rest = "|#1234|NRP]" + STAMP
    plain = allowed[: 16 - len(rest) % 16 + 16 * 3] + rest  # a long pad, with control and high bytes
    span = '"*SIA-DCS"0012L0#1234[' + aes_hex(plain, KEY128)
    assert parse(wire(span), keys=keys_of({"1234": KEY128})).data == "#1234|NRP"


def test_encrypted_null_and_lower_case_ciphertext() -> None:
    span = '"*NULL"0000R0L0#AAAB[' + aes_hex(padded("|]" + STAMP), KEY256).lower()
    frame = parse(wire(span), keys=keys_of({"AAAB": KEY256}))
    assert (frame.id, frame.encrypted, frame.data, frame.timestamp) == ("NULL", True, "", NOW)


def test_unknown_encrypted_account() -> None:
    span = '"*SIA-DCS"0013R1L0#9999[' + aes_hex(padded("|#9999|NRP]" + STAMP), KEY128)
    with pytest.raises(UnknownAccount) as caught:
        parse(wire(span), keys=keys_of({"1234": KEY128}))
    echoed = caught.value.frame
    assert echoed is not None and (echoed.sequence, echoed.account, echoed.encrypted) == (13, "9999", True)
    assert build_duh(echoed) == wire('"DUH"0013R1L0#9999[]')


@pytest.mark.parametrize("wrong", [KEY192[:16][::-1], b"0123456789ABCDEE", KEY256])
def test_wrong_key(wrong: bytes) -> None:
    span = '"*SIA-DCS"0014L0#1234[' + aes_hex(padded("|#1234|NRP]" + STAMP), KEY128)
    with pytest.raises(DecryptError):
        parse(wire(span), keys=keys_of({"1234": wrong}))


@pytest.mark.parametrize(
    "cipher",
    ["", "ABC", "00" * 15, "00" * 17, "ZZ" * 16, "00" * 16 + "]" + STAMP],
)
def test_encrypted_part_not_hex_blocks(cipher: str) -> None:
    with pytest.raises(DecryptError):
        parse(wire('"*SIA-DCS"0014L0#1234[' + cipher), keys=keys_of({"1234": KEY128}))


def test_unusable_key_from_lookup_is_a_decrypt_error() -> None:
    span = '"*SIA-DCS"0014L0#1234[' + aes_hex(padded("|#1234|NRP]" + STAMP), KEY128)
    with pytest.raises(DecryptError):
        parse(wire(span), keys=keys_of({"1234": b"short"}))


def test_encrypted_plain_text_without_bar_is_a_decrypt_error() -> None:
    span = '"*SIA-DCS"0015L0#1234[' + aes_hex(padded("#1234]" + STAMP, pad_char="0"), KEY128)
    with pytest.raises(DecryptError):
        parse(wire(span), keys=keys_of({"1234": KEY128}))


def test_encrypted_frame_must_carry_a_timestamp() -> None:
    span = '"*SIA-DCS"0016L0#1234[' + aes_hex(padded("|#1234|NRP]"), KEY128)
    with pytest.raises(MalformedFrame):
        parse(wire(span), keys=keys_of({"1234": KEY128}))


def test_encrypted_frame_needs_header_account() -> None:
    span = '"*SIA-DCS"0016L0[' + aes_hex(padded("|#1234|NRP]" + STAMP), KEY128)
    with pytest.raises(MalformedFrame):
        parse(wire(span), keys=keys_of({"1234": KEY128}))


def test_encrypted_frame_timestamp_window() -> None:
    span = '"*SIA-DCS"0017L0#1234[' + aes_hex(padded("|#1234|NRP]" + STAMP), KEY128)
    with pytest.raises(TimestampRejected) as caught:
        parse(wire(span), keys=keys_of({"1234": KEY128}), now=NOW + timedelta(seconds=41))
    assert caught.value.frame.encrypted and caught.value.skew_s == pytest.approx(-41.0)


# --------------------------------------------------------------------------------------------
# Building frames
# --------------------------------------------------------------------------------------------


def test_build_plain_frame_bytes() -> None:
    built = build_frame(
        "SIA-DCS",
        7,
        "1234",
        "#1234|Nri1/BA01",
        receiver="1",
        line="0",
        extended=["XE002.3456", "YN48.8566"],
        timestamp=NOW,
    )
    assert built == wire('"SIA-DCS"0007R1L0#1234[#1234|Nri1/BA01][XE002.3456][YN48.8566]' + STAMP)


def test_build_frame_without_optional_fields() -> None:
    assert build_frame("NULL", 0, "ABC", "") == wire('"NULL"0000#ABC[]')
    assert build_frame("ADM-CID", 9999, "ABC", "#ABC|1130 01 015", line="0") == wire(
        '"ADM-CID"9999L0#ABC[#ABC|1130 01 015]'
    )


@pytest.mark.parametrize("key", [KEY128, KEY192, KEY256])
def test_build_encrypted_frame_bytes(key: bytes) -> None:
    def pad(count: int) -> str:
        return "P" * count

    built = build_frame(
        "ADM-CID", 21, "1234", "#1234|1130 01 015", receiver="2", line="3", timestamp=NOW, key=key, pad=pad
    )
    plain = padded("|#1234|1130 01 015]" + STAMP, pad_char="P")
    assert built == wire('"*ADM-CID"0021R2L3#1234[' + aes_hex(plain, key))
    frame = parse(built, keys=keys_of({"1234": key}))
    assert (frame.id, frame.encrypted, frame.sequence, frame.receiver, frame.line) == (
        "ADM-CID",
        True,
        21,
        "2",
        "3",
    )
    assert (frame.account, frame.data, frame.timestamp) == ("1234", "#1234|1130 01 015", NOW)


def test_pad_fills_a_whole_block_when_already_aligned() -> None:
    counts: list[int] = []

    def pad(count: int) -> str:
        counts.append(count)
        return "z" * count

    data = "#1234|NRP" + "A" * (16 - len("|#1234|NRP]" + STAMP) % 16)  # "|" + data + "]" + ts is aligned
    built = build_frame("SIA-DCS", 1, "1234", data, timestamp=NOW, key=KEY128, pad=pad)
    assert counts == [16]
    cipher = raw_of(built).split("[", 1)[1]
    assert aes_plain(cipher, KEY128) == "z" * 16 + "|" + data + "]" + STAMP


def test_default_pad_is_random_and_legal() -> None:
    seen = set()
    for _ in range(20):
        built = build_frame("SIA-DCS", 1, "1234", "#1234|NRP", timestamp=NOW, key=KEY128)
        plain = aes_plain(raw_of(built).split("[", 1)[1], KEY128)
        pad, rest = plain.split("|", 1)
        assert rest == "#1234|NRP]" + STAMP
        assert 1 <= len(pad) <= 16 and (len(pad) + 1 + len(rest)) % 16 == 0
        assert not set(pad) & set("|[]") and all(0x21 <= ord(c) <= 0x7E for c in pad)
        seen.add(pad)
    assert len(seen) > 1


@pytest.mark.parametrize(
    "call",
    [
        lambda: build_frame("SIA-DCS", 10000, "1234", ""),
        lambda: build_frame("SIA-DCS", -1, "1234", ""),
        lambda: build_frame("SIA-DCS", 1, "12", ""),
        lambda: build_frame("SIA-DCS", 1, "0123456789ABCDEF0", ""),
        lambda: build_frame("SIA-DCS", 1, "12G4", ""),
        lambda: build_frame("SIA-DCS", 1, "1234", "a]b"),
        lambda: build_frame("SIA-DCS", 1, "1234", "", receiver="1234567"),
        lambda: build_frame("SIA-DCS", 1, "1234", "", line="X"),
        lambda: build_frame("SIA-DCS", 1, "1234", "", extended=["X[1"]),
        lambda: build_frame("SIA-DCS", 1, "1234", "", extended=[""]),
        lambda: build_frame("*SIA-DCS", 1, "1234", ""),
        lambda: build_frame("SIA-DCS", 1, "1234", "", key=KEY128),  # encrypted without timestamp
        lambda: build_frame("SIA-DCS", 1, "1234", "", key=b"short", timestamp=NOW),
        lambda: build_frame("SIA-DCS", 1, "1234", "", key=KEY128, timestamp=NOW, pad=lambda n: "|" * n),
        lambda: build_frame("SIA-DCS", 1, "1234", "", key=KEY128, timestamp=NOW, pad=lambda n: "x"),
        lambda: build_frame("SIA-DCS", 1, "1234", "", timestamp=NOW.replace(tzinfo=None)),
        lambda: build_frame("SIA-DCS", 1, "1234", "€"),
        lambda: build_frame("SIA-DCS", 1, "1234", "x" * 5000),
    ],
)
def test_build_frame_refuses_what_it_cannot_write(call: Callable[[], bytes]) -> None:
    with pytest.raises(ValueError):
        call()


# --------------------------------------------------------------------------------------------
# Answers
# --------------------------------------------------------------------------------------------


def plain_frame(receiver: str | None = "1", line: str | None = "0") -> Frame:
    return Frame("SIA-DCS", False, 2, receiver, line, "1234", "#1234|NRP", (), None, "")


def test_plain_ack() -> None:
    assert build_ack(plain_frame(), None, now=NOW) == wire('"ACK"0002R1L0#1234[]')
    assert build_ack(plain_frame(receiver=None), None, now=NOW) == wire('"ACK"0002L0#1234[]')
    assert build_ack(plain_frame(receiver=None, line=None), None, now=NOW) == wire('"ACK"0002#1234[]')


@pytest.mark.parametrize("key", [KEY128, KEY192, KEY256])
def test_encrypted_ack_is_decryptable(key: bytes) -> None:
    frame = Frame("SIA-DCS", True, 33, "1", "0", "1234", "#1234|NRP", (), NOW, "")
    ack = build_ack(frame, key, now=NOW)
    text = raw_of(ack)
    assert re.fullmatch(r'[0-9A-F]{4}0[0-9A-F]{3}"\*ACK"0033R1L0#1234\[[0-9A-F]+', text)
    body = ack[9:-1]
    assert text[:4] == f"{crc_bitwise(body):04X}" and int(text[5:8], 16) == len(body)
    plain = aes_plain(text.split("[", 1)[1], key)
    assert re.fullmatch(r"[^|\[\]]{1,16}\|\]" + re.escape(STAMP), plain), plain


def test_encrypted_ack_bytes_with_fixed_pad() -> None:
    frame = Frame("NULL", True, 5, None, "0", "ABC", "", (), NOW, "")
    ack = build_ack(frame, KEY128, now=NOW, pad=lambda n: "k" * n)
    assert ack == wire('"*ACK"0005L0#ABC[' + aes_hex(padded("|]" + STAMP, pad_char="k"), KEY128))


def test_encrypted_ack_needs_the_key() -> None:
    with pytest.raises(ValueError):
        build_ack(Frame("NULL", True, 5, None, "0", "ABC", "", (), NOW, ""), None, now=NOW)


def test_nak() -> None:
    assert build_nak(now=NOW) == wire('"NAK"0000R0L0A0[]' + STAMP)
    assert build_nak(now=NOW) == b'\nB9BA0025"NAK"0000R0L0A0[]_10:11:12,03-04-2024\r'
    paris = timezone(timedelta(hours=1))
    assert build_nak(now=NOW.astimezone(paris)) == build_nak(now=NOW)  # always UTC on the wire


def test_duh() -> None:
    assert build_duh(None) == wire('"DUH"0000R0L0A0[]') == b'\n66D10011"DUH"0000R0L0A0[]\r'
    assert build_duh(plain_frame()) == wire('"DUH"0002R1L0#1234[]')
    assert build_duh(plain_frame(receiver=None)) == wire('"DUH"0002L0#1234[]')


def test_answers_read_back() -> None:
    nak = parse_response(build_nak(now=NOW))
    assert (nak.id, nak.sequence, nak.receiver, nak.line, nak.account, nak.timestamp) == (
        "NAK", 0, "0", "0", None, NOW
    )  # fmt: skip
    frame = Frame("SIA-DCS", True, 33, "1", "0", "1234", "#1234|NRP", (), NOW, "")
    ack = parse_response(build_ack(frame, KEY192, now=NOW), KEY192)
    assert (ack.id, ack.encrypted, ack.sequence, ack.receiver, ack.line, ack.account, ack.data) == (
        "ACK", True, 33, "1", "0", "1234", ""
    )  # fmt: skip
    assert ack.timestamp == NOW
    with pytest.raises(UnknownAccount):
        parse_response(build_ack(frame, KEY192, now=NOW))
    with pytest.raises(UnsupportedId):
        parse_response(wire('"SIA-DCS"0001L0#1234[]'))


# --------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------

NOW_STRATEGY = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC)
).map(lambda moment: moment.replace(microsecond=0))


def _keys(account: str, line: str) -> bytes | None:
    return KEY128 if account == "1234" else None


@settings(max_examples=400)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_only_raise_frame_errors(data: bytes) -> None:
    try:
        parse_frame(data, _keys, now=NOW)
    except FrameError:
        pass


SPAN_TEXT = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=255), max_size=120)
SPAN_PIECES = st.lists(
    st.sampled_from(
        ['"SIA-DCS"', '"*SIA-DCS"', '"ADM-CID"', '"NULL"', '"*NULL"', "0001", "9999", "R1", "L0", "#1234",
         "#ABC", "[", "]", "|", "#1234|", "NRP", "Nri1/BA01", "1130 01 015", "[X1]", STAMP, "_", "00" * 16,
         "A5" * 8, "0", "Z"]
    )
    | SPAN_TEXT,
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(SPAN_PIECES)
def test_well_framed_bodies_only_raise_frame_errors(span: str) -> None:
    """Right CRC and length, arbitrary content: a Frame or a FrameError, nothing else."""
    try:
        frame = parse_frame(wire(span), _keys, now=NOW)
    except FrameError:
        return
    assert frame.raw == raw_of(wire(span))


@settings(max_examples=400)
@given(SPAN_PIECES, st.integers(min_value=1, max_value=0xFFFF))
def test_wrong_crc_never_gives_a_frame(span: str, error: int) -> None:
    good = crc_bitwise(span.encode("latin-1"))
    frame_bytes = wire(span, crc=f"{good ^ error:04X}")
    with pytest.raises(FrameError):
        parse_frame(frame_bytes, _keys, now=NOW)
    if len(span.encode("latin-1")) <= 0xFFF:
        with pytest.raises(CrcError):
            parse_frame(frame_bytes, _keys, now=NOW)


@settings(max_examples=400)
@given(st.data())
def test_any_changed_byte_of_a_good_frame_is_caught(data: st.DataObject) -> None:
    frame_bytes = bytearray(wire('"SIA-DCS"0002R1L0#1234[#1234|Nri1/BA01][XE002.3456]' + STAMP))
    index = data.draw(st.integers(min_value=9, max_value=len(frame_bytes) - 2))  # inside the span
    value = data.draw(st.integers(min_value=0, max_value=255).filter(lambda b: b != frame_bytes[index]))
    frame_bytes[index] = value
    with pytest.raises(CrcError):
        parse_frame(bytes(frame_bytes), _keys, now=NOW)


HEXES = st.text(alphabet="0123456789ABCDEF", min_size=1, max_size=6)
PRINTABLE = st.characters(min_codepoint=0x20, max_codepoint=0xFF, exclude_characters="[]")


@settings(max_examples=200)
@given(
    frame_id=st.sampled_from(["SIA-DCS", "ADM-CID", "NULL"]),
    sequence=st.integers(min_value=0, max_value=9999),
    account=st.text(alphabet="0123456789ABCDEF", min_size=3, max_size=16),
    data=st.text(alphabet=PRINTABLE, max_size=40),
    receiver=st.none() | HEXES,
    line=st.none() | HEXES,
    extended=st.lists(st.text(alphabet=PRINTABLE, min_size=1, max_size=20), max_size=3),
    timestamp=st.none() | NOW_STRATEGY,
    key=st.none() | st.sampled_from([KEY128, KEY192, KEY256]),
)
def test_build_then_parse_round_trip(
    frame_id: str,
    sequence: int,
    account: str,
    data: str,
    receiver: str | None,
    line: str | None,
    extended: list[str],
    timestamp: datetime | None,
    key: bytes | None,
) -> None:
    if key is not None and timestamp is None:
        timestamp = NOW
    built = build_frame(
        frame_id, sequence, account, data, receiver=receiver, line=line, extended=extended,
        timestamp=timestamp, key=key,
    )  # fmt: skip
    frame = parse_frame(built, lambda acct, line: key, now=timestamp or NOW)
    assert frame == Frame(
        frame_id,
        key is not None,
        sequence,
        receiver,
        line,
        account,
        data,
        tuple(extended),
        timestamp,
        raw_of(built),
    )


# --------------------------------------------------------------------------------------------
# Interoperability with pysiaalarm 3.2.2 (a real receiver, run offline: no sockets)
# --------------------------------------------------------------------------------------------


@pytest.fixture
def pysia() -> object:
    try:
        import pysiaalarm
    except ImportError:
        skip_or_fail("pysiaalarm is not installed (pip install pysiaalarm==3.2.2)")
    logging.getLogger("pysiaalarm").setLevel(logging.ERROR)
    return pysiaalarm


def pysia_server(account: str, key: bytes | None) -> object:
    from pysiaalarm import SIAAccount
    from pysiaalarm.base_server import BaseSIAServer
    from pysiaalarm.utils import Counter

    # pysiaalarm uses the key text's bytes as the AES key, so an ASCII key is the same key here.
    sia_account = SIAAccount(account, key.decode("ascii") if key else None)
    return BaseSIAServer({account: sia_account}, Counter())


def now_s() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)  # pysiaalarm checks the window on its own clock


@pytest.mark.parametrize("key", [None, KEY128])
def test_pysiaalarm_reads_our_sia_dcs_frames(pysia: object, key: bytes | None) -> None:
    stamp = now_s()
    built = build_frame(
        "SIA-DCS", 7, "1234", "#1234|Nri1/BA01", receiver="1", line="0",
        extended=["XE002.3456", "YN48.8566", "Vhttp://cam.example/1"], timestamp=stamp, key=key,
    )  # fmt: skip
    event = pysia_server("1234", key).parse_and_check_event(built)  # type: ignore[attr-defined]
    assert event.valid_message  # its CRC agrees with ours
    assert event.response.value == "ACK"
    assert (event.encrypted, event.account, event.sequence, event.receiver, event.line) == (
        key is not None, "1234", "0007", "R1", "L0"
    )  # fmt: skip
    assert (event.code, event.ri, event.message, event.timestamp) == ("BA", "1", "01", stamp)
    assert [(x.identifier, x.value) for x in event.extended_data] == [
        ("X", "E002.3456"), ("Y", "N48.8566"), ("V", "http://cam.example/1")
    ]  # fmt: skip
    ours = parse_frame(built, lambda acct, line: key, now=stamp)
    assert (ours.account, ours.sequence, ours.receiver, ours.line, ours.timestamp) == (
        "1234", 7, "1", "0", stamp
    )  # fmt: skip


@pytest.mark.parametrize("key", [None, KEY128])
def test_pysiaalarm_reads_our_adm_cid_frames(pysia: object, key: bytes | None) -> None:
    stamp = now_s()
    built = build_frame(
        "ADM-CID", 8, "ABC123", "#ABC123|3130 02 015", receiver="A", line="1", timestamp=stamp, key=key
    )
    event = pysia_server("ABC123", key).parse_and_check_event(built)  # type: ignore[attr-defined]
    assert event.valid_message and event.response.value == "ACK"
    assert (event.account, event.sequence, event.receiver, event.line) == ("ABC123", "0008", "RA", "L1")
    assert (event.event_qualifier, event.event_type, event.partition, event.ri) == ("3", "130", "02", "015")
    assert event.code == "BH"  # pysiaalarm's own Contact ID -> SIA mapping of a burglary restore
    assert event.timestamp == stamp


@pytest.mark.parametrize("key", [None, KEY128])
def test_pysiaalarm_reads_our_null_frames(pysia: object, key: bytes | None) -> None:
    built = build_frame("NULL", 0, "1234", "", receiver="0", line="0", timestamp=now_s(), key=key)
    event = pysia_server("1234", key).parse_and_check_event(built)  # type: ignore[attr-defined]
    assert event.valid_message and event.response.value == "ACK"


@pytest.mark.parametrize("key", [None, KEY128])
def test_we_read_pysiaalarm_acks(pysia: object, key: bytes | None) -> None:
    stamp = now_s()
    built = build_frame("SIA-DCS", 77, "1234", "#1234|NRP", receiver="5", line="6", timestamp=stamp, key=key)
    event = pysia_server("1234", key).parse_and_check_event(built)  # type: ignore[attr-defined]
    answer = parse_response(event.create_response(), key)
    assert (answer.id, answer.encrypted, answer.sequence, answer.receiver, answer.line, answer.account) == (
        "ACK", key is not None, 77, "5", "6", "1234"
    )  # fmt: skip
    if key is not None:  # pysiaalarm's encrypted ACK: zero pad without "|", its clock as timestamp
        assert answer.timestamp is not None and abs((answer.timestamp - stamp).total_seconds()) < 5


def test_we_read_pysiaalarm_naks(pysia: object) -> None:
    # Timestamp outside its window: its NAK echoes the frame's R and L (the standard says R0L0).
    stamp = now_s() - timedelta(minutes=5)
    built = build_frame("SIA-DCS", 78, "1234", "#1234|NRP", receiver="1", line="0", timestamp=stamp)
    event = pysia_server("1234", None).parse_and_check_event(built)  # type: ignore[attr-defined]
    assert event.response.value == "NAK"
    answer = parse_response(event.create_response())
    assert (answer.id, answer.sequence, answer.receiver, answer.line, answer.account) == (
        "NAK",
        0,
        "1",
        "0",
        None,
    )
    assert answer.timestamp is not None and abs((answer.timestamp - now_s()).total_seconds()) < 5
    # Unreadable line: its NAK is written "L0R0A0", L before R.
    event = pysia_server("1234", None).parse_and_check_event(b"garbage")  # type: ignore[attr-defined]
    nak = event.create_response()
    assert b'"NAK"0000L0R0A0[]_' in nak
    answer = parse_response(nak)
    assert (answer.id, answer.sequence, answer.receiver, answer.line, answer.account) == (
        "NAK",
        0,
        "0",
        "0",
        None,
    )


def test_pysiaalarm_quirks_documented(pysia: object) -> None:
    """Known pysiaalarm 3.2.2 deviations, pinned so a change of version is noticed."""
    stamp = now_s()
    # 1. No R field in the frame: its ACK says "None" where R would be, which no panel can read.
    built = build_frame("SIA-DCS", 79, "1234", "#1234|NRP", line="0", timestamp=stamp)
    ack = pysia_server("1234", None).parse_and_check_event(built).create_response()  # type: ignore[attr-defined]
    assert b'"ACK"0079NoneL0#1234[]' in ack
    with pytest.raises(MalformedFrame):
        parse_response(ack)
    # 2. Extended data in a plain frame of an account with a key: its ACK echoes the key in clear.
    built = build_frame(
        "SIA-DCS", 80, "1234", "#1234|NRP", receiver="1", line="0", extended=["XE2"], timestamp=stamp
    )
    ack = pysia_server("1234", KEY128).parse_and_check_event(built).create_response()  # type: ignore[attr-defined]
    assert parse_response(ack).extended == ("K" + KEY128.decode(),)
    # 3. It does not require R (we agree) but does require L: a frame without L is refused.
    built = build_frame("SIA-DCS", 81, "1234", "#1234|NRP", timestamp=stamp)
    event = pysia_server("1234", None).parse_and_check_event(built)  # type: ignore[attr-defined]
    assert type(event).__name__ == "NAKEvent"
    assert parse_frame(built, no_keys, now=stamp).line is None


# --------------------------------------------------------------------------------------------
# Link tests: NULL without the bar, XNM (issue 16)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", [KEY128, KEY192, KEY256])
def test_encrypted_null_without_bar_is_read_like_one_with_it(key: bytes) -> None:
    plain = padded("]" + STAMP, pad_char="7")  # "pad]timestamp": an empty message, no "|"
    assert "|" not in plain
    span = '"*NULL"0021R0L0#AAAB[' + aes_hex(plain, key)
    frame = parse(wire(span), keys=keys_of({"AAAB": key}))
    assert (frame.id, frame.encrypted, frame.sequence, frame.data, frame.timestamp) == (
        "NULL",
        True,
        21,
        "",
        NOW,
    )
    assert frame.is_link_test
    barred = parse(
        wire('"*NULL"0021R0L0#AAAB[' + aes_hex(padded("|]" + STAMP), key)), keys=keys_of({"AAAB": key})
    )
    assert (barred.data, barred.timestamp, barred.extended) == (frame.data, frame.timestamp, frame.extended)


def test_encrypted_message_with_data_but_no_bar_stays_refused() -> None:
    # Where the pad would end is a guess once there is data: DUH, not a misread alarm.
    span = '"*SIA-DCS"0022L0#1234[' + aes_hex(padded("NBA01]" + STAMP, pad_char="0"), KEY128)
    with pytest.raises(DecryptError):
        parse(wire(span), keys=keys_of({"1234": KEY128}))


def test_encrypted_null_without_bar_and_wrong_key_is_a_decrypt_error() -> None:
    span = '"*NULL"0023L0#AAAB[' + aes_hex(padded("]" + STAMP), KEY128)
    with pytest.raises(DecryptError):
        parse(wire(span), keys=keys_of({"AAAB": KEY128[::-1]}))


def test_xnm_is_a_link_test_with_its_extended_data() -> None:
    frame_bytes = wire('"XNM"0008L0#2201[][G1]' + STAMP)
    frame = parse(frame_bytes)
    assert frame == Frame("XNM", False, 8, None, "0", "2201", "", ("G1",), NOW, raw_of(frame_bytes))
    assert frame.is_link_test
    assert build_ack(frame, None, now=NOW) == wire('"ACK"0008L0#2201[]')


@pytest.mark.parametrize("plain", ["|][G1]" + STAMP, "][G1]" + STAMP])
def test_encrypted_xnm_with_or_without_bar(plain: str) -> None:
    span = '"*XNM"0009R1L0#2201[' + aes_hex(padded(plain), KEY128)
    frame = parse(wire(span), keys=keys_of({"2201": KEY128}))
    assert (frame.id, frame.encrypted, frame.data, frame.extended, frame.timestamp) == (
        "XNM", True, "", ("G1",), NOW
    )  # fmt: skip
    ack = parse_response(build_ack(frame, KEY128, now=NOW), KEY128)
    assert (ack.id, ack.encrypted, ack.sequence, ack.account) == ("ACK", True, 9, "2201")


def test_only_null_and_xnm_are_link_tests() -> None:
    assert [parse(wire(f'"{i}"0001L0#1234[#1234|NRP]')).is_link_test for i in ("SIA-DCS", "NULL", "XNM")] == [
        False,
        True,
        True,
    ]
    assert not parse(wire('"ADM-CID"0001L0#1234[#1234|1602 00 000]')).is_link_test
