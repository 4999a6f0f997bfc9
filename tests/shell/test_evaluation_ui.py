"""Rating a service from the screen into a real outbox: kept durably, anonymous, honest receipt."""
from __future__ import annotations

import pytest

from sync.outbox import open_outbox


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


def test_low_rating_with_reason_is_queued_and_receipt_says_so(shell, ctx, outbox):
    ctx.services["sync"] = OfflineSync(outbox)
    shell.go("evaluation", item_code="XK00101001")
    screen = shell.current()
    screen.level_buttons["very_dissatisfied"].click()
    assert screen.reasons_card.isVisible() and not screen.submit_button.isEnabled()
    screen.reason_buttons["long_wait"].click()
    screen.submit_button.click()
    assert screen.submitted and screen.done_button.isVisible()
    assert "网络恢复后将自动提交" in screen.result.text.text()
    records = outbox.due(10)
    assert [r.kind for r in records] == ["evaluation"]
    assert records[0].payload["level"] == "very_dissatisfied"
    assert records[0].payload["reasons"] == ["long_wait"]
    assert records[0].payload["item_code"] == "XK00101001"


def test_no_sync_service_says_so_and_promises_nothing(shell, ctx):
    ctx.services.pop("sync", None)
    shell.go("evaluation")
    screen = shell.current()
    screen.level_buttons["satisfied"].click()
    screen.submit_button.click()
    assert not screen.submitted
    assert screen.result.property("level") == "error"
