"""What a real kiosk (not --demo) may not be configured with, checked at start and by
`kiosk config check`.

Each rule closes a hole a review found on a kiosk run as configured (issue 14):
  - the built-in reference platform, or a platform reached over plain http: the Bearer token,
    citizens' records and the heartbeat would cross the hall network in clear;
  - TLS verification off;
  - a virtual twin for any enabled device: any local process could present a social security
    card or an ID card through the twin's pty or vpcd socket;
  - the reference platform's test CA as the trust root for signed PDFs.
The demo accepts all of them: it runs on loopback with stand-ins by design.
"""
from __future__ import annotations

from typing import Iterator
from urllib.parse import urlsplit

from kiosk.config import Config, ConfigError

VIRTUAL = "virtual:"


def demo_only_problems(cfg: Config) -> list[str]:
    """One line per setting that only --demo allows (empty: fine for a real kiosk)."""
    return list(_problems(cfg))


def check_production_settings(cfg: Config, demo: bool) -> None:
    """Raise ConfigError naming every demo-only setting, unless demo."""
    if demo:
        return
    problems = demo_only_problems(cfg)
    if problems:
        raise ConfigError(("\n  " if len(problems) > 1 else "") + "\n  ".join(problems))


def _problems(cfg: Config) -> Iterator[str]:
    p = cfg.platform
    if p.url == "embedded":
        yield ("[platform] url = 'embedded': the built-in reference platform is for --demo only; "
               "set the platform's https URL")
    elif urlsplit(p.url).scheme != "https":
        yield (f"[platform] url = {p.url!r}: only https:// is allowed outside --demo (the kiosk "
               "credential and citizens' records would travel in clear)")
    if not p.verify_tls:
        yield ("[platform] verify_tls = false: TLS verification can only be switched off with "
               "--demo")
    devices = (
        ("idcard", "port", cfg.idcard.enabled, cfg.idcard.port),
        ("smartcard", "reader", cfg.smartcard.enabled, cfg.smartcard.reader),
        ("camera.face", "source", cfg.face.enabled, cfg.camera.face.source),
        ("camera.document", "source", True, cfg.camera.document.source),
        ("camera.qr", "source", True, cfg.camera.qr.source),
        ("certificate_printer", "queue", cfg.certificate_printer.enabled,
         cfg.certificate_printer.queue),
    )
    for section, key, enabled, value in devices:
        if enabled and value.startswith(VIRTUAL):
            yield (f"[{section}] {key} = {value!r}: virtual twins are for --demo only (set the "
                   "real device, or disable it)")
    if cfg.receipt_printer.enabled and cfg.receipt_printer.transport == "virtual":
        yield ("[receipt_printer] transport = 'virtual': the virtual printer is for --demo only")
    if cfg.certificate_printer.enabled and not cfg.certificate_printer.trust_roots:
        yield ("[certificate_printer] trust_roots = '': the reference platform's test CA is "
               "trusted in --demo only; set the PEM file of the issuers' CAs")
