"""Composition root: builds the application context (platform, services, devices) from config.

No widgets here; screens/app.py puts the shell on screen, walkthrough/ drives it offscreen.
"""
from __future__ import annotations

import logging

from kiosk.config import Config
from kiosk.context import AppContext, wire_all
from kiosk.deployment_checks import check_production_settings
from kiosk.hardening import forbid_core_dumps
from kiosk.logging_setup import watch_session
from kiosk.embedded import embedded_platform
from kiosk.session import Session

log = logging.getLogger(__name__)


def check_demo_only_settings(cfg: Config, demo: bool) -> None:
    """Refuse what only --demo allows (kiosk.deployment_checks): http, the embedded platform,
    TLS off, virtual twins."""
    check_production_settings(cfg, demo)


def start_platform(ctx: AppContext) -> None:
    """Point ctx at the platform; for 'embedded', start the reference platform on 127.0.0.1."""
    url = ctx.config.platform.url
    if url != "embedded":
        ctx.platform_url = url.rstrip("/")
        return
    server = embedded_platform()(ctx.config.data_path("reference-platform.sqlite3")).start()
    log.info("embedded reference platform at %s", server.url)
    ctx.platform_url = server.url
    ctx.embedded_platform = server
    ctx.on_shutdown(server.stop)


def build_context(cfg: Config, demo: bool, bridge=None, start: bool = True) -> AppContext:
    """The context; with start=False the caller runs start_services() itself (after first paint)."""
    check_demo_only_settings(cfg, demo)
    forbid_core_dumps()                  # nothing of a citizen leaves in a core file
    ctx = AppContext(config=cfg, session=Session(), bridge=bridge, demo=demo)
    watch_session(ctx.session)           # the citizen's name and number never reach a log
    if start:
        start_services(ctx)
    return ctx


def start_services(ctx: AppContext) -> None:
    """Platform connection and every area's devices and services. The GUI runs this just after
    the home screen is first painted, so a citizen never looks at a blank screen while devices
    come up; screens treat a service that is not there yet as unavailable."""
    start_platform(ctx)
    wire_all(ctx)
    _reconcile_payments(ctx)
    if ctx.services.sync is not None:
        from kiosk.print_spool import check_at_start
        check_at_start(ctx.config, ctx.services.sync.security_notice)


def _reconcile_payments(ctx: AppContext) -> None:
    """Payments a previous run left on disk (killed or powered off mid-payment) to their true
    state before any citizen opens "Pay", on a worker: this runs on the UI thread at start."""
    if ctx.platform is None:
        return
    import threading
    from kiosk.flows.pay_order import reconcile_at_start
    threading.Thread(target=reconcile_at_start, name="pay-reconcile", daemon=True,
                     args=(ctx.config.data_path("payments"), ctx.platform.client)).start()
