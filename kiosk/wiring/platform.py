"""The platform link: this kiosk process's one PlatformClient, its credential and its clock check.

Wired before every other area (kiosk.context.wire_all), because every area that talks to the
platform uses this one client: the catalog, the documents and seals to print, the reference
photo, the outbox delivery, the heartbeat and remote commands. It carries the kiosk credential
from the first call, so the credential is loaded (or, in the demo, enrolled) here, not in the
sync area that happens to need it most.

    link = platform_link(ctx)     # PlatformLink: url, client, skew, credential, alerts
    client = platform_client(ctx) # the PlatformClient

Both build the link on first use when the platform step was not wired (a CLI command or a test
that wires one area alone), so there is still only one client per context.
"""
from __future__ import annotations

import collections
import logging
import threading
from dataclasses import dataclass, field
from typing import Callable

from kiosk.config import Config
from kiosk.platform_settings import client_settings
from sync.client import PlatformClient
from sync.clock import ClockSkew
from sync.credential import Credential, CredentialError, load_credential, provision

log = logging.getLogger(__name__)

Alert = Callable[[str, str, dict], None]


class AlertRelay:
    """Alerts raised while the link is built or used (no credential, clock skew) for whoever
    connects later (the sync area's error log and the staff screen); earlier ones are replayed."""

    def __init__(self, keep: int = 20):
        self._sinks: list[Alert] = []
        self._early: collections.deque = collections.deque(maxlen=keep)
        self._lock = threading.Lock()

    def __call__(self, code: str, message: str, details: dict) -> None:
        with self._lock:
            sinks = list(self._sinks)
            if not sinks:
                self._early.append((code, message, details))
        if not sinks:
            log.warning("platform alert %s: %s", code, message)
        for sink in sinks:
            sink(code, message, details)

    def connect(self, sink: Alert) -> None:
        with self._lock:
            early = list(self._early)
            self._early.clear()
            self._sinks.append(sink)
        for code, message, details in early:
            sink(code, message, details)


@dataclass
class PlatformLink:
    url: str
    client: PlatformClient
    skew: ClockSkew
    credential: Credential | None
    alerts: AlertRelay = field(default_factory=AlertRelay)

    def close(self) -> None:
        self.client.close()


def open_link(cfg: Config, url: str, *, demo: bool = False,
              enroll_token: str | None = None) -> PlatformLink:
    """The client as configured ([platform]), its clock-skew hook, and the kiosk credential
    from [sync] credential_file, or enrolled with enroll_token (the demo's embedded platform).
    Raises ConfigError for settings that cannot work; a missing credential is an alert, not an
    error: records still queue and the rest of the platform may still answer."""
    alerts = AlertRelay()
    skew = ClockSkew(alert=alerts)
    client = PlatformClient(client_settings(cfg, url, demo=demo),
                            response_hooks=(skew.response_hook,), security_alert=alerts)
    link = PlatformLink(url, client, skew, None, alerts)
    link.credential = _credential(cfg, link, enroll_token)
    client.use_credential(link.credential)
    return link


def _credential(cfg: Config, link: PlatformLink, enroll_token: str | None) -> Credential | None:
    path = cfg.data_path(cfg.sync.credential_file)
    try:
        if enroll_token is not None:
            return provision(link.client, link.url, cfg.kiosk.id, enroll_token, path)
        return load_credential(path)
    except CredentialError as exc:
        link.alerts(f"credential_{exc.code}", str(exc), {})
        return None


def _demo_token(cfg: Config, demo: bool) -> str | None:
    if demo and cfg.platform.url == "embedded":
        # the demo kiosk enrolls itself at every start with the embedded platform's reusable demo
        # token, so a deleted platform database never leaves it with a stale credential
        from kiosk.embedded import embedded_platform
        return embedded_platform().demo_enrollment_token
    return None


_building = threading.Lock()
# how each identity source is named in a citizen session (the platform's factors)
# (phone_eid, phone_essc: a phone's dynamic code; face: face login on a typed ID number)
_FACTORS = {"idcard": "idcard", "ssc": "ssc", "face": "face_login"}


def current_citizen(session) -> tuple[str, tuple[str, ...]] | None:
    """(id_number, factors) of the person identified in this session now, for the platform's
    citizen session (sync.client.PlatformClient.identify_citizen_with); None when nobody is."""
    from kiosk.flows.face_policy import face_verified
    identity = session.identity if session is not None else None
    if identity is None or not identity.id_number:
        return None
    factor = "phone" if identity.source.startswith("phone") else _FACTORS.get(identity.source)
    if factor is None:          # a way the platform has no name for: claim nothing
        return None
    factors = [factor]
    if face_verified(session) and factor != "face_login":
        factors.append("face")
    return identity.id_number, tuple(factors)


def platform_link(ctx) -> PlatformLink:
    """The context's link, built now if the platform step has not run yet."""
    with _building:
        if ctx.platform is None:
            url = ctx.platform_url
            if not url:
                raise RuntimeError("no platform URL: the app must start the platform before wiring")
            link = open_link(ctx.config, url, demo=ctx.demo,
                             enroll_token=_demo_token(ctx.config, ctx.demo))
            link.client.identify_citizen_with(lambda: current_citizen(ctx.session))
            ctx.platform = link
            ctx.on_shutdown(link.close)
        return ctx.platform


def platform_client(ctx) -> PlatformClient:
    return platform_link(ctx).client


def wire(ctx) -> None:
    platform_link(ctx)
