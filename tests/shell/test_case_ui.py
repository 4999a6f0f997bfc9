"""Check my case in the real shell (offscreen) against the reference platform: the home tile, the
number typed on its keypad, the identified citizen's list and a case's timeline, the progress slip
through the virtual ESC/POS printer, a receipt code, and offline. Driven as a person would:
buttons found by what they say, labels read."""
from __future__ import annotations

from functools import partial
from types import SimpleNamespace

import pytest

import touch
from devices.virtual.escpos_printer import Parser, VirtualEscposPrinter
from kiosk.session import Identity
from touch import button_texts, buttons, says, shown

PERSON = Identity("idcard", "林示例", "990101198805160026")
tr = touch.translator("CaseScreen")
tap = partial(touch.tap, timeout=3000)


class SlipPrinter:
    """The receipt service as the screen reaches it, printing into the virtual ESC/POS printer."""

    def __init__(self):
        self.sink = VirtualEscposPrinter()

    def available(self):
        return True

    def print_receipt(self, kind, ref, build):
        Parser(self.sink).feed(build(48, "示范市政务服务中心", "K-1"))
        return {"result": "completed", "kind": kind, "ref": ref}


@pytest.fixture
def platform_ctx(platform, make_ctx):
    ctx = make_ctx()
    ctx.platform_url = platform.url
    ctx.embedded_platform = platform
    ctx.services.printing = SimpleNamespace(receipts=SlipPrinter())
    return ctx


@pytest.fixture
def shell(platform_ctx, show_shell):
    return show_shell(platform_ctx)


def cases_of(platform):
    import json
    rows = platform.store.execute("SELECT payload FROM cases").fetchall()
    return [json.loads(r["payload"]) for r in rows]


def number_of(platform, last_step: str, method: str | None = None) -> str:
    for case in cases_of(platform):
        if case["steps"][-1]["step"] == last_step and \
                (method is None or (case.get("collection") or {}).get("method") == method):
            return case["case_no"]
    raise AssertionError(last_step)


def test_the_home_tile_offers_three_ways_without_identity(shell, qtbot):
    tap(qtbot, shell.current(), touch.tr("Check my case", "HomeScreen"))
    screen = shell.current()
    assert screen.name == "case"
    assert {tr("Identify myself and see all my cases"), tr("Scan the QR code on my receipt"),
            tr("Type the case number")} <= set(button_texts(screen))
    assert tr("Without identifying, only the progress of one case is shown, never personal "
              "details.") in shown(screen)


def test_a_typed_number_shows_the_timeline_and_nothing_personal(shell, platform, qtbot):
    number = number_of(platform, "issued", "locker")
    shell.go("case")
    tap(qtbot, shell.current(), tr("Type the case number"))
    pad_screen = shell.current()
    assert pad_screen.name == "case_number"
    assert "1" not in button_texts(pad_screen)                # letters first: no digits yet
    for key in number.replace("-", ""):
        tap(qtbot, pad_screen, key)
    assert number in shown(pad_screen)
    tap(qtbot, pad_screen, touch.tr("Look up this case", "CaseNumberPad"))
    screen = shell.current()
    touch.reads(qtbot, screen, tr("Every step so far"))
    text = shown(screen)
    assert tr("Case number: %1").replace("%1", number) in text
    assert tr("Result ready") in text and tr("How to collect the result") in text
    assert "604918" not in text and "B12" not in text          # the pick-up code is theirs only
    assert tr("Identify myself") in button_texts(screen)


def test_the_identified_list_says_overdue_and_the_case_shows_its_pickup_code(shell, qtbot):
    shell.ctx.session.identity = PERSON
    shell.go("case")
    screen = shell.current()
    touch.reads(qtbot, screen, tr("See every step"))
    text = shown(screen)
    assert tr("Cases: %n. Touch one to see every step.", n=10) in text
    assert tr("%n of them overdue.", n=2) in text
    overdue = tr("Overdue: it was promised by %1 and is %n day(s) late. You can ask about it at "
                 "the window or call 12345.", n=1).split("%1")[0]
    assert text.count(overdue) == 2                  # said plainly on each of the two late cases
    first = [b for b in buttons(screen) if says(b) == tr("See every step")][0]
    first.click()                                 # the first card: materials owed come first
    touch.reads(qtbot, screen, tr("Materials still missing"))
    assert "户口簿户主页及本人页复印件（1份）" in shown(screen)
    tap(qtbot, screen, tr("Back to my cases"))
    for card_button in [b for b in buttons(screen) if says(b) == tr("See every step")]:
        if "智能文件柜" in shown(card_button.parentWidget()):
            card_button.click()
            break
    touch.reads(qtbot, screen, "604918")
    assert "3号智能文件柜 B12格" in shown(screen)


def test_the_progress_slip_prints_without_personal_data(shell, platform_ctx, qtbot):
    shell.ctx.session.identity = PERSON
    shell.go("case")
    screen = shell.current()
    touch.reads(qtbot, screen, tr("See every step"))
    for card_button in [b for b in buttons(screen) if says(b) == tr("See every step")]:
        if "智能文件柜" in shown(card_button.parentWidget()):
            card_button.click()
            break
    touch.reads(qtbot, screen, "604918")
    tap(qtbot, screen, tr("Print a progress slip"))
    touch.reads(qtbot, screen, tr("Please take your progress slip from the receipt slot."))
    slip = platform_ctx.services.printing.receipts.sink.receipts[0]
    assert "办件进度查询单" in slip.text and "结果已出具" in slip.text
    assert "604918" not in slip.text and "林" not in slip.text
    assert slip.qr_payloads and slip.qr_payloads[0].startswith("https://zwfw.shifan.example/case/")


def test_an_expired_receipt_and_a_foreign_code_each_get_their_message(shell, platform, qtbot):
    from kiosk import messages
    number = number_of(platform, "under_review")
    code = platform.admin.call(f"/api/v1/admin/cases/{number}/receipt-code",
                               {"valid_days": -3})["code"]
    shell.go("case", code=code)
    screen = shell.current()
    touch.reads(qtbot, screen, messages.message("receipt_expired"))
    assert tr("Type the case number") in button_texts(screen)       # and what to do instead
    shell.go("case", code="eid:0123456789")
    touch.reads(qtbot, screen, messages.message("not_a_case_code"))


def test_offline_says_so_at_once_with_the_hotline(shell, platform, qtbot):
    from kiosk import messages
    shell.ctx.services.sync = SimpleNamespace(status=lambda: SimpleNamespace(online=False))
    shell.ctx.session.identity = PERSON
    shell.go("case")
    screen = shell.current()
    assert messages.message("case_offline") in shown(screen)        # at once, not after a wait
    assert "12345" in shown(screen)
    assert not screen.spinner.isVisible()


@pytest.fixture
def card_shell(platform, make_ctx, show_shell, qtbot):
    """The shell with the ID card twin as the only way to identify, on the reference platform."""
    from kiosk.wiring.idcard import build_area
    ctx = make_ctx({"idcard": {"port": "virtual:idcard", "poll_interval_ms": 100}})
    ctx.platform_url = platform.url
    area = build_area(ctx.config, ctx.bridge.callback("idcard")).start()
    ctx.services.idcard = area
    ctx.on_shutdown(area.stop)
    widget = show_shell(ctx)
    qtbot.waitUntil(lambda: area.state == "connected", timeout=3000)
    return widget


def test_identifying_with_the_card_leads_back_to_the_citizens_cases(card_shell, qtbot):
    """The sample card (林示例) is the demo person with cases; no face check for reading them."""
    ctx = card_shell.ctx
    tap(qtbot, card_shell.current(), touch.tr("Check my case", "HomeScreen"))
    tap(qtbot, card_shell.current(), tr("Identify myself and see all my cases"))
    context = "IdentifyIdCardScreen"
    touch.reads(qtbot, card_shell, touch.tr("Place your ID card on the reader", context))
    ctx.services.idcard.twin.place_card("resident")
    touch.reads(qtbot, card_shell, touch.tr("Please check that this is you", context))
    tap(qtbot, card_shell, touch.tr("Yes, this is me, continue", context))
    qtbot.waitUntil(lambda: card_shell.current().name == "case", timeout=3000)
    touch.reads(qtbot, card_shell.current(), tr("See every step"))
    assert tr("Your cases") in shown(card_shell.current())


def test_a_looked_up_case_turns_personal_once_its_applicant_identifies(card_shell, platform, qtbot):
    number = number_of(platform, "issued", "locker")
    card_shell.go("case", case_no=number)
    screen = card_shell.current()
    touch.reads(qtbot, screen, tr("Every step so far"))
    assert "604918" not in shown(screen)
    tap(qtbot, screen, tr("Identify myself"))
    context = "IdentifyIdCardScreen"
    touch.reads(qtbot, card_shell, touch.tr("Place your ID card on the reader", context))
    card_shell.ctx.services.idcard.twin.place_card("resident")
    touch.reads(qtbot, card_shell, touch.tr("Please check that this is you", context))
    tap(qtbot, card_shell, touch.tr("Yes, this is me, continue", context))
    qtbot.waitUntil(lambda: card_shell.current().name == "case", timeout=3000)
    touch.reads(qtbot, card_shell.current(), "604918")          # theirs: the pick-up code shows


def test_an_elicence_result_offers_printing_it_which_asks_who_the_citizen_is(shell, platform,
                                                                             qtbot):
    shell.go("case", case_no=number_of(platform, "issued", "elicence"))
    screen = shell.current()
    touch.reads(qtbot, screen, tr("Every step so far"))
    tap(qtbot, screen, tr("Print my e-licence"))
    assert shell.current().name in ("identify", "identify_idcard", "identify_ssc")


def test_finish_offers_the_rating_and_skipping_it_wipes_the_session(shell, platform, qtbot):
    shell.ctx.session.identity = PERSON
    shell.go("case")
    screen = shell.current()
    touch.reads(qtbot, screen, tr("See every step"))
    tap(qtbot, screen, tr("Finish"))
    rating = shell.current()
    assert rating.name == "evaluation"
    assert "办件查询" in shown(rating)                      # the query itself is what is rated
    tap(qtbot, rating, touch.tr("Skip", "EvaluationScreen"))
    assert shell.current().name == "home" and shell.ctx.session.identity is None


def test_materials_owed_on_a_kiosk_application_are_handed_in_through_the_application(
        shell, platform, qtbot):
    import datetime as dt

    from reference_platform.routes_cases import record_case
    submitted = dt.datetime.now(dt.timezone(dt.timedelta(hours=8))) - dt.timedelta(days=3)
    case_no = record_case(platform.store, id_number=PERSON.id_number, name=PERSON.name,
                          item_code="1199010006GG00602002", channel="kiosk", submitted=submitted,
                          promised_by=submitted.date() + dt.timedelta(days=10),
                          steps=[{"step": "submitted", "at": submitted.isoformat()}])
    platform.admin.call(f"/api/v1/admin/cases/{case_no}/steps",
                        {"step": "corrections_requested", "missing": ["住房租赁备案证明或承诺书"]})
    shell.ctx.session.identity = PERSON
    shell.go("case", case_no=case_no)
    screen = shell.current()
    touch.reads(qtbot, screen, tr("Materials still missing"))
    tap(qtbot, screen, tr("Hand in the missing materials"))
    assert shell.current().name == "apply_form"
