"""Receipts: our Chinese path (FS & + GB18030 + FS .), native QR, layouts, DLE EOT status over TCP
and a pty, and the picture the virtual printer renders."""
from __future__ import annotations

import io
import re

import numpy as np
import pytest
from hypothesis import example, given, settings, strategies as st

from devices.receipt.errors import NotReady
from devices.receipt.printer import ReceiptPrinter
from devices.receipt.status import decode
from devices.receipt.transport import NetworkTransport, SerialTransport
from devices.virtual.escpos_printer import Parser, VirtualEscposPrinter
from printing import receipts
from printing.audit import AuditTrail
from printing.escpos import (CHINESE_OFF, CHINESE_ON, CLOSING, OPENING, Receipt, columns,
                             encode_text, wrap)
from printing.notice import print_guide_notice
from printing.receipt_service import ReceiptService


def parse(data: bytes):
    sink = VirtualEscposPrinter()
    Parser(sink).feed(data)
    return sink.receipts


def test_chinese_goes_out_as_gb18030_inside_fs_ampersand():
    data = encode_text("受理编号：A-001，请稍候。")
    assert data == (CHINESE_ON + "受理编号：".encode("gb18030") + CHINESE_OFF + b"A-001" +
                    CHINESE_ON + "，请稍候。".encode("gb18030") + CHINESE_OFF)
    assert b"?" not in data                         # full-width punctuation survives


# names with characters GBK lacks: CJK extension A (䶮, 㵘) and a four-byte extension B one (𠮷)
RARE_NAMES = ["刘䶮", "王㵘", "𠮷祥", "阿依古丽·买买提"]


@pytest.mark.parametrize("name", RARE_NAMES)
def test_rare_characters_in_names_survive_to_paper(name):
    data = encode_text(f"申请人：{name}")
    assert data == CHINESE_ON + f"申请人：{name}".encode("gb18030") + CHINESE_OFF
    assert b"?" not in data
    ticket = receipts.submission_receipt("示范市政务服务中心", "SL0001", "户籍业务", name, ["身份证"],
                                         "3个工作日", "https://zwfw.test/c/SL0001", "K-1")
    text = parse(ticket)[0].text
    assert f"申请人：{name}" in text and "\ufffd" not in text


def test_native_qr_and_cut_commands():
    data = Receipt(48).qr("https://example.test/x", module=5).cut().bytes()
    assert b"\x1d(k\x04\x00\x31\x41\x32\x00" in data                 # model 2
    assert b"\x1d(k\x03\x00\x31\x43\x05" in data                     # module size 5
    assert b"\x1d(k\x03\x00\x31\x45\x31" in data                     # error level M
    body = b"https://example.test/x"
    n = len(body) + 3
    assert b"\x1d(k" + bytes([n & 0xFF, n >> 8]) + b"\x31\x50\x30" + body in data
    assert b"\x1d(k\x03\x00\x31\x51\x30" in data                     # print
    assert data.endswith(b"\x1dV\x42\x03")


def test_bold_and_size_bytes():
    data = Receipt(48).text("A017", bold=True, size=2, align="center").bytes()
    assert b"\x1ba\x01\x1bE\x01\x1d!\x11\x1c!\x0c" + b"A017\n" in data


PUNCTUATION_RUN = re.compile(r"[，。、；：？！）》」』】（《「『【“”·…—]{4,}")


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("政务服务中心示范市，。、；？！（）《》“”·…—ABCxyz0123 -")),
               max_size=200),
       st.sampled_from([32, 48]))
# found by hypothesis: a break at the space put 、 at the start of line 2
@example("0000000000000、、、中、、、中、、、中、、0、、、 、", 48)
@example("办理地点：" + "中" * 19 + "（北京）", 48)
@example("请稍候" + "…" * 2 + "中" * 20 + "——" + "中" * 5, 48)
def test_wrapping_never_exceeds_the_line_and_loses_nothing(text, width):
    lines = wrap(text, width)
    assert all(columns(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    if not PUNCTUATION_RUN.search(text):          # a long run of punctuation cannot avoid it
        assert not any(line[:1] in CLOSING for line in lines[1:] if line), lines
        assert not any(line[-1:] in OPENING for line in lines[:-1] if line), lines
        joined = [a[-1:] + b[:1] for a, b in zip(lines, lines[1:])]
        assert "——" not in joined and "……" not in joined, lines


def test_wrapping_moves_the_character_before_a_closing_mark_down_with_it():
    assert wrap("中" * 23 + "心。", 48) == ["中" * 23, "心。"]
    assert wrap("中" * 23 + "（北", 48) == ["中" * 23, "（北"]            # （ never ends a line
    assert wrap("中" * 23 + "A……", 48) == ["中" * 23 + "A", "……"]      # …… stays whole
    assert wrap("AB " * 15 + "abcdefgh", 48) == [("AB " * 15).strip(), "abcdefgh"]
    assert wrap("A" * 50 + "，中", 48) == ["A" * 48, "AA，中"]            # a word longer than a line
    assert wrap("一二\n三", 48) == ["一二", "三"]


@pytest.mark.parametrize("layout", ["queue", "submission", "progress", "job"])
def test_layouts_round_trip_through_the_virtual_printer(layout):
    build = {
        "queue": lambda: receipts.queue_ticket("示范市政务服务中心", "A017", "户籍业务", 5, "K-1"),
        "submission": lambda: receipts.submission_receipt(
            "示范市政务服务中心", "SL0001", "个体工商户设立登记（含名称自主申报、经营范围规范表述选择）",
            "欧阳**", ["身份证原件", "经营场所使用证明"], "3个工作日", "https://zwfw.test/c/SL0001", "K-1"),
        "progress": lambda: receipts.case_progress("示范市政务服务中心", "SL0001", "个体工商户设立登记",
                                                   "审查中", [("2026-11-20 09:12", "已受理")], "K-1"),
        "job": lambda: receipts.print_job_receipt("示范市政务服务中心", "户籍信息摘录", "abcdef0123456789x",
                                                  2, 1, "打印完成", "K-1"),
    }[layout]
    data = build()
    printed = parse(data)
    assert len(printed) == 1 and printed[0].cut
    text = printed[0].text
    assert "示范市政务服务中心" in text and "K-1" in text and "打印时间" in text
    assert "\ufffd" not in text                       # every byte decoded cleanly
    if layout == "submission":
        assert printed[0].qr_payloads == ["https://zwfw.test/c/SL0001"]
        assert "经营范围规范表述选择" in text.replace("\n", "")
    for line in text.splitlines():
        assert columns(line) <= 48


def test_the_picture_shows_chinese_and_a_missing_fs_shows_garbage(tmp_path):
    from PIL import Image
    good = parse(receipts.queue_ticket("示范市政务服务中心", "A017", "户籍业务", 5, "K-1"))[0]
    img = Image.open(io.BytesIO(good.png)).convert("L")
    assert img.width == 576 and img.height > 300
    dark = int((np.asarray(img) < 128).sum())
    assert dark > 2000                                  # there is print on the paper
    (tmp_path / "ticket.png").write_bytes(good.png)
    # negative control: the same text without FS & decodes as the single-byte code page
    raw = b"\x1b@" + "户籍业务".encode("gb18030") + b"\n\x1dV\x42\x03"
    assert "户籍业务" not in parse(raw)[0].text


def test_status_bytes_decode():
    assert decode(0x12, 0x12, 0x12).state == "ready"
    assert decode(0x12, 0x12, 0x1E).state == "paper_near_end"
    assert decode(0x1A, 0x32, 0x7E).state == "paper_out"
    assert decode(0x1A, 0x16, 0x12).state == "cover_open"
    assert decode(None, None, None).state == "unknown"


@pytest.mark.parametrize("link", ["tcp", "pty"])
def test_dle_eot_states_over_the_link(receipt_printer, link):
    connect = (lambda: NetworkTransport(*receipt_printer.address)) if link == "tcp" else \
        (lambda: SerialTransport(receipt_printer.pty_path, 19200))
    events = []
    printer = ReceiptPrinter(connect, callback=lambda kind, payload: events.append((kind, payload)),
                             reply_timeout=0.3)
    try:
        assert printer.poll().state == "ready"
        receipt_printer.paper = "near-end"
        assert printer.poll().state == "paper_near_end"
        receipt_printer.paper = "out"
        assert printer.poll().state == "paper_out"
        with pytest.raises(NotReady) as err:
            printer.print(b"\x1b@x\n")
        assert err.value.code == "receipt_paper_out"
        receipt_printer.paper = "ok"
        receipt_printer.cover_open = True
        assert printer.poll().state == "cover_open"
        receipt_printer.cover_open = False
        receipt_printer.silent = True                   # a write-only link: unknown, not out
        status = printer.poll()
        assert status.state == "unknown" and status.can_print
        states = [p["state"] for kind, p in events if kind == "status"]
        assert states == ["ready", "paper_near_end", "paper_out", "cover_open", "unknown"]
    finally:
        printer.stop()


def test_guide_notice_prints_every_guide_element(receipt_printer, journal):
    from kiosk.catalog import ServiceItem
    from reference_platform.demo_data import items
    item = ServiceItem.from_dict(items()[0])
    printer = ReceiptPrinter(lambda: NetworkTransport(*receipt_printer.address))
    service = ReceiptService(printer, AuditTrail(journal), "示范市政务服务中心", "K-1")
    try:
        record = print_guide_notice(item, service)
        [paper] = receipt_printer.wait_receipts(1)
    finally:
        printer.stop()
    text = paper.text.replace("\n", "")
    for expected in (item.name, item.impl_code, item.basic_code, item.department, item.fee,
                     item.promised_text, item.statutory_text, item.enquiry_phone,
                     item.complaint_phone, item.online_depth_text, item.place,
                     item.materials[0].name, item.process[0].name, item.legal_basis[0][:10],
                     item.conditions[0][:10]):
        assert expected.replace("\n", "") in text, expected
    assert paper.qr_payloads == [item.guide_url]
    assert record["result"] == "completed" and record["channel"] == "receipt"
    assert journal.read()[-1]["payload"]["document_id"] == f"guide-notice:{item.impl_code}"


def test_receipt_refused_on_paper_out_is_audited(receipt_printer, journal):
    receipt_printer.paper = "out"
    printer = ReceiptPrinter(lambda: NetworkTransport(*receipt_printer.address))
    service = ReceiptService(printer, AuditTrail(journal), "示范市政务服务中心", "K-1")
    try:
        with pytest.raises(NotReady):
            service.print_receipt("queue-ticket", "A017",
                                  lambda w, hall, k: receipts.queue_ticket(hall, "A017", "x", 0, k))
        assert not service.available()
    finally:
        printer.stop()
    assert journal.read()[-1]["payload"]["result"] == "receipt_paper_out"
    assert receipt_printer.receipts == []


def test_58mm_paper_gets_32_columns_and_a_384_dot_picture():
    from PIL import Image
    sink = VirtualEscposPrinter(columns=32)
    Parser(sink).feed(receipts.queue_ticket("示范市政务服务中心", "A017", "户籍业务（户口迁移、身份证办理）",
                                            5, "KIOSK-DEMO-0001", width=32))
    [paper] = sink.receipts
    assert Image.open(io.BytesIO(paper.png)).width == 384
    assert all(columns(line) <= 32 for line in paper.text.splitlines())
    assert "户籍业务（户口迁移、身份证办理）" in paper.text
