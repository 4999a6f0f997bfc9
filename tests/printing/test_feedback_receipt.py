"""The receipt of a question, complaint or correction, read back from the virtual ESC/POS printer:
the reference, what it is about, the promised time, whether it was sent, the QR code; within the
paper's width, and nothing the citizen typed."""
from __future__ import annotations

import pytest

from devices.virtual.escpos_printer import Parser, VirtualEscposPrinter
from printing import receipts
from printing.escpos import columns


def printed(data: bytes):
    sink = VirtualEscposPrinter()
    Parser(sink).feed(data)
    [paper] = sink.receipts
    return paper


@pytest.mark.parametrize("width", [48, 32])
@pytest.mark.parametrize("kind, sent, followed", [("consultation", True, True),
                                                  ("complaint", False, False),
                                                  ("correction", True, True)])
def test_the_receipt_says_what_happened_to_it(kind, sent, followed, width):
    reference = "0f8a2c1e-5b7d-4e11-9a3c-2d6e8f0a1b2c"
    paper = printed(receipts.feedback_receipt("示范市政务服务中心", kind, reference,
                                              "咨询：无犯罪记录证明开具", "3个工作日", sent, followed,
                                              reference, "K-1", width=width))
    text = paper.text.replace("\n", "")
    assert receipts.FEEDBACK_TITLES[kind] in text and reference[:18] in text
    assert "无犯罪记录证明开具" in text and "3个工作日" in text
    assert ("已送达服务平台" in text) is sent and ("已保存在本机" in text) is (not sent)
    assert ("查询办件" in text) is followed and ("匿名提交" in text) is (not followed)
    assert paper.qr_payloads == [reference] and paper.cut
    assert all(columns(line) <= width for line in paper.text.splitlines())
