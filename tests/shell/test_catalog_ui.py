"""The catalog screens against the real reference platform: browse, search as typed, the guide,
offline guides from the disk cache, and a print notice without a printer saying so."""
from __future__ import annotations

from types import SimpleNamespace

import pytest


@pytest.fixture
def catalog_shell(platform, make_ctx, show_shell, qtbot):
    from kiosk.wiring import catalog as catalog_wiring
    ctx = make_ctx()
    ctx.platform_url = platform.url
    catalog_wiring.wire(ctx)
    service = ctx.services.catalog
    assert service.wait_first_refresh(20)
    qtbot.waitUntil(lambda: bool(service.catalog), timeout=20000)
    return show_shell(ctx)


def test_browse_by_department_and_theme(catalog_shell):
    catalog_shell.go("catalog")
    screen = catalog_shell.current()
    screen.set_mode("department")
    assert screen.grid.count() >= 15
    screen.set_mode("theme")
    assert screen.grid.count() >= 8
    screen.set_mode("enterprise")
    first = screen.grid.itemAt(0).widget()
    first.click()
    listing = catalog_shell.current()
    assert listing.name == "service_list"
    assert listing.items and all(i.category == "enterprise" for i in listing.items)


def test_search_as_typed_on_screen_keyboard(catalog_shell, qtbot):
    catalog_shell.go("search")
    screen = catalog_shell.current()
    for key in "hkqy":
        screen.keyboard.keys[key].click()
    assert screen.field.text() == "hkqy"
    assert screen.hits and all("户口迁移" in item.name for item in screen.hits[:3])
    screen.keyboard.back_key.click()
    assert screen.field.text() == "hkq"
    screen.keyboard.clear_key.click()
    assert screen.hits == []
    screen.type_text("zzzzzz")
    assert screen.hits == []
    assert screen.count.text() in ("没有找到相关事项。请检查输入，或按部门浏览。",
                                   "Nothing found. Check the letters, or browse by department instead.")


def test_guide_shows_every_element(catalog_shell):
    service = catalog_shell.ctx.services.catalog
    item = next(i for i in service.catalog if i.materials and i.legal_basis)
    catalog_shell.go("guide", code=item.impl_code)
    screen = catalog_shell.current()
    from PySide6.QtWidgets import QApplication, QLabel
    QApplication.processEvents()      # what is below the first screenful follows the paint
    shown = "\n".join(lab.text() for lab in screen.scroll.inner.findChildren(QLabel))
    for text in (item.name, item.impl_code, item.basic_code, item.fee, item.place, item.hours,
                 item.enquiry_phone, item.complaint_phone, item.materials[0].name,
                 item.conditions[0], item.legal_basis[0], item.process[0].detail):
        assert text in shown, text


def test_print_notice_without_printer_says_so(catalog_shell):
    assert catalog_shell.ctx.services.printing is None
    item = next(iter(catalog_shell.ctx.services.catalog.catalog))
    catalog_shell.go("guide", code=item.impl_code)
    screen = catalog_shell.current()
    screen.print_button.click()
    assert screen.print_status.isVisible()
    assert screen.print_status.property("level") == "warn"
    assert screen.print_status.text.text()


def test_offline_guides_come_from_the_cache(catalog_shell, platform):
    service = catalog_shell.ctx.services.catalog
    count = len(service.catalog)
    platform.stop()
    service.refresh_now()
    assert service.offline and len(service.catalog) == count
    catalog_shell.go("catalog")
    screen = catalog_shell.current()
    assert screen.banner.property("level") == "warn" and screen.banner.isVisible()
    from kiosk.status import platform_state
    assert not platform_state(catalog_shell.ctx).online


@pytest.mark.parametrize("code, words", [("receipt_paper_out", "纸"), ("receipt_cover_open", "盖"),
                                         ("receipt_link", "没有响应")])
def test_print_notice_failures_say_what_is_wrong(catalog_shell, qtbot, code, words):
    from devices.receipt.errors import NotReady

    class ReadyReceipts:                 # says it can print, then fails like the real driver
        status = SimpleNamespace(state="ready")

        def available(self):
            return True

    def fail(_item):
        raise NotReady("printer not ready", code)
    catalog_shell.ctx.services.printing = SimpleNamespace(receipts=ReadyReceipts(),
                                                          print_guide_notice=fail)
    item = next(iter(catalog_shell.ctx.services.catalog.catalog))
    catalog_shell.go("guide", code=item.impl_code)
    screen = catalog_shell.current()
    screen.print_button.click()
    qtbot.waitUntil(lambda: screen.print_status.property("level") == "error", timeout=5000)
    assert words in screen.print_status.text.text()
    assert screen.print_button.isEnabled()
