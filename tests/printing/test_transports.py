"""Receipt printer links: the USB printer-class device found through sysfs and driven like the
kernel's usblp node (a pty stands in for /dev/usb/lp0), failures as typed errors, transport
"virtual" reaching the virtual printer only through the opener it registers, and a parser that
survives any byte stream."""
from __future__ import annotations

import socket

import pytest
from hypothesis import given, settings, strategies as st

from devices import openers
from devices.receipt.errors import TransportError
from devices.receipt.printer import ReceiptPrinter
from devices.receipt.transport import (NetworkTransport, SerialTransport, UsbLpTransport,
                                       find_usblp, open_transport)
from devices.virtual.escpos_printer import Parser, VirtualEscposPrinter


def _fake_sysfs(root, name: str, vid: str, pid: str):
    device = root / "devices" / "usb1" / "1-1"
    interface = device / "1-1:1.0"
    (interface / "usbmisc" / name).mkdir(parents=True)
    (device / "idVendor").write_text(vid + "\n")
    (device / "idProduct").write_text(pid + "\n")
    cls = root / "class" / "usbmisc"
    cls.mkdir(parents=True)
    (cls / name).mkdir()
    (cls / name / "device").symlink_to(interface)
    return cls


def test_usb_printer_is_found_by_vendor_and_product(tmp_path):
    sysfs = _fake_sysfs(tmp_path, "lp3", "0416", "5011")
    assert str(find_usblp(0x0416, 0x5011, sysfs)) == "/dev/usb/lp3"
    with pytest.raises(TransportError) as err:
        find_usblp(0x04B8, 0x0202, sysfs)
    assert err.value.code == "receipt_not_connected" and "04b8:0202" in str(err.value)


def test_usblp_transport_prints_and_reads_status(receipt_printer):
    from pathlib import Path
    printer = ReceiptPrinter(lambda: UsbLpTransport(0x0416, 0x5011, Path(receipt_printer.pty_path)),
                             reply_timeout=0.3)
    try:
        receipt_printer.paper = "near-end"
        assert printer.poll().state == "paper_near_end"
        printer.print(b"\x1b@" + "凭条".encode("gb18030").join([b"\x1c&", b"\x1c."]) + b"\n\x1dV\x42\x03")
        [paper] = receipt_printer.wait_receipts(1)
        assert paper.text == "凭条"
    finally:
        printer.stop()


def test_missing_links_are_typed_errors(tmp_path):
    with pytest.raises(TransportError) as err:
        SerialTransport(str(tmp_path / "ttyUSB9"))
    assert err.value.code == "receipt_not_connected"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    with pytest.raises(TransportError) as err:
        NetworkTransport("127.0.0.1", free, connect_timeout=1)
    assert err.value.code == "receipt_not_connected"
    with pytest.raises(TransportError) as err:
        open_transport({"transport": "serial", "port": ""})
    assert err.value.code == "receipt_not_configured"


def test_transport_virtual_is_the_printer_that_registered_itself():
    virtual = {"transport": "virtual"}
    assert openers.get("receipt", "virtual") is None
    with pytest.raises(TransportError) as err:
        open_transport(virtual)                        # no twin registered: an unknown kind
    assert err.value.code == "receipt_not_configured" and "'virtual'" in str(err.value)
    first = VirtualEscposPrinter().start().register()
    second = VirtualEscposPrinter().start().register()   # the newer one wins
    try:
        printer = ReceiptPrinter(lambda: open_transport(virtual), reply_timeout=0.3)
        try:
            printer.print(b"\x1b@" + "凭条".encode("gb18030").join([b"\x1c&", b"\x1c."])
                          + b"\n\x1dV\x42\x03")
            assert second.wait_receipts(1)[0].text == "凭条" and not first.receipts
        finally:
            printer.stop()
        first.stop()                                   # an older twin leaves the newer one be
        link = open_transport(virtual)
        assert link.name == "tcp:%s:%d" % second.address
        link.close()
    finally:
        first.stop()
        second.stop()
    with pytest.raises(TransportError):
        open_transport(virtual)                        # a stopped twin is forgotten


def test_a_printer_that_goes_away_is_unknown_then_comes_back(tmp_path):
    vp = VirtualEscposPrinter().start()
    address = vp.address
    events = []
    printer = ReceiptPrinter(lambda: NetworkTransport(*address, connect_timeout=0.5),
                             callback=lambda kind, payload: events.append((kind, payload)),
                             reply_timeout=0.3)
    try:
        assert printer.poll().state == "ready"
        vp.stop()
        assert printer.poll().state == "unknown"            # never "paper out"
        assert ("link", False) in [(k, p.get("up")) for k, p in events]
        vp = VirtualEscposPrinter(port=address[1]).start()
        assert printer.poll().state == "ready"
    finally:
        printer.stop()
        vp.stop()


COMMANDS = [b"\x1b@", b"\x1ba", b"\x1bE", b"\x1bd", b"\x1d!", b"\x1dV", b"\x1d(k", b"\x1c&",
            b"\x1c.", b"\x1c!", b"\x10\x04", b"\n", "中文，".encode("gb18030")]
STREAMS = st.lists(st.one_of(st.binary(max_size=6), st.sampled_from(COMMANDS)),
                   max_size=60).map(b"".join)


@settings(max_examples=300, deadline=None)
@given(STREAMS, st.integers(min_value=1, max_value=7))
def test_the_virtual_printer_survives_any_stream_in_any_chunks(data, chunk):
    sink = VirtualEscposPrinter()
    parser = Parser(sink)
    for i in range(0, len(data), chunk):
        parser.feed(data[i:i + chunk])
    parser.feed(b"\n\x1dV\x42\x03")
    assert all(r.cut for r in sink.receipts)
