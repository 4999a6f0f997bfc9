"""The guide's one-time notice without Qt: can the receipt printer print now, one print, the outcome
code, the item's rating offered once the notice is out. One test prints through the real receipt
service onto the virtual ESC/POS printer."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from devices.receipt.errors import NotReady, TransportError
from devices.receipt.status import ReceiptStatus
from kiosk.flows.evaluation import RatingOffer
from kiosk.flows.guide_notice import UNAVAILABLE, GuideNotice


@dataclass
class Item:
    impl_code: str = "11990100010GG00247001"


class Printer:
    """The receipt service's status as the flow reads it."""

    def __init__(self, status: ReceiptStatus):
        self.status = status

    def available(self) -> bool:
        return self.status.can_print


class Notices:
    def __init__(self, fail: Exception | None = None):
        self.fail, self.printed = fail, []

    def __call__(self, item):
        if self.fail is not None:
            raise self.fail
        self.printed.append(item.impl_code)
        return {"result": "completed"}


READY = ReceiptStatus(online=True, cover_open=False, paper="ok", error=False)


def test_prints_and_offers_the_items_rating_then_back_to_the_guide():
    notices = Notices()
    flow = GuideNotice(Item(), notices, Printer(READY))
    assert flow.can_print_now and flow.next_step is None
    assert flow.start() and flow.busy
    flow.print()
    assert flow.step == "printed" and flow.outcome == "completed" and not flow.busy
    assert notices.printed == ["11990100010GG00247001"]
    assert flow.next_step == RatingOffer("11990100010GG00247001", then="back")


def test_no_receipt_printer_on_this_kiosk():
    flow = GuideNotice(Item(), None, None)
    assert not flow.can_print_now
    assert flow.start() is False and flow.outcome == UNAVAILABLE and flow.next_step is None


@pytest.mark.parametrize("status, code", [
    (ReceiptStatus(online=True, paper="out"), "receipt_paper_out"),
    (ReceiptStatus(online=True, cover_open=True, paper="ok"), "receipt_cover_open"),
    (ReceiptStatus(online=False, paper="ok"), "receipt_offline")])
def test_a_printer_that_said_it_cannot_print_is_not_tried(status, code):
    notices = Notices()
    flow = GuideNotice(Item(), notices, Printer(status))
    assert not flow.can_print_now
    assert flow.start() is False and flow.step == "failed" and flow.outcome == code
    assert notices.printed == [] and flow.next_step is None


def test_unknown_printer_state_gets_the_benefit_of_the_doubt():
    flow = GuideNotice(Item(), Notices(), Printer(ReceiptStatus()))
    assert flow.can_print_now


@pytest.mark.parametrize("error, code", [(NotReady("paper ran out", "receipt_paper_out"),
                                          "receipt_paper_out"),
                                         (TransportError("no answer"), "receipt_link"),
                                         (RuntimeError("bug"), "receipt_printer")])
def test_a_failed_print_has_the_printers_code(error, code):
    flow = GuideNotice(Item(), Notices(fail=error), Printer(READY))
    assert flow.start()
    flow.print()
    assert flow.step == "failed" and flow.outcome == code and flow.next_step is None
    assert flow.start()                                  # the citizen may try again


def test_through_the_real_receipt_service(tmp_path):
    from devices.receipt.printer import ReceiptPrinter
    from devices.receipt.transport import NetworkTransport
    from devices.virtual.escpos_printer import VirtualEscposPrinter
    from kiosk.catalog import ServiceItem
    from printing.audit import AuditTrail, Journal
    from printing.notice import print_guide_notice
    from printing.receipt_service import ReceiptService
    from reference_platform.demo_data import items

    vp = VirtualEscposPrinter(tmp_path / "receipts", tcp=True).start()
    printer = ReceiptPrinter(lambda: NetworkTransport(*vp.address)).start()
    try:
        service = ReceiptService(printer, AuditTrail(Journal(tmp_path / "j.jsonl")), "示范市政务服务中心",
                                 "KIOSK-1", width=48)
        item = ServiceItem.from_dict(items()[2])
        flow = GuideNotice(item, lambda it: print_guide_notice(it, service), service)
        assert flow.start()
        flow.print()
        assert flow.outcome == "completed"
        [paper] = vp.wait_receipts(1, timeout=10)
        assert item.name in paper.text.replace("\n", "")
        assert flow.next_step.item_code == item.impl_code
    finally:
        printer.stop()
        vp.stop()
