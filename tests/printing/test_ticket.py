"""The queue ticket and the appointment slip as the virtual ESC/POS printer renders them: every fact
the queue system issued on paper, the follow-on-the-phone QR readable, nothing personal, on 80 mm
and 58 mm paper."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from devices.virtual.escpos_printer import Parser, VirtualEscposPrinter
from printing.ticket import BookingPrint, TicketPrint, booking_slip, queue_ticket

TICKET = TicketPrint("AV003", "户政业务", ("A1", "A2", "A3"), 4, 8,
                     dt.datetime(2026, 12, 1, 9, 41, tzinfo=dt.timezone(dt.timedelta(hours=8))),
                     "https://queue.shifan.example/t/" + "0" * 31 + "1", "0999-6601 0000", "age")


def printed(data: bytes):
    sink = VirtualEscposPrinter()
    Parser(sink).feed(data)
    [paper] = sink.receipts
    return paper


@pytest.mark.parametrize("width", [48, 32])
def test_the_ticket_carries_every_fact_the_queue_system_issued(width):
    paper = printed(queue_ticket(TICKET, "示范市政务服务中心", "K-1", width=width))
    text = paper.text.replace("\n", "")
    for fact in ("排队取号凭条", "AV003", "户政业务", "A1、A2、A3 号窗口", "前面等候", "4 人",
                 "约 8 分钟", "2026-12-01 09:41", "0999-6601 0000", "绿色通道（70岁及以上老年人）",
                 "K-1"):
        assert fact in text, fact
    assert paper.qr_payloads == [TICKET.follow_url]
    from printing.escpos import columns
    widths = [sum(columns(text) * size for text, _bold, size in e[1].spans)
              for e in paper.elements if e[0] == "line"]
    assert max(widths) <= width


def test_the_qr_on_paper_reads_back_as_the_follow_link():
    from devices.camera.qr import decode
    paper = printed(queue_ticket(TICKET, "示范市政务服务中心", "K-1"))
    import cv2
    image = cv2.imdecode(np.frombuffer(paper.png, np.uint8), cv2.IMREAD_COLOR)
    assert TICKET.follow_url in [code.text for code in decode(image)]


def test_a_normal_ticket_says_no_priority_and_an_appointment_its_slot():
    normal = printed(queue_ticket(TicketPrint("B006", "社保医保", ("B1",), 0, 0, TICKET.issued_at,
                                              TICKET.follow_url, "0999"), "示范市政务服务中心", "K"))
    assert "绿色通道" not in normal.text and "即将叫号" in normal.text
    slot = printed(queue_ticket(TicketPrint("AY001", "户政业务", ("A1",), 0, 0, TICKET.issued_at,
                                            TICKET.follow_url, "0999", appointment="10:00-10:30"),
                                "示范市政务服务中心", "K"))
    assert "预约签到凭条" in slot.text and "预约时段：10:00-10:30" in slot.text


def test_many_windows_are_given_as_a_range():
    paper = printed(queue_ticket(TicketPrint("C024", "不动产登记", tuple(f"C{n}" for n in range(1, 9)),
                                             23, 56, TICKET.issued_at, TICKET.follow_url, "0999"),
                                 "示范市政务服务中心", "K"))
    assert "C1-C8 号窗口" in paper.text


def test_the_booking_slip():
    slip = BookingPrint("Y25EFBBC36E7", "税务", "示范市政务服务中心", "2026年12月3日（星期四）",
                        "09:30-10:00", "请在预约时段开始前30分钟至开始后15分钟内签到",
                        "https://yuyue.shifan.example/a/Y25EFBBC36E7", "0999-6601 0000")
    paper = printed(booking_slip(slip, "示范市政务服务中心", "K-1"))
    text = paper.text.replace("\n", "")
    for fact in ("预约凭条", "税务", "2026年12月3日（星期四） 09:30-10:00", "Y25EFBBC36E7", "签到"):
        assert fact in text, fact
    assert paper.qr_payloads == [slip.qr_payload]
