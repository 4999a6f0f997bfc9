"""GA 467 frames: the reference's real frames, streams with garbage, splits, truncation, fuzzing."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.idcard import codec
from devices.idcard.errors import (ChecksumError, LengthError, ProtocolError, TruncatedFrame,
                                   UnexpectedReply)

# frames quoted in the protocol reference, byte for byte
FIND_CMD = bytes.fromhex("AAAAAA9669000320 0122".replace(" ", ""))
FIND_OK = bytes.fromhex("AAAAAA9669000800009F0000000097")
FIND_FAIL = bytes.fromhex("AAAAAA96690004000080 84".replace(" ", ""))
SELECT_FAIL = bytes.fromhex("AAAAAA9669000400008185")
READ_FAIL = bytes.fromhex("AAAAAA9669000400004145")
SAM_OK = bytes.fromhex("AAAAAA9669000400009094")


def decode_all(data: bytes, chunk: int | None = None, min_body: int = 3):
    dec = codec.FrameDecoder(min_body)
    out = []
    pieces = [data] if chunk is None else [data[i:i + chunk] for i in range(0, len(data), chunk)]
    for piece in pieces:
        dec.feed(piece)
        while True:
            try:
                frame = dec.next()
            except ProtocolError as exc:
                out.append(exc)
                continue
            if frame is None:
                break
            out.append(frame)
    return out, dec


def test_command_encoding_matches_reference_example():
    assert codec.command(codec.FIND_CARD) == FIND_CMD


@pytest.mark.parametrize("raw,sw3", [(FIND_OK, 0x9F), (FIND_FAIL, 0x80), (SELECT_FAIL, 0x81),
                                     (READ_FAIL, 0x41), (SAM_OK, 0x90)])
def test_reference_response_frames_decode(raw, sw3):
    frames, _ = decode_all(raw)
    assert len(frames) == 1 and frames[0].sw3 == sw3
    assert codec.encode(frames[0].body) == raw


def test_command_frames_decode_for_the_twin():
    frames, _ = decode_all(FIND_CMD, min_body=2)
    assert frames[0].cmd == codec.FIND_CARD and frames[0].args == b""


def test_leading_garbage_and_partial_preamble_are_skipped():
    garbage = b"\x00\x13\xAA\xAA\x96\xAA\xAA"       # looks like the start of a preamble, twice
    frames, dec = decode_all(garbage + SAM_OK + b"\xFF" + FIND_OK)
    assert [f.sw3 for f in frames] == [0x90, 0x9F]
    assert dec.skipped == len(garbage) + 1


@pytest.mark.parametrize("chunk", [1, 2, 3, 6, 7, 11])
def test_frames_split_across_reads(chunk):
    frames, _ = decode_all(FIND_OK + SAM_OK + READ_FAIL, chunk=chunk)
    assert [f.sw3 for f in frames] == [0x9F, 0x90, 0x41]


def test_truncated_frame_is_reported_when_the_stream_ends():
    dec = codec.FrameDecoder()
    dec.feed(FIND_OK[:-3])
    assert dec.next() is None
    with pytest.raises(TruncatedFrame):
        dec.finish()
    assert dec.pending == 0


def test_bad_checksum_is_typed_and_the_next_frame_still_decodes():
    bad = FIND_OK[:-1] + bytes([FIND_OK[-1] ^ 1])
    out, _ = decode_all(bad + SAM_OK)
    assert isinstance(out[0], ChecksumError)
    assert out[0].code == "checksum"
    assert [o.sw3 for o in out[1:] if isinstance(o, codec.Frame)] == [0x90]


@pytest.mark.parametrize("length", [b"\x00\x00", b"\x00\x03", b"\xFF\xFF", b"\x0A\x01"])
def test_impossible_length_is_typed(length):
    out, _ = decode_all(codec.PREAMBLE + length + b"\x00" * 8 + SAM_OK)
    assert isinstance(out[0], LengthError)
    assert isinstance(out[-1], codec.Frame) and out[-1].sw3 == 0x90


def test_read_data_lengths_are_checked():
    text, photo = b" \x00" * 128, bytes(range(256)) * 4
    rec = codec.decode_read_data(codec.encode_read_data(text, photo), with_fingerprint=False)
    assert rec.text == text and rec.photo == photo and rec.fingerprint is None
    rec = codec.decode_read_data(codec.encode_read_data(text, photo, b""), with_fingerprint=True)
    assert rec.fingerprint == b""
    with pytest.raises(UnexpectedReply):
        codec.decode_read_data(codec.encode_read_data(text, photo)[:-1], with_fingerprint=False)
    with pytest.raises(UnexpectedReply):
        codec.decode_read_data(b"\x01", with_fingerprint=False)


def test_full_read_response_is_1295_bytes():
    frame = codec.response(0x90, codec.encode_read_data(b" \x00" * 128, b"\x00" * 1024))
    assert len(frame) == 1295 and frame[5:7] == b"\x05\x08"
    frame = codec.response(0x90, codec.encode_read_data(b" \x00" * 128, b"\x00" * 1024,
                                                        b"\x00" * 1024))
    assert len(frame) == 2321 and frame[5:7] == b"\x09\x0A"


# --- property-based: any bytes, any split -> frames or typed errors, nothing else ---------------

bodies = st.binary(min_size=3, max_size=64)
noise = st.binary(max_size=40).filter(lambda b: codec.PREAMBLE[:1] not in b)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=600), st.lists(st.integers(1, 50), min_size=1, max_size=30))
def test_fuzz_any_stream_yields_frames_or_typed_errors(data, cuts):
    dec = codec.FrameDecoder()
    pos, i = 0, 0
    while pos < len(data):
        step = cuts[i % len(cuts)]
        dec.feed(data[pos:pos + step])
        pos, i = pos + step, i + 1
        for _ in range(len(data) + 2):       # every call consumes or waits: bounded
            try:
                frame = dec.next()
            except ProtocolError:
                continue
            if frame is None:
                break
            assert isinstance(frame, codec.Frame)
    try:
        dec.finish()
    except ProtocolError:
        pass


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(noise, bodies), min_size=1, max_size=6), st.integers(1, 40))
def test_fuzz_frames_between_noise_are_all_recovered(parts, chunk):
    stream = b"".join(n + codec.encode(b"\x00\x00" + b[2:]) for n, b in parts)
    out, _ = decode_all(stream, chunk=chunk)
    assert [o.body for o in out] == [b"\x00\x00" + b[2:] for _, b in parts]


@settings(max_examples=200, deadline=None)
@given(bodies, st.integers(0, 200), st.integers(1, 255))
def test_fuzz_any_single_byte_corruption_is_caught_or_harmless(body, where, flip):
    # body and checksum bytes: an XOR checksum always catches one damaged byte there. (A damaged
    # LEN shifts where the checksum is read, which the protocol only catches 255 times in 256.)
    frame = bytearray(codec.encode(body))
    where = codec.HEADER + where % (len(frame) - codec.HEADER)
    frame[where] ^= flip
    out, dec = decode_all(bytes(frame) + SAM_OK)
    # the corrupted frame never comes out as a different valid frame; the next one always does
    assert all(not isinstance(o, codec.Frame) or o.body in (body, SAM_OK[7:-1]) for o in out)
    frames = [o for o in out if isinstance(o, codec.Frame)]
    assert frames and frames[-1].body == SAM_OK[7:-1]
    assert any(isinstance(o, ChecksumError) for o in out)
