"""The receipt printer running out of paper in the middle of a ticket, and going offline (its link
gone, as when it is switched off or its cable pulled): the virtual ESC/POS printer on TCP, the
product's printing wiring (receipt service, status poller, audit trail into the outbox) and the
guide notice flow, with the outbox delivering to the reference platform."""
from __future__ import annotations

import collections

import pytest
from local_modules import local_module

from kiosk import i18n, messages

stands = local_module(__file__, "stands")


@pytest.fixture
def platform(tmp_path):
    server = stands.Platform(tmp_path / "platform.sqlite3", stands.TestPKI(tmp_path / "pki"))
    yield server
    server.stop()


@pytest.fixture
def kiosk(tmp_path, platform):
    made = stands.SyncKiosk(stands.kiosk_config(tmp_path / "kiosk", platform), platform)
    yield made.start()
    made.stop()


@pytest.fixture
def ctx(make_ctx, kiosk):
    from kiosk.wiring import printing
    context = make_ctx({"certificate_printer": {"enabled": False},
                        "receipt_printer": {"transport": "virtual", "status_poll_s": 1}})
    context.platform, context.services.sync = kiosk.link, kiosk.area
    printing.wire(context)
    i18n.install(context.config.ui.language)   # as the shell does: the citizen's words
    return context


@pytest.fixture
def item():
    from kiosk.catalog import ServiceItem
    from reference_platform.demo_data import items
    return ServiceItem.from_dict(items()[2])


def notice(ctx, item):
    from kiosk.flows.guide_notice import GuideNotice
    printing = ctx.services.printing
    return GuideNotice(item, printing.print_guide_notice, printing.receipts)


def print_notice(ctx, item) -> tuple[str, str]:
    """The citizen presses "Print this notice": (outcome, what the guide screen says)."""
    flow = notice(ctx, item)
    if flow.start():
        flow.print()
    said = ("(the notice prints; the rating is offered)" if flow.outcome == "completed"
            else messages.message(flow.outcome, fallback="receipt_printer"))
    return flow.outcome, said


def audited(platform, kiosk) -> tuple[collections.Counter, list[dict]]:
    """Print records at the platform: (audit results, alerts), once the outbox is empty."""
    stands.wait_for("the print records delivered", lambda: kiosk.area.outbox.stats().depth == 0,
                    timeout=15)
    records = platform.records()
    results = collections.Counter(r["payload"].get("result") for r in records
                                  if r["kind"] == "print-audit")
    alerts = [r["payload"] for r in records if r["kind"] != "print-audit"]
    return results, alerts


def account(row, platform, kiosk) -> None:
    """Every record the kiosk queued reached the platform once (by key: the platform keeps one
    row per key, so a resend cannot double it, and a record queued twice would show as two)."""
    records = platform.records()
    keys = collections.Counter(r["key"] for r in records)
    got = platform.admin.received()
    row.records = (f"0 lost, {sum(c - 1 for c in keys.values())} duplicated of {len(records)} "
                   f"print records ({got['redeliveries']} resent, applied once)")
    assert kiosk.area.outbox.stats().depth == 0 and kiosk.area.outbox.stats().dead == 0


def test_receipt_paper_runs_out_mid_ticket(row, ctx, item, platform, kiosk):
    r = row("receipt printer paper running out in the middle of a ticket")
    twin = ctx.services.printing.virtual_receipt_printer
    receipts = ctx.services.printing.receipts
    assert print_notice(ctx, item)[0] == "completed"
    whole = len(twin.wait_receipts(1)[-1].elements)
    twin.lines_left = whole // 2                   # the roll ends half way through the next one
    outcome, said = print_notice(ctx, item)
    r.saw(said)
    assert outcome == "receipt_paper_out", outcome  # not "printed": half a notice came out
    assert twin.lost > 0
    stands.wait_for("the status poller seeing the paper out",
                    lambda: receipts.status.state == "paper_out", timeout=5)
    results, alerts = audited(platform, kiosk)
    r.alerted(f"platform got: {', '.join(a.get('code', '?') for a in alerts)}; print audit "
              f"{dict(results)}; staff menu: {ctx.services.printing.state}")
    assert "receipt_paper_out" in [a.get("code") for a in alerts]
    assert results["receipt_paper_out"] >= 1

    twin.lines_left, twin.paper = None, "ok"     # staff put in a new roll
    took = stands.wait_for("the printer ready again", lambda: receipts.status.state == "ready",
                           timeout=5)
    outcome, _ = print_notice(ctx, item)
    assert outcome == "completed" and len(twin.wait_receipts(3)[-1].elements) == whole
    r.came_back(f"yes, by itself: ready {took:.1f} s after the new roll; the next notice "
                "prints whole")
    audited(platform, kiosk)
    account(r, platform, kiosk)


def test_receipt_printer_offline(row, ctx, item, platform, kiosk):
    r = row("receipt printer offline (switched off: connections reset, then refused), then "
            "switched back on")
    printing = ctx.services.printing
    twin, receipts = printing.virtual_receipt_printer, printing.receipts
    assert print_notice(ctx, item)[0] == "completed"
    twin.power_off()
    stands.wait_for("the status poller seeing the printer gone",
                    lambda: receipts.status.state not in ("ready",), timeout=5)
    outcome, said = print_notice(ctx, item)
    r.saw(said)
    assert outcome != "completed", outcome
    assert messages.ask_staff() in said
    results, alerts = audited(platform, kiosk)
    r.alerted(f"platform got: {', '.join(a.get('code', '?') for a in alerts) or 'no alert'}; "
              f"staff menu: {printing.state}")
    assert alerts, "staff are not told that the receipt printer went away"

    before = len(twin.receipts)
    twin.power_on()
    took = stands.wait_for("the printer ready again", lambda: receipts.status.state == "ready",
                           timeout=5)
    outcome, _ = print_notice(ctx, item)
    assert outcome == "completed" and twin.wait_receipts(before + 1)
    r.came_back(f"yes, by itself: ready {took:.1f} s after it came back; the next notice prints")
    audited(platform, kiosk)
    account(r, platform, kiosk)
