"""kiosk/wiring/idcard.py: the reader built from config, the in-process twin, demo controls."""
from __future__ import annotations

import os

import demo_controls
from devices.virtual.idcard_twin import sample_cards
from kiosk import config
from kiosk.context import AppContext
from kiosk.session import Session
from kiosk.wiring import idcard as wiring


def make_ctx(tmp_path, demo=False, **idcard):
    cfg = config.load(str(wiring_config(tmp_path, idcard)))
    return AppContext(config=cfg, session=Session(), bridge=None, demo=demo)


def wiring_config(tmp_path, idcard):
    lines = ["[kiosk]", f'data_dir = "{tmp_path}"', "[idcard]"]
    lines += [f"{k} = {v!r}".replace("'", '"').replace("True", "true").replace("False", "false")
              for k, v in idcard.items()]
    path = tmp_path / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_virtual_port_starts_the_twin_and_reads_through_the_driver(tmp_path, events):
    cfg = config.load(str(wiring_config(tmp_path, {"port": "virtual:idcard",
                                                   "poll_interval_ms": 100})))
    service = wiring.build_area(cfg, events).start()
    try:
        events.state("connected")
        assert service.available and service.twin is not None
        assert os.path.realpath(service.reader.settings.port) == service.twin.path   # a real pty
        service.twin.place_card("resident")
        _, _, read = events.wait_for(lambda k, p: k == "card")
        assert read.text.name == "林示例"
        service.twin.remove_card()
        events.state("card_removed")
        assert "resident_expired" in sample_cards()
    finally:
        service.stop()
    assert service.twin._master == -1


def test_wire_registers_service_shutdown_and_demo_actions(tmp_path):
    ctx = make_ctx(tmp_path, demo=True, port="virtual:idcard")
    wiring.wire(ctx)
    service = ctx.services.idcard
    captions = demo_controls.captions(ctx)
    assert "Place sample ID card" in captions and "Remove ID card" in captions
    demo_controls.control(ctx, "Place expired ID card")()
    assert service.twin.card.values["id_number"] == sample_cards()["resident_expired"].values["id_number"]
    ctx.shutdown()
    assert not service.reader._thread


def test_disabled_reader_is_not_built(tmp_path):
    ctx = make_ctx(tmp_path, enabled=False)
    wiring.wire(ctx)
    assert ctx.services.idcard is None


def test_real_port_that_is_missing_reports_disconnected(tmp_path, events):
    cfg = config.load(str(wiring_config(tmp_path, {"port": str(tmp_path / "ttyUSB9")})))
    service = wiring.build_area(cfg, events).start()
    try:
        _, _, state = events.state("disconnected")
        assert state["reason"] == "port_unavailable" and not service.available
        assert service.twin is None
    finally:
        service.stop()


def test_demo_unplug_and_plug_in_recovers_within_two_seconds(tmp_path, events):
    import time
    cfg = config.load(str(wiring_config(tmp_path, {"port": "virtual:idcard"})))
    service = wiring.build_area(cfg, events).start()
    try:
        events.state("connected")
        service.twin.unplug()
        i, _, _ = events.state("disconnected")
        service.twin.replug()
        plugged = time.monotonic()
        _, t_up, _ = events.state("connected", start=i)
        assert t_up - plugged < 2.0
        folder = os.path.dirname(service.twin.link)
    finally:
        service.stop()
    assert not os.path.exists(folder)


def test_rearm_reads_the_card_already_on_the_reader(tmp_path, events):
    cfg = config.load(str(wiring_config(tmp_path, {"port": "virtual:idcard",
                                                   "poll_interval_ms": 100})))
    service = wiring.build_area(cfg, events).start()
    try:
        service.twin.place_card("resident")
        i, _, _ = events.wait_for(lambda k, p: k == "card")
        service.rearm()
        events.wait_for(lambda k, p: k == "card", start=i + 1)
    finally:
        service.stop()
