"""Sync wiring: the outbox, its delivery worker, the heartbeat and remote commands, from [sync].

Delivery, heartbeat and command acknowledgements use the kiosk's one platform client and the
credential it carries (kiosk.wiring.platform, wired before every area).

ctx.services.sync is a SyncArea, the one object screens and flows use:
    receipt = sync.enqueue("submission", payload)   # durable when it returns; receipt.key
    sync.status()                                   # SyncStatus snapshot, no I/O
    sync.on_status(fn)                              # fn(SyncStatus) from the worker thread
    sync.commands.register("screenshot", fn)        # remote command handlers (None if unprovisioned)
Status changes and staff alerts also reach the UI as bridge events ("sync", "status", SyncStatus)
and ("sync", "alert", {"code", "message"}).
"""
from __future__ import annotations

import logging
import time
from typing import Any, Callable

from kiosk import __version__
from kiosk.area_state import StatePart, english
from kiosk.update_notice import STATE_FILE, rollback_notice
from kiosk.wiring.platform import PlatformLink, platform_link
from sync.clock import ClockSkew, SignedClock
from sync.credential import Credential
from sync.delivery import DeliveryWorker, FlushResult, RetryPolicy, SyncStatus
from sync.heartbeat import ErrorLog, Heartbeat, KioskState
from sync.outbox import Outbox, Receipt, open_outbox
from sync.remote_commands import RemoteCommands
from sync.run_marker import RunMarker

log = logging.getLogger(__name__)


class SyncArea:
    """The sync area as the app sees it; built by build_area()."""

    def __init__(self, outbox: Outbox, worker: DeliveryWorker, errors: ErrorLog, skew: ClockSkew,
                 credential: Credential | None, heartbeat: Heartbeat | None = None,
                 commands: RemoteCommands | None = None, kiosk_state: KioskState | None = None,
                 *, marker: RunMarker | None = None,
                 alert: Callable[[str, str, dict], None] | None = None):
        self.outbox = outbox
        self.worker = worker
        self.errors = errors
        self.skew = skew
        self.credential = credential
        self.heartbeat = heartbeat
        self.commands = commands
        self.kiosk_state = kiosk_state
        self.marker = marker
        self._alert = alert
        self.tls_failing: Callable[[], bool] = lambda: False
        self.security_notices: list[str] = []     # codes staff must act on (kiosk.print_spool)

    @property
    def state_parts(self) -> tuple[StatePart, ...]:
        status = self.worker.status()
        if self.tls_failing():
            # not "offline": a certificate that does not verify may be someone in between
            return (StatePart("SECURITY: the platform's certificate does not verify"),)
        if not status.accepting:
            return (StatePart("NOT accepting records (%1)", (status.problem,)),)
        link = {True: StatePart("online"), False: StatePart("offline (%1)", (status.last_error,)),
                None: StatePart("connecting")}[status.online]
        parts = (link, StatePart("%1 queued", (str(status.depth),)))
        parts += (StatePart("%1 dead letters", (str(status.dead),)),) if status.dead else ()
        if self.security_notices:
            parts += (StatePart("SECURITY: %1", (", ".join(self.security_notices),)),)
        return parts

    def security_notice(self, code: str, message: str) -> None:
        """A standing security problem of this kiosk's setup: the staff menu shows it, and the
        error log (the heartbeat's security_alerts) carries it."""
        if code not in self.security_notices:
            self.security_notices.append(code)
        self.errors(code, message, {"security": True})

    @property
    def state(self) -> str:
        """One line for the heartbeat and the CLI; the staff screen translates state_parts."""
        return english(self.state_parts)

    def enqueue(self, kind: str, payload: Any) -> Receipt:
        """Store a record for the platform; raises sync.outbox.OutboxError (with .code) when the
        outbox cannot keep it. When this returns, a receipt promising delivery may be printed."""
        return self.outbox.enqueue(kind, payload)

    def status(self) -> SyncStatus:
        return self.worker.status()

    def on_status(self, listener: Callable[[SyncStatus], None]) -> None:
        self.worker.on_status(listener)

    def flush(self, timeout: float = 60.0) -> FlushResult:
        return self.worker.flush(timeout)

    def set_state_providers(self, devices: Callable[[], dict] | None = None,
                            paper: Callable[[], dict] | None = None) -> None:
        """Where the heartbeat reads device and paper states (the app knows them, sync does not)."""
        if self.kiosk_state is None:
            return
        if devices is not None:
            self.kiosk_state.device_states = devices
        if paper is not None:
            self.kiosk_state.paper_state = paper

    def start(self) -> "SyncArea":
        if self.marker is not None:
            left = self.marker.begin()
            if left is not None and self._alert is not None:
                # before the first heartbeat, so that beat already carries it
                self._alert("kiosk_unclean_exit", "the previous kiosk process ended without "
                            "shutting down (killed, crashed or power lost)", {"started_at": left})
        self.worker.start()
        if self.heartbeat is not None:
            self.heartbeat.start()
        return self

    def stop(self) -> None:
        if self.heartbeat is not None:
            self.heartbeat.stop()
        self.worker.stop()
        if self.commands is not None:
            self.commands.close()
        self.outbox.close()
        if self.marker is not None:
            self.marker.end()


def build_area(cfg, link: PlatformLink, *,
               alert: Callable[[str, str, dict], None] | None = None,
               started_at: float | None = None) -> SyncArea:
    """The sync area on the kiosk's platform link (kiosk.wiring.platform.open_link)."""
    errors = ErrorLog()
    # an update the health check rolled back is told to the platform with this version's beats
    notice = rollback_notice(cfg.data_path(STATE_FILE), __version__)
    if notice is not None:
        errors(notice["code"], notice["message"])

    def on_alert(code: str, message: str, details: dict) -> None:
        log.warning("sync alert %s: %s", code, message)
        errors(code, message, details)
        if alert is not None:
            alert(code, message, details)

    sync_cfg = cfg.sync
    outbox = open_outbox(sync_cfg, cfg.data_path, alert=on_alert)
    link.alerts.connect(on_alert)       # credential problems and clock skew, since the start
    client, skew, credential = link.client, link.skew, link.credential
    worker = DeliveryWorker(outbox, client, batch_size=sync_cfg.batch_size,
                            policy=RetryPolicy(sync_cfg.backoff_base_s, sync_cfg.backoff_max_s),
                            ordered_kinds=sync_cfg.ordered_kinds, alert=on_alert)
    service = SyncArea(outbox, worker, errors, skew, credential,
                       marker=RunMarker(cfg.data_path("kiosk.running")), alert=on_alert)
    service.tls_failing = lambda: link.client.tls_failing
    if credential is None:
        return service
    # commands are judged by the platform's signed time, never by the unsigned Date header
    signed_clock = SignedClock(credential.kiosk_id, credential.public_key(), alert=on_alert)
    commands = RemoteCommands(cfg.data_path(sync_cfg.commands_db), credential.kiosk_id,
                              credential.public_key(), now=signed_clock.now, alert=on_alert,
                              clock_trusted=lambda: signed_clock.trusted)
    commands.register("flush_outbox", lambda args: _flush_result(worker.flush(30.0)))
    state = KioskState(kiosk_id=credential.kiosk_id, app_version=__version__,
                       started_at=started_at or time.time(), data_dir=cfg.data_path(),
                       outbox_stats=outbox.stats, last_errors=errors.recent)
    heartbeat = Heartbeat(client, state, commands, interval_s=sync_cfg.heartbeat_s,
                          on_contact=worker.note_contact, signed_clock=signed_clock)
    service.heartbeat, service.commands, service.kiosk_state = heartbeat, commands, state
    return service


def _flush_result(result: FlushResult) -> dict:
    return {"sent": result.sent, "dead": result.dead, "remaining": result.remaining,
            "error": result.error}


def wire(ctx) -> None:
    link = platform_link(ctx)
    bridge = ctx.bridge

    def alert(code: str, message: str, details: dict) -> None:
        if bridge is not None:
            bridge.post("sync", "alert", {"code": code, "message": message})

    service = build_area(ctx.config, link, alert=alert)
    service.set_state_providers(devices=lambda: _device_states(ctx),
                                paper=lambda: _paper_states(ctx))
    if bridge is not None:
        service.on_status(lambda status: bridge.post("sync", "status", status))
    ctx.services.sync = service.start()
    ctx.on_shutdown(service.stop)


def _device_states(ctx) -> dict:
    """Each device area's state (as the staff menu says it, in English), and why areas failed."""
    states = {name: area.state for name, area in ctx.services.device_areas().items()}
    for name, reason in dict(ctx.services.unavailable).items():
        states[name] = f"unavailable: {reason}"[:200]
    return states


def _paper_states(ctx) -> dict:
    """The receipt roll: ok / near-end / out / unknown."""
    printing = ctx.services.printing
    paper = printing.paper if printing is not None else None
    return {"printing": paper} if paper is not None else {}
