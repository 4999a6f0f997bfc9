"""Port and baud auto-detection against twins on ptys."""
from __future__ import annotations

import os
import time

from devices.idcard import detect
from devices.virtual.idcard_twin import IdCardTwin, apply_scenario


def test_finds_the_baud_rate_after_trying_faster_ones():
    with IdCardTwin(baud=19200) as twin:
        result = detect.probe(twin.port, timeout_s=0.2)
    assert result.is_reader and result.baud == 19200
    assert result.sam_status == "OK" and result.sam_id == twin.sam_id.hex().upper()


def test_sam_failure_still_counts_as_a_reader_and_says_why():
    with IdCardTwin() as twin:
        apply_scenario(twin, "sam_failure")
        result = detect.probe(twin.port, timeout_s=0.2)
    assert result.baud == 115200 and result.sam_status == "SAM self-test failed"
    assert result.sam_id is None


def test_silent_ports_are_probed_side_by_side(tmp_path):
    twins = [IdCardTwin().start() for _ in range(3)]
    try:
        for t in twins:
            t.no_answer = True
        started = time.monotonic()
        results = detect.detect([t.port for t in twins], bauds=(115200, 9600), timeout_s=0.2,
                                only_given=True)
        elapsed = time.monotonic() - started
    finally:
        for t in twins:
            t.stop()
    assert [r.error for r in results] == ["no answer at 115200, 9600 baud"] * 3
    assert elapsed < 3 * 2 * 0.2            # not one port after the other


def test_excluded_and_duplicate_ports(tmp_path):
    with IdCardTwin(link=str(tmp_path / "ttyLINK")) as twin:
        names = [p for p, _ in detect.candidate_ports([twin.link, twin.path])]
        assert names.count(twin.link) + names.count(twin.path) == 1     # one device, once
        assert detect.detect([twin.link], only_given=True, exclude=[twin.path]) == []
        found = detect.find_reader([twin.link], bauds=(115200,))
        assert found is not None and os.path.realpath(found.port) == twin.path
