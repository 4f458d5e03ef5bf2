"""SIA DC-09 frame codec: bytes on the wire to :class:`Frame` and back, with no I/O and no Qt.

Wire format of one frame (ANSI/SIA DC-09), as this module reads and writes it::

    LF crc 0LLL "ID" seq [Rrcvr] [Lpref] #acct [data] [x-data]... [_HH:MM:SS,MM-DD-YYYY] CR

- *span*: everything after ``LF crc 0LLL`` and before ``CR``, i.e. from the opening ``"`` of the ID
  to the last character of the timestamp (or of the last ``]`` when there is none). Both the CRC
  and the length cover exactly this span, as sent (for an encrypted frame: the hex ciphertext).
- ``crc``: CRC-16/ARC of the span (reflected polynomial 0xA001, initial value 0, no final XOR),
  4 hex digits. Written upper case. Read in either case: the value is what protects the frame,
  and refusing ``5e3a`` would only make a panel retry the same bytes forever (pysiaalarm, which
  compares strings, treats a lower-case CRC with letters as a mismatch).
- ``0LLL``: a literal ``0`` then the span length in 3 hex digits (so a span is at most 0xFFF
  characters). Written upper case, read in either case.
- ``"ID"``: ``SIA-DCS``, ``ADM-CID``, ``NULL`` or ``XNM``; a ``*`` inside the quotes (``"*SIA-DCS"``)
  marks an encrypted frame. ``NULL`` and ``XNM`` (the extended null message of DC-09's current
  revision, a link test that may carry extended data: ``"XNM"0008L0#2201[][G1]_timestamp``) are
  link tests (:attr:`Frame.is_link_test`). Any other ID is answered DUH (:class:`UnsupportedId`).
- ``seq``: 4 decimal digits. 0001-9999 per the standard; 0000 is accepted because panels send it.
- ``R`` receiver number and ``L`` line prefix: 1-6 hex digits each, both optional on reading
  (many panels omit R; pysiaalarm requires L). Lower-case hex is read and normalised upper case.
- ``#acct``: 3-16 hex digits, normalised upper case. A plain frame without it (seen from some
  panels) takes the account from its data (``#ACCT|...``); an encrypted one cannot (the key is
  looked up by the header account) and is malformed.
- ``[data]``: the payload; it runs to the first ``]`` (so it may not contain ``]``).
- ``[x-data]``: zero or more extended fields, each a letter identifier and a value, kept raw in
  :attr:`Frame.extended` as the text between the brackets (``"XE002.3456"``); never empty.
- timestamp: ``_HH:MM:SS,MM-DD-YYYY`` in UTC; optional in plain frames, mandatory in encrypted ones.

Encryption (``*`` IDs): the ``[`` after the account stays in clear; everything after it - pad,
``|``, data, ``]``, extended data and timestamp - is AES-CBC encrypted with a zero IV and sent as
hex (written upper case). The plain text is ``pad | data ] x-data timestamp``: the pad is 1 to 16
characters (16 when the rest is already a multiple of 16 bytes) that are never ``|``, ``[`` or
``]``, so the first ``|`` ends it. Some transmitters write an empty message without the ``|``
(``pad ] timestamp``): for a link test, whose data is empty, the pad's end is not in doubt, so that
shape is read too; for a message with data it stays a :class:`DecryptError` (where the pad ends and
the data starts could only be guessed). The standard allows any byte value in the pad; this module
writes printable ASCII (receivers that decode the plain text as ASCII or UTF-8 then cope) and
reads any byte. Frames are handled as Latin-1 text, which maps every byte to one character, so
the CRC, the length and :attr:`Frame.raw` always agree with the bytes as received.

Answers: ``"ACK"`` echoes seq, R, L and account with empty data (``[]``); for an encrypted frame it
is ``"*ACK"`` and its encrypted part is ``pad|]_timestamp`` (the receiver's clock). ``"NAK"`` is
``"NAK"0000R0L0A0[]_timestamp``, never encrypted (it tells the panel the receiver's time after a
timestamp rejection). ``"DUH"`` echoes seq, R, L and account when they could be read, never
encrypted (the receiver could not decrypt, so it could not encrypt either).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from Crypto.Cipher import AES

__all__ = [
    "LINK_TEST_IDS",
    "SUPPORTED_IDS",
    "CrcError",
    "DecryptError",
    "DuhError",
    "Frame",
    "FrameError",
    "KeyLookup",
    "LengthError",
    "MalformedFrame",
    "NakError",
    "Response",
    "TimestampRejected",
    "UnknownAccount",
    "UnsupportedId",
    "build_ack",
    "build_duh",
    "build_frame",
    "build_nak",
    "crc16_arc",
    "format_timestamp",
    "parse_frame",
    "parse_response",
    "parse_timestamp",
]

LINK_TEST_IDS: frozenset[str] = frozenset({"NULL", "XNM"})
SUPPORTED_IDS: frozenset[str] = frozenset({"SIA-DCS", "ADM-CID"}) | LINK_TEST_IDS
RESPONSE_IDS: frozenset[str] = frozenset({"ACK", "NAK", "DUH", "RSP"})
MAX_SPAN = 0xFFF  # what "0LLL" can express
AES_KEY_SIZES = (16, 24, 32)
_ZERO_IV = bytes(16)
_LF, _CR = b"\n", b"\r"


# --------------------------------------------------------------------------------------------
# Errors: the class tells the receiver which answer to send.
# --------------------------------------------------------------------------------------------


class FrameError(Exception):
    """A frame the receiver cannot accept. ``frame`` holds what could be read of it, if anything."""

    def __init__(self, message: str, *, frame: Frame | None = None) -> None:
        super().__init__(message)
        self.frame = frame


class NakError(FrameError):
    """Answer NAK: the panel should send the frame again (transmission or clock problem)."""


class CrcError(NakError):
    """The CRC does not match the span: the bytes were damaged."""


class LengthError(NakError):
    """The 0LLL field does not match the span: truncated, merged or badly framed."""


class MalformedFrame(NakError):
    """The CRC is right but the frame does not follow the DC-09 syntax."""


class TimestampRejected(NakError):
    """The panel's timestamp is outside the accepted window.

    ``frame`` is the fully parsed frame (the server may still record it); ``skew_s`` is panel time
    minus receiver time in seconds (negative: the panel is late).
    """

    frame: Frame

    def __init__(self, message: str, *, frame: Frame, skew_s: float) -> None:
        super().__init__(message, frame=frame)
        self.skew_s = skew_s


class DuhError(FrameError):
    """Answer DUH: the frame arrived intact but the receiver cannot process it."""


class UnsupportedId(DuhError):
    """An ID other than SIA-DCS, ADM-CID, NULL, XNM (with or without ``*``)."""


class UnknownAccount(DuhError):
    """An encrypted frame whose account has no key here."""


class DecryptError(DuhError):
    """The ciphertext is not hex blocks, the key is unusable, or the plain text does not parse."""


# --------------------------------------------------------------------------------------------
# Frame
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Frame:
    """One received DC-09 message, decrypted, with its header fields as sent (hex upper-cased)."""

    id: str  # "SIA-DCS", "ADM-CID", "NULL", "XNM" (without the star)
    encrypted: bool
    sequence: int  # 0..9999
    receiver: str | None  # R field hex digits without the "R"; None when absent
    line: str | None  # L field hex digits without the "L"; None when absent
    account: str  # upper-case hex, 3..16 characters
    data: str  # decrypted text between the first "[" and "]" (pad and its "|" removed)
    extended: tuple[str, ...]  # extended fields in order, text between the brackets: ("XE002.3456",)
    timestamp: datetime | None  # UTC, aware
    raw: str  # frame text from the CRC to the timestamp as received (no LF/CR), ciphertext included

    @property
    def is_link_test(self) -> bool:
        """NULL or XNM: proves the path works, carries no event (XNM may carry extended data)."""
        return self.id in LINK_TEST_IDS


KeyLookup = Callable[[str, str], bytes | None]
"""(account, line), both upper-case hex and line "" when the frame has no L field -> AES key
(16, 24 or 32 bytes), or None when that transmitter has no key."""


@dataclass(frozen=True, slots=True)
class Response:
    """A receiver's answer (ACK, NAK, DUH, RSP) as read back by a transmitter or a test."""

    id: str
    encrypted: bool
    sequence: int
    receiver: str | None
    line: str | None
    account: str | None  # None for the "A0" of NAK and zero DUH
    data: str
    extended: tuple[str, ...]
    timestamp: datetime | None
    raw: str


# --------------------------------------------------------------------------------------------
# CRC and timestamps
# --------------------------------------------------------------------------------------------


def _crc_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_CRC_TABLE = _crc_table()


def crc16_arc(data: bytes) -> int:
    """CRC-16/ARC (poly 0x8005 reflected = 0xA001, init 0, no final XOR); b"123456789" -> 0xBB3D."""
    crc = 0
    table = _CRC_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


_TIMESTAMP_FORMAT = "_%H:%M:%S,%m-%d-%Y"
_TIMESTAMP = re.compile(r"_([0-9]{2}):([0-9]{2}):([0-9]{2}),([0-9]{2})-([0-9]{2})-([0-9]{4})", re.ASCII)


def format_timestamp(moment: datetime) -> str:
    """``_HH:MM:SS,MM-DD-YYYY`` in UTC; an aware datetime is required (a naive one is ambiguous)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("DC-09 timestamps need an aware datetime")
    return moment.astimezone(UTC).strftime(_TIMESTAMP_FORMAT)


def parse_timestamp(text: str) -> datetime:
    """Read ``_HH:MM:SS,MM-DD-YYYY`` (UTC) strictly; ValueError for anything else."""
    match = _TIMESTAMP.fullmatch(text)
    if match is None:
        raise ValueError(f"not a DC-09 timestamp: {text!r}")
    hour, minute, second, month, day, year = (int(group) for group in match.groups())
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------

_HEX4 = re.compile(r"[0-9A-Fa-f]{4}", re.ASCII)
_ID = re.compile(r'"(\*?)([^"]{0,32})"')
# Header after the ID. R and L in the standard's order; the account is optional only so that a
# plain frame carrying it in its data alone can still be read.
_HEADER = re.compile(
    r"(?P<seq>[0-9]{4})(?:R(?P<r>[0-9A-Fa-f]{1,6}))?(?:L(?P<l>[0-9A-Fa-f]{1,6}))?"
    r"(?:#(?P<acct>[0-9A-Fa-f]{3,16}))?\[",
    re.ASCII,
)
# Responses: pysiaalarm writes its NAK as "L0R0A0", so the other order is read there too. The
# field before "A0" is matched lazily: in "R0L0A0[" the line is "0", not the hex "0A0".
_RESPONSE_HEADER = re.compile(
    r"(?P<seq>[0-9]{4})"
    r"(?:(?:R(?P<r>[0-9A-Fa-f]{1,6}?))?(?:L(?P<l>[0-9A-Fa-f]{1,6}?))?"
    r"|L(?P<l2>[0-9A-Fa-f]{1,6})R(?P<r2>[0-9A-Fa-f]{1,6}?))"
    r"(?:#(?P<acct>[0-9A-Fa-f]{3,16})|A0)?\[",
    re.ASCII,
)
# What follows "[": data, extended fields, optional timestamp (checked strictly afterwards).
_CLEAR_TAIL = re.compile(r"(?P<data>[^\]]*)\](?P<ext>(?:\[[^\[\]]+\])*)(?P<ts>_.*)?", re.DOTALL)
_PADDED_TAIL = re.compile(r"[^|\[\]]*\|" + _CLEAR_TAIL.pattern, re.DOTALL)
# pysiaalarm's encrypted ACK, and some transmitters' encrypted link tests, have no "|" after the
# pad: the pad runs up to the "]" (read only where the data is empty anyway).
_UNBARRED_TAIL = re.compile(r"[^|\[\]]*(?P<data>)\](?P<ext>(?:\[[^\[\]]+\])*)(?P<ts>_.*)?", re.DOTALL)
_EXT_FIELD = re.compile(r"\[([^\[\]]+)\]")
_HEX = re.compile(r"(?:[0-9A-Fa-f]{32})+", re.ASCII)
_ACCOUNT_IN_DATA = re.compile(r"#([0-9A-Fa-f]{3,16})\|", re.ASCII)


@dataclass(frozen=True, slots=True)
class _Tail:
    data: str
    extended: tuple[str, ...]
    timestamp: datetime | None


def _checked_span(raw: bytes) -> tuple[str, str]:
    """(span text, raw text) after the length and CRC checks; NakError subclasses otherwise."""
    body = raw[1:] if raw.startswith(_LF) else raw
    body = body[:-1] if body.endswith(_CR) else body
    text = body.decode("latin-1")
    if len(body) < 8:
        raise MalformedFrame(f"frame too short ({len(body)} bytes)")
    crc_field, length_field, span = text[:4], text[4:8], body[8:]
    if not _HEX4.fullmatch(crc_field):
        raise MalformedFrame(f"CRC field is not 4 hex digits: {crc_field!r}")
    if not _HEX4.fullmatch(length_field) or length_field[0] != "0":
        raise LengthError(f"length field is not 0LLL: {length_field!r}")
    if int(length_field, 16) != len(span):
        raise LengthError(f"length field says {int(length_field, 16)}, span has {len(span)} bytes")
    expected = crc16_arc(span)
    if int(crc_field, 16) != expected:
        raise CrcError(f"CRC field says {crc_field}, span gives {expected:04X}")
    return text[8:], text


def _read_tail(text: str, pattern: re.Pattern[str]) -> _Tail | None:
    """Data, extended fields and timestamp; None when ``text`` does not have that shape."""
    match = pattern.fullmatch(text)
    if match is None:
        return None
    stamp = match.group("ts")
    timestamp = None
    if stamp is not None:
        try:
            timestamp = parse_timestamp(stamp)
        except ValueError:
            return None
    return _Tail(match.group("data"), tuple(_EXT_FIELD.findall(match.group("ext"))), timestamp)


def _decrypt(cipher_hex: str, key: bytes) -> str:
    """AES-CBC (zero IV) of hex blocks, as Latin-1 text; DecryptError when impossible."""
    if len(key) not in AES_KEY_SIZES:
        raise DecryptError(f"AES key must be 16, 24 or 32 bytes, not {len(key)}")
    if not _HEX.fullmatch(cipher_hex):
        raise DecryptError("encrypted part is not hex in 16-byte blocks")
    cipher = AES.new(key, AES.MODE_CBC, iv=_ZERO_IV)
    return cipher.decrypt(bytes.fromhex(cipher_hex)).decode("latin-1")


def _upper(value: str | None) -> str | None:
    return None if value is None else value.upper()


def parse_frame(
    raw: bytes,
    keys: KeyLookup,
    *,
    now: datetime,
    window_past_s: float = 40.0,
    window_future_s: float = 20.0,
) -> Frame:
    """Read one frame (with or without its LF and CR); raise a FrameError subclass if it is refused.

    Order of checks, so that the answer is the right one: length and CRC (NAK), the ID (DUH for an
    unknown one), the header syntax (NAK), decryption of ``*`` frames with ``keys(account, line)``
    (DUH: UnknownAccount, DecryptError), the tail syntax (NAK; an encrypted frame without
    timestamp is malformed), then the timestamp window when there is a timestamp (NAK,
    :class:`TimestampRejected`): accepted from ``window_past_s`` before ``now`` to
    ``window_future_s`` after it, both ends included.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime")
    span, raw_text = _checked_span(raw)

    id_match = _ID.match(span)
    if id_match is None:
        raise MalformedFrame("no quoted ID at the start of the frame")
    star, frame_id = id_match.group(1) == "*", id_match.group(2)
    header = _HEADER.match(span, id_match.end())
    if frame_id not in SUPPORTED_IDS:
        partial = _partial(frame_id, star, header, raw_text)
        raise UnsupportedId(f"unsupported ID {id_match.group(0)}", frame=partial)
    if header is None:
        raise MalformedFrame("header after the ID is not seq [Rrcvr] [Lpref] #acct [")
    rest = span[header.end() :]
    account = _upper(header.group("acct"))

    if star:
        if account is None:
            raise MalformedFrame("encrypted frame without #account in its header")
        partial = _partial(frame_id, star, header, raw_text)
        key = keys(account, _upper(header.group("l")) or "")
        if key is None:
            raise UnknownAccount(f"no key for encrypted account {account}", frame=partial)
        plain = _decrypt(rest, key)
        tail = _read_tail(plain, _PADDED_TAIL)
        if tail is None and frame_id in LINK_TEST_IDS:
            tail = _read_tail(plain, _UNBARRED_TAIL)
        if tail is None:
            raise DecryptError(f"decrypted text of account {account} does not parse", frame=partial)
        if tail.timestamp is None:
            raise MalformedFrame("encrypted frame without timestamp", frame=partial)
    else:
        tail = _read_tail(rest, _CLEAR_TAIL)
        if tail is None:
            raise MalformedFrame("data, extended data or timestamp is malformed")
        if account is None:
            in_data = _ACCOUNT_IN_DATA.match(tail.data)
            if in_data is None:
                raise MalformedFrame("no account in the header nor in the data")
            account = in_data.group(1).upper()

    frame = Frame(
        id=frame_id,
        encrypted=star,
        sequence=int(header.group("seq")),
        receiver=_upper(header.group("r")),
        line=_upper(header.group("l")),
        account=account,
        data=tail.data,
        extended=tail.extended,
        timestamp=tail.timestamp,
        raw=raw_text,
    )
    if frame.timestamp is not None:
        skew = (frame.timestamp - now).total_seconds()
        if skew < -window_past_s or skew > window_future_s:
            raise TimestampRejected(
                f"timestamp {frame.timestamp.isoformat()} is {skew:+.3f} s from the receiver's clock",
                frame=frame,
                skew_s=skew,
            )
    return frame


def _partial(frame_id: str, star: bool, header: re.Match[str] | None, raw_text: str) -> Frame | None:
    """Header-only frame for a DUH that echoes seq, R, L and account; None when they are unknown."""
    if header is None or header.group("acct") is None:
        return None
    return Frame(
        id=frame_id,
        encrypted=star,
        sequence=int(header.group("seq")),
        receiver=_upper(header.group("r")),
        line=_upper(header.group("l")),
        account=header.group("acct").upper(),
        data="",
        extended=(),
        timestamp=None,
        raw=raw_text,
    )


def parse_response(raw: bytes, key: bytes | None = None) -> Response:
    """Read a receiver's answer (ACK, NAK, DUH, RSP), decrypting ``*`` answers with ``key``.

    For the transmitter side and interoperability tests. More tolerant than :func:`parse_frame`
    where a known receiver deviates: pysiaalarm's NAK puts L before R, and its encrypted ACK has
    no ``|`` after the pad. No timestamp window is applied.
    """
    span, raw_text = _checked_span(raw)
    id_match = _ID.match(span)
    if id_match is None:
        raise MalformedFrame("no quoted ID at the start of the answer")
    star, answer_id = id_match.group(1) == "*", id_match.group(2)
    if answer_id not in RESPONSE_IDS:
        raise UnsupportedId(f"not an answer ID: {id_match.group(0)}")
    header = _RESPONSE_HEADER.match(span, id_match.end())
    if header is None:
        raise MalformedFrame("answer header is not seq [Rrcvr] [Lpref] #acct|A0 [")
    rest = span[header.end() :]
    if star:
        if key is None:
            raise UnknownAccount("encrypted answer and no key")
        plain = _decrypt(rest, key)
        tail = _read_tail(plain, _PADDED_TAIL) or _read_tail(plain, _UNBARRED_TAIL)
        if tail is None:
            raise DecryptError("decrypted answer does not parse")
    else:
        tail = _read_tail(rest, _CLEAR_TAIL)
        if tail is None:
            raise MalformedFrame("answer data or timestamp is malformed")
    return Response(
        id=answer_id,
        encrypted=star,
        sequence=int(header.group("seq")),
        receiver=_upper(header.group("r") or header.group("r2")),
        line=_upper(header.group("l") or header.group("l2")),
        account=_upper(header.group("acct")),
        data=tail.data,
        extended=tail.extended,
        timestamp=tail.timestamp,
        raw=raw_text,
    )


# --------------------------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------------------------

# Printable ASCII except the three characters the standard forbids in the pad.
_PAD_ALPHABET = "".join(chr(c) for c in range(0x21, 0x7F) if chr(c) not in "|[]")
_HEX_FIELD = re.compile(r"[0-9A-Fa-f]+", re.ASCII)
_ID_TOKEN = re.compile(r"[A-Z0-9][A-Z0-9-]{0,31}", re.ASCII)


def _random_pad(count: int) -> str:
    """Unpredictable padding; one urandom call per frame (secrets.choice per character was a hot spot)."""
    alphabet = _PAD_ALPHABET
    return "".join(alphabet[byte % len(alphabet)] for byte in os.urandom(count))


def _wire(span: str) -> bytes:
    """LF crc 0LLL span CR."""
    try:
        body = span.encode("latin-1")
    except UnicodeEncodeError:
        raise ValueError("a DC-09 frame can only carry characters U+0000..U+00FF") from None
    if len(body) > MAX_SPAN:
        raise ValueError(f"frame span of {len(body)} bytes does not fit in 0LLL")
    return b"%b%04X0%03X%b%b" % (_LF, crc16_arc(body), len(body), body, _CR)


def _encrypt(tail: str, key: bytes, pad: Callable[[int], str] | None) -> str:
    """Hex of AES-CBC(pad | tail) with a zero IV; the pad makes the plain text whole blocks."""
    if len(key) not in AES_KEY_SIZES:
        raise ValueError(f"AES key must be 16, 24 or 32 bytes, not {len(key)}")
    barred = "|" + tail
    count = 16 - len(barred) % 16  # 1..16: a full block of pad when already aligned
    padding = (pad or _random_pad)(count)
    if len(padding) != count or any(c in "|[]" or ord(c) > 0xFF for c in padding):
        raise ValueError(f"pad must be {count} Latin-1 characters other than '|', '[' and ']'")
    plain = (padding + barred).encode("latin-1")
    return AES.new(key, AES.MODE_CBC, iv=_ZERO_IV).encrypt(plain).hex().upper()


def _check_hex(name: str, value: str, low: int, high: int) -> None:
    if not (low <= len(value) <= high and _HEX_FIELD.fullmatch(value)):
        raise ValueError(f"{name} must be {low}-{high} hex digits, not {value!r}")


def _route(sequence: int, receiver: str | None, line: str | None) -> str:
    """seq R L part of a header, validated."""
    if not 0 <= sequence <= 9999:
        raise ValueError(f"sequence must be within 0..9999, not {sequence}")
    text = f"{sequence:04d}"
    if receiver is not None:
        _check_hex("receiver", receiver, 1, 6)
        text += f"R{receiver}"
    if line is not None:
        _check_hex("line", line, 1, 6)
        text += f"L{line}"
    return text


def build_frame(
    id: str,
    sequence: int,
    account: str,
    data: str,
    *,
    receiver: str | None = None,
    line: str | None = None,
    extended: Sequence[str] = (),
    timestamp: datetime | None = None,
    key: bytes | None = None,
    pad: Callable[[int], str] | None = None,
) -> bytes:
    """A complete frame, LF to CR, as a panel sends it (for the simulator and tests).

    ``id`` is given without the star; with ``key`` the frame is encrypted (``"*ID"``), which needs
    a timestamp. ``pad(n)`` supplies the n pad characters (deterministic tests); by default they
    are random printable ASCII from the OS generator. Fields are validated: a frame this function
    returns is one :func:`parse_frame` can read.
    """
    if not _ID_TOKEN.fullmatch(id):
        raise ValueError(f"ID must be upper-case letters, digits and '-', without star: {id!r}")
    _check_hex("account", account, 3, 16)
    if "]" in data:
        raise ValueError("data cannot contain ']'")
    for field in extended:
        if not field or "[" in field or "]" in field:
            raise ValueError(f"extended field must be non-empty and bracket-free: {field!r}")
    tail = data + "]" + "".join(f"[{field}]" for field in extended)
    if timestamp is not None:
        tail += format_timestamp(timestamp)
    head = _route(sequence, receiver, line) + f"#{account}["
    if key is None:
        return _wire(f'"{id}"{head}{tail}')
    if timestamp is None:
        raise ValueError("an encrypted frame must carry a timestamp")
    return _wire(f'"*{id}"{head}{_encrypt(tail, key, pad)}')


def build_ack(
    frame: Frame, key: bytes | None, *, now: datetime, pad: Callable[[int], str] | None = None
) -> bytes:
    """ACK echoing seq, R, L and account; ``"*ACK"`` with ``pad|]_now`` encrypted when the frame was."""
    head = _route(frame.sequence, frame.receiver, frame.line) + f"#{frame.account}["
    if not frame.encrypted:
        return _wire(f'"ACK"{head}]')
    if key is None:
        raise ValueError("an encrypted frame needs its key to be acknowledged")
    return _wire(f'"*ACK"{head}{_encrypt("]" + format_timestamp(now), key, pad)}')


def build_nak(*, now: datetime) -> bytes:
    """``"NAK"0000R0L0A0[]_timestamp`` with the receiver's time, so the panel can correct its clock."""
    return _wire(f'"NAK"0000R0L0A0[]{format_timestamp(now)}')


def build_duh(frame: Frame | None) -> bytes:
    """DUH echoing seq, R, L and account when known, else ``"DUH"0000R0L0A0[]``; never encrypted."""
    if frame is None:
        return _wire('"DUH"0000R0L0A0[]')
    return _wire(f'"DUH"{_route(frame.sequence, frame.receiver, frame.line)}#{frame.account}[]')
