"""Rating a service from the screen into a real outbox: kept durably, anonymous, honest receipt; and
the rating offered after a transaction, with one tap to skip it. Driven as a person would: buttons
found by their visible text, labels read."""
from __future__ import annotations

from functools import partial

import pytest

import touch
from kiosk.session import Identity
from sync.outbox import open_outbox
from touch import button_texts, shown


class OfflineSync:
    """The outbox as the sync service offers it, with the platform unreachable."""

    def __init__(self, outbox):
        self.outbox = outbox

    def enqueue(self, kind, payload):
        return self.outbox.enqueue(kind, payload)

    def status(self):
        class Status:
            online = False
        return Status()


@pytest.fixture
def outbox(ctx):
    box = open_outbox(ctx.config.sync, ctx.config.data_path)
    yield box
    box.close()


# a rating button says its level after its stars; every button is there as soon as its screen is
find = partial(touch.find, words_only=True)
tap = partial(touch.tap, words_only=True, timeout=0)


def test_low_rating_with_reason_is_queued_and_receipt_says_so(shell, ctx, outbox, qtbot):
    ctx.services.sync = OfflineSync(outbox)
    shell.go("evaluation", item_code="XK00101001")
    screen = shell.current()
    assert "跳过" not in button_texts(screen)     # not offered: chosen from home
    tap(qtbot, screen, "非常不满意")
    assert "哪些方面不满意" in shown(screen)                      # the reasons are asked
    assert not find(screen, "提交评价").isEnabled()               # a low rating needs a reason
    tap(qtbot, screen, "等候时间太长")
    tap(qtbot, screen, "提交评价")
    assert "网络恢复后将自动提交" in shown(screen)
    assert "提交评价" not in button_texts(screen)
    assert find(screen, "完成").isVisible()
    records = outbox.due(10)
    assert [r.kind for r in records] == ["evaluation"]
    assert records[0].payload["level"] == "very_dissatisfied"
    assert records[0].payload["reasons"] == ["long_wait"]
    assert records[0].payload["item_code"] == "XK00101001"


def test_no_sync_service_says_so_and_promises_nothing(shell, ctx, qtbot):
    ctx.services.sync = None
    shell.go("evaluation")
    screen = shell.current()
    tap(qtbot, screen, "满意")
    tap(qtbot, screen, "提交评价")
    assert "完成" not in button_texts(screen)
    assert "12345" in shown(screen)                               # where else to rate
    assert find(screen, "提交评价").isVisible()


def test_offered_after_printing_names_what_is_rated_and_skip_ends_the_session(shell, ctx, outbox,
                                                                              qtbot):
    from kiosk.flows.evaluation import RatingOffer
    ctx.services.sync = OfflineSync(outbox)
    ctx.session.identity = Identity("idcard", "欧阳建国", "990101198001011234")
    shell.go("evaluation", **RatingOffer("", "户籍信息摘录", then="end_session").params())
    screen = shell.current()
    assert "您正在评价：户籍信息摘录" in shown(screen)
    tap(qtbot, screen, "跳过")
    assert shell.current().name == "home" and ctx.session.identity is None
    assert outbox.due(10) == []                                    # skipped: nothing recorded


def test_offered_after_the_guide_notice_rating_then_done_returns_to_the_guide(shell, ctx, outbox,
                                                                             qtbot):
    from kiosk.flows.evaluation import RatingOffer
    ctx.services.sync = OfflineSync(outbox)
    shell.go("home")
    shell.go("unavailable", task="case")                        # stands in for the guide screen
    shell.go("evaluation", **RatingOffer("XK00101001", "办理居住证", then="back").params())
    screen = shell.current()
    assert "您正在评价：办理居住证" in shown(screen)               # no catalog here: the given title
    tap(qtbot, screen, "非常满意")
    tap(qtbot, screen, "提交评价")
    assert "跳过" not in button_texts(screen)
    tap(qtbot, screen, "完成")
    assert shell.current().name == "unavailable"
    assert outbox.due(10)[0].payload["item_code"] == "XK00101001"
