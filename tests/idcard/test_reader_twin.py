"""Every twin scenario through the real driver over a real pty."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from devices.idcard import codec, text
from devices.idcard.errors import (CardReadError, ChecksumError, CheckDigitError, NoAnswer,
                                   PortUnavailable, SamError)
from devices.idcard.reader import IdCardReader
from devices.virtual.idcard_twin import (CORRUPT_CHECKSUM, LEADING_GARBAGE, IdCardTwin, TwinCard,
                                         apply_scenario, sample_cards)

from .conftest import settings_for

READ = (codec.READ_TEXT_PHOTO, codec.READ_TEXT_PHOTO_FP)


def test_open_checks_sam_status_and_id(twin, reader):
    assert reader.open() == twin.sam_id.hex().upper()
    assert twin.stats.by_command.get("11FF") == 1 and twin.stats.by_command.get("12FF") == 1


@pytest.mark.parametrize("name", sorted(sample_cards()))
def test_each_card_type_reads(twin, reader, name):
    twin.place_card(name)
    read = reader.read_one(timeout_s=2)
    expected = text.parse(sample_cards()[name].text_bytes())
    assert read.text == expected
    assert bytes(read.photo_wlt) == sample_cards()[name].photo_bytes()
    assert read.fingerprint is None
    assert read.photo_status == "not_decodable_here" and read.photo_bmp is None


def test_long_term_and_expired(twin, reader):
    twin.place_card("resident_longterm")
    assert reader.read_one(2).text.valid_until is None
    twin.place_card("resident_expired")
    card = reader.read_one(2).text
    assert card.expired and card.valid_until == dt.date(2018, 1, 15)


def test_fingerprint_read_when_configured(twin):
    reader = IdCardReader(settings_for(twin.port, read_fingerprint=True))
    twin.place_card("resident")
    read = reader.read_one(2)
    assert len(read.fingerprint) == 1024 and twin.stats.by_command.get("3010") == 1
    twin.place_card("resident_longterm")        # a card without fingerprint: length 0
    assert reader.read_one(2).fingerprint == bytearray()


def test_no_card_until_timeout(twin, reader):
    started = time.monotonic()
    assert reader.read_one(timeout_s=0.5) is None
    # it kept polling until its timeout was near (no load can make that faster); the upper
    # bound only guards a hang
    assert 0.3 < time.monotonic() - started < 5.0
    assert twin.stats.by_command.get("2001", 0) >= 3


def test_card_removed_between_select_and_read(twin, reader):
    apply_scenario(twin, "removed_before_read")
    with pytest.raises(CardReadError) as err:
        reader.read_one(2)
    assert err.value.sw3 == 0x41 and err.value.code == "card_read"
    assert twin.card is None


def test_checksum_corruption_resyncs_and_retries(twin, reader):
    apply_scenario(twin, "checksum_corruption")
    read = reader.read_one(2)
    assert read.text.name == "林示例"
    assert reader.link.resyncs == 1
    assert twin.stats.by_command["3001"] == 2 and twin.stats.by_command["2002"] == 2


def test_corruption_beyond_the_retry_budget_is_a_typed_error(twin, reader):
    twin.place_card("resident")
    twin.inject(CORRUPT_CHECKSUM, times=10, on=READ)
    with pytest.raises(ChecksumError):
        reader.read_one(2)
    assert twin.stats.by_command["3001"] == reader.settings.retries + 1    # bounded


def test_slow_split_frame(twin, reader):
    apply_scenario(twin, "slow_split")
    started = time.monotonic()
    assert reader.read_one(2).text.name == "林示例"
    assert time.monotonic() - started > 0.3          # two 150 ms pauses really happened
    assert reader.link.resyncs == 0


def test_leading_garbage_before_every_reply(twin, reader):
    twin.place_card("hmt_permit")
    twin.inject(LEADING_GARBAGE, times=50)
    assert reader.read_one(2).text.pass_number == "H99000017"
    assert reader.link.resyncs == 0 and reader.link.decoder.skipped >= 5 * 9


def test_sam_self_test_failure(twin, reader):
    apply_scenario(twin, "sam_failure")
    with pytest.raises(SamError) as err:
        reader.open()
    assert err.value.sw3 == 0x60 and err.value.code == "sam"
    assert twin.stats.by_command.get("10FF") == 1      # one SAM reset was tried
    assert not reader.link.is_open


def test_no_answer_at_all(twin):
    reader = IdCardReader(settings_for(twin.port, command_timeout_s=0.2, retries=1))
    apply_scenario(twin, "no_answer")
    started = time.monotonic()
    with pytest.raises(NoAnswer):
        reader.open()
    assert time.monotonic() - started < 5.0            # a hang guard; the count below is the rule
    assert twin.stats.by_command["11FF"] == 2          # bounded: 1 + 1 retry


def test_wrong_check_digit_card_is_rejected(twin, reader):
    values = dict(sample_cards()["resident"].values, id_number="990101198805160027")
    twin.place_card(TwinCard("bad-digit", text.RESIDENT, values))
    with pytest.raises(CheckDigitError):
        reader.read_one(2)


def test_missing_port_is_port_unavailable(tmp_path):
    with pytest.raises(PortUnavailable):
        IdCardReader(settings_for(str(tmp_path / "ttyNONE"))).open()


def test_twin_paces_at_the_baud_rate():
    with IdCardTwin(baud=38400) as slow:
        slow.place_card("resident")
        reader = IdCardReader(settings_for(slow.port, baud=38400))
        reader.open()
        assert reader.find_card()
        started = time.perf_counter()
        reader.read_card()
        elapsed = time.perf_counter() - started
        reader.close()
    assert elapsed > _baud_floor(38400) * 0.95          # no byte arrives faster than the line


def _baud_floor(baud: int) -> float:
    return (10 + 19 + 10 + 1295) * 10 / baud             # select + read, both directions


@pytest.mark.perf
def test_twin_paces_close_to_the_baud_rate():
    """The upper end of the pacing window: timing on a quiet machine, not a correctness rule."""
    with IdCardTwin(baud=38400) as slow:
        slow.place_card("resident")
        reader = IdCardReader(settings_for(slow.port, baud=38400))
        reader.open()
        assert reader.find_card()
        started = time.perf_counter()
        reader.read_card()
        elapsed = time.perf_counter() - started
        reader.close()
    assert elapsed < _baud_floor(38400) * 1.3 + 0.05


def test_wrong_baud_rate_gets_no_answer():
    with IdCardTwin(baud=9600) as twin:
        reader = IdCardReader(settings_for(twin.port, baud=115200, command_timeout_s=0.2,
                                           retries=0))
        with pytest.raises(NoAnswer):
            reader.open()


def test_twin_answers_damaged_and_unknown_commands_like_a_reader(twin):
    import serial
    with serial.Serial(twin.port, 115200, timeout=0.5) as port:
        bad = bytearray(codec.command(codec.SAM_STATUS))
        bad[-1] ^= 0xFF
        port.write(bytes(bad))
        assert port.read(11) == codec.response(0x10)
        port.write(codec.command((0x77, 0x01)))
        assert port.read(11) == codec.response(0x21)
        port.write(codec.command(codec.READ_NEW_ADDRESS))
        assert port.read(11) == codec.response(codec.SW_NO_CONTENT)
