"""`kiosk doctor`: one page that checks everything the kiosk needs and says what to do about each
problem; `--json` for tools, and an exit status that says whether the kiosk is fit to serve
(0 fit, 1 not: at least one check failed). The staff menu shows the same findings.

Each check gives a Finding: ok, warn (serves, but look at it soon), fail (must be fixed before
the kiosk serves citizens) or skip (not configured here), with the detail a technician needs
and the next step. Device checks open the devices: on a running kiosk they are in use by the
app, so `kiosk doctor` skips them while kiosk.service runs unless `--devices` is given (stop the
kiosk first), and the staff menu reports the app's own device states instead.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from kiosk import __version__, config

OK, WARN, FAIL, SKIP = "ok", "warn", "fail", "skip"
CERT_WARN_DAYS = 30
CUPSD_CONF = Path("/etc/cups/cupsd.conf")


@dataclass
class Finding:
    check: str          # stable id: config, platform, clock, idcard, camera.face, ...
    title: str          # what was checked, for the page
    status: str         # ok / warn / fail / skip
    detail: str
    advice: str = ""    # what to do, when it is not ok


@dataclass
class Options:
    devices: bool = True            # open the devices (the kiosk app must not hold them)
    camera_seconds: float = 1.5
    cupsd_conf: Path = CUPSD_CONF


def fit_to_serve(findings: list[Finding]) -> bool:
    return not any(f.status == FAIL for f in findings)


def run_checks(config_path: str | None, options: Options | None = None) -> list[Finding]:
    options = options or Options()
    try:
        cfg = config.load(config_path)
    except config.ConfigError as exc:
        return [Finding("config", "Configuration", FAIL, str(exc),
                        "Fix the keys named, then run `kiosk config check`.")]
    findings = [_config(cfg)]
    checks: list[Callable[[], Iterator[Finding]]] = [
        lambda: _platform(cfg), lambda: _disk(cfg), lambda: _outbox(cfg),
        lambda: _certificates(cfg), lambda: _cups_job_files(cfg, options.cupsd_conf),
        lambda: _update(cfg)]
    if options.devices:
        checks[2:2] = [lambda: _idcard(cfg), lambda: _smartcard(cfg),
                       lambda: _cameras(cfg, options.camera_seconds), lambda: _printers(cfg)]
    for check in checks:
        try:
            findings.extend(check())
        except Exception as exc:    # a broken check is a finding, never a traceback
            name = getattr(check, "__name__", "check")
            findings.append(Finding(name, "Check", FAIL, f"the check itself failed: {exc!r}",
                                    "Report this to the kiosk's maintainers."))
    return findings


# ---- configuration and platform -------------------------------------------------------------

def _config(cfg) -> Finding:
    from kiosk.deployment_checks import check_production_settings
    from kiosk.platform_settings import client_settings
    try:
        check_production_settings(cfg, demo=False)
        if cfg.platform.url != "embedded":
            client_settings(cfg, demo=False)
    except config.ConfigError as exc:
        return Finding("config", "Configuration", FAIL, f"{cfg.path}: {exc}",
                       "Set the keys named with `kiosk config set SECTION.KEY VALUE` (README "
                       "\"Installing a kiosk\").")
    return Finding("config", "Configuration", OK, f"{cfg.path} is valid for a real kiosk")


PLATFORM_ADVICE = {
    "platform_unreachable": "Check the network cable, the extranet route and [platform] proxy.",
    "platform_timeout": "The platform answers too slowly: check the extranet link and proxy.",
    "platform_tls": "Check [platform] ca_bundle, client_cert and client_key, and the clock.",
    "platform_unauthorized": "The credential was refused: provision again with a new "
                             "enrollment token (`kiosk provision --token ... --force`).",
    "platform_forbidden": "The platform refuses this kiosk: ask the platform operators.",
}


def _platform(cfg) -> Iterator[Finding]:
    if cfg.platform.url == "embedded":
        yield Finding("platform", "Platform", SKIP, "embedded reference platform (demo)")
        yield Finding("clock", "Clock", SKIP, "no platform to compare with")
        return
    from kiosk.wiring.platform import open_link
    from sync.client import PlatformClientError
    try:
        link = open_link(cfg, cfg.platform.url.rstrip("/"), demo=False)
    except config.ConfigError as exc:
        yield Finding("platform", "Platform", FAIL, str(exc), "Fix [platform] in the configuration.")
        yield Finding("clock", "Clock", SKIP, "no platform answer")
        return
    try:
        tls = cfg.platform.url.startswith("https://")
        if link.credential is None:
            yield Finding("platform", "Platform", FAIL, "this kiosk has no credential",
                          "Provision it: `kiosk provision --token TOKEN` with a single-use "
                          "enrollment token from the platform.")
        else:
            try:
                # an empty acknowledgement: authenticated, and changes nothing on the platform
                link.client.post_json("/api/v1/commands/ack", {"acks": []})
                yield Finding("platform", "Platform", OK if tls else WARN,
                              f"{cfg.platform.url} answers {'over TLS ' if tls else ''}"
                              f"with the kiosk credential ({link.credential.kiosk_id})",
                              "" if tls else "Use the platform's https:// URL.")
            except PlatformClientError as exc:
                yield Finding("platform", "Platform", FAIL, f"{exc.code}: {exc}",
                              PLATFORM_ADVICE.get(exc.code, "Ask the platform operators."))
        yield _clock(link.skew)
    finally:
        link.close()


def _clock(skew) -> Finding:
    if skew.skew_s is None:
        return Finding("clock", "Clock", SKIP, "no platform answer to compare with")
    off = skew.skew_s
    detail = f"{abs(off):.0f} s {'behind' if off > 0 else 'ahead of'} the platform " \
             f"(allowed {skew.threshold_s:.0f} s)"
    if abs(off) > skew.threshold_s:
        return Finding("clock", "Clock", FAIL, detail,
                       "Turn on time synchronisation (`timedatectl set-ntp true`) with the "
                       "hall's NTP server, or set the time.")
    return Finding("clock", "Clock", OK, detail)


# ---- devices --------------------------------------------------------------------------------

def _virtual(value: str) -> bool:
    return value.startswith("virtual:") or value == "virtual"


def _idcard(cfg) -> Iterator[Finding]:
    c = cfg.idcard
    if not c.enabled:
        yield Finding("idcard", "ID card reader", SKIP, "disabled in [idcard]")
        return
    if _virtual(c.port):
        yield Finding("idcard", "ID card reader", SKIP, f"{c.port} (demo twin)")
        return
    from devices.idcard.detect import detect
    ports = [] if c.port == "auto" else [c.port]
    results = detect(ports, (c.baud,) if ports else (115200, 57600, 38400, 19200, 9600),
                     0.5, only_given=bool(ports), exclude=_printer_ports(cfg))
    readers = [r for r in results if r.is_reader]
    if not readers:
        why = "; ".join(f"{r.port}: {r.error or 'no answer'}" for r in results) or "no serial ports"
        yield Finding("idcard", "ID card reader", FAIL, f"no reader answered ({why})",
                      "Check the cable and power, run `kiosk devices detect`, then `kiosk config "
                      "set idcard.port /dev/serial/by-id/...` and `idcard.baud`.")
        return
    from devices.idcard import codec
    r = readers[0]
    sam_ok = r.sam_status == codec.status_text(codec.SW_OK)
    yield Finding("idcard", "ID card reader", OK if sam_ok else FAIL,
                  f"{r.port} at {r.baud} baud, SAM {r.sam_status}"
                  + (f", SAM ID {r.sam_id}" if r.sam_id else ""),
                  "" if sam_ok else "The reader's SAM module is not working: power the reader "
                  "off and on; if it stays, the reader needs its vendor's service.")


def _printer_ports(cfg) -> list[str]:
    p = cfg.receipt_printer
    return [p.port] if p.transport == "serial" and p.port else []


def _smartcard(cfg) -> Iterator[Finding]:
    c = cfg.smartcard
    if not c.enabled:
        yield Finding("smartcard", "Smart card reader", SKIP, "disabled in [smartcard]")
        return
    if _virtual(c.reader):
        yield Finding("smartcard", "Smart card reader", SKIP, f"{c.reader} (demo twin)")
        return
    from devices.smartcard.errors import SmartCardError
    from devices.smartcard.pcsc import Context
    try:
        ctx = Context()
        try:
            names = ctx.readers()
        finally:
            ctx.release()
    except SmartCardError as exc:
        yield Finding("smartcard", "Smart card reader", FAIL, f"{exc.code}: {exc}",
                      "Start the PC/SC service: `systemctl start pcscd.socket`.")
        return
    match = [n for n in names if c.reader in n]
    if not match:
        yield Finding("smartcard", "Smart card reader", FAIL,
                      f"no reader named like {c.reader!r} (pcscd sees: {', '.join(names) or 'none'})",
                      "Plug the reader in (CCID readers need Debian's libccid), check "
                      "`kiosk devices pcsc-readers`, then `kiosk config set smartcard.reader`.")
        return
    yield Finding("smartcard", "Smart card reader", OK, match[0])


def _cameras(cfg, seconds: float) -> Iterator[Finding]:
    for role in ("face", "document", "qr"):
        if role == "face" and not cfg.face.enabled:
            yield Finding("camera.face", "Face camera", SKIP, "face check disabled in [face]")
            continue
        yield _camera(cfg, role, seconds)


def _camera(cfg, role: str, seconds: float) -> Finding:
    from devices.camera.capture import CaptureSettings, CaptureWorker, public_source
    from devices.camera.errors import CameraError
    title = {"face": "Face camera", "document": "Document camera", "qr": "QR camera"}[role]
    settings = CaptureSettings.from_config(cfg.camera[role])
    source = public_source(settings.source)
    if _virtual(settings.source):
        return Finding(f"camera.{role}", title, SKIP, f"{source} (demo twin)")
    advice = (f"Check the cable, find the camera with `v4l2-ctl --list-devices`, then `kiosk "
              f"config set camera.{role}.source /dev/v4l/by-id/...`; `kiosk devices camera-check "
              f"--role {role}`.")
    try:
        worker = CaptureWorker(role, settings, lambda kind, payload=None: None)
    except CameraError as exc:
        return Finding(f"camera.{role}", title, FAIL, f"{source}: {exc}", advice)
    worker.start()
    try:
        started_at = time.monotonic()
        while not worker.wait_running(timeout=0.25):
            if time.monotonic() - started_at > 5.0 or (
                    worker.state == "lost" and time.monotonic() - started_at > 1.5):
                break
        first = worker.latest()
        if first is None:
            why = worker.last_error.message if worker.last_error else "no frame within 5 s"
            return Finding(f"camera.{role}", title, FAIL, f"{source}: {why}", advice)
        time.sleep(seconds)
        last = worker.latest()
        fps = (last.seq - first.seq) / max(last.timestamp - first.timestamp, 1e-6)
        width, height = worker.frame_size
        detail = f"{source}: {width}x{height} at {fps:.1f} fps (configured {settings.fps})"
        if fps < settings.fps / 2:
            return Finding(f"camera.{role}", title, WARN, detail,
                           f"The camera delivers less than half its frame rate: try a mode it "
                           f"offers (`camera.{role}.width/height/fps`) or a USB port of its own.")
        return Finding(f"camera.{role}", title, OK, detail)
    finally:
        worker.stop()


def _printers(cfg) -> Iterator[Finding]:
    from kiosk.commands.printing import _context
    from kiosk.wiring import printing as wiring
    if not cfg.certificate_printer.enabled and not cfg.receipt_printer.enabled:
        yield Finding("printers", "Printers", SKIP, "both printers disabled")
        return
    ctx = _context(cfg)
    try:
        wiring.wire(ctx)
        services = ctx.services.printing
        yield _receipt(cfg, services)
        yield _cups_queue(cfg, services)
    finally:
        ctx.shutdown()


def _receipt(cfg, services) -> Finding:
    if not cfg.receipt_printer.enabled:
        return Finding("receipt", "Receipt printer", SKIP, "disabled in [receipt_printer]")
    if services.receipts is None:
        return Finding("receipt", "Receipt printer", FAIL,
                       services.unavailable.get("receipts", "unavailable"),
                       "Check the cable and [receipt_printer] transport, port or USB ids.")
    status = services.receipts.printer.poll()
    detail = f"{cfg.receipt_printer.transport}: {status.state}, paper {status.paper}"
    if not status.can_print:
        return Finding("receipt", "Receipt printer", FAIL, detail,
                       "Refill the paper roll or close the cover; `kiosk printers` shows the state.")
    if status.state in ("paper_near_end", "unknown"):
        return Finding("receipt", "Receipt printer", WARN, detail,
                       "Put a new roll in soon." if status.state == "paper_near_end" else
                       "The printer does not report its state: use a bidirectional link.")
    return Finding("receipt", "Receipt printer", OK, detail)


def _cups_queue(cfg, services) -> Finding:
    c = cfg.certificate_printer
    if not c.enabled:
        return Finding("cups", "A4 printer (CUPS)", SKIP, "disabled in [certificate_printer]")
    if services.certificates is None:
        return Finding("cups", "A4 printer (CUPS)", FAIL,
                       services.unavailable.get("certificates", "unavailable"),
                       "Start CUPS (`systemctl start cups`) and add the queue with lpadmin.")
    from printing.cups_jobs import CupsPrinter
    printer = services.certificates.printer
    if c.queue not in printer.queues():
        return Finding("cups", "A4 printer (CUPS)", FAIL, f"queue {c.queue!r} does not exist",
                       f"`lpadmin -p {c.queue} -E -v ipp://PRINTER/ipp/print -m everywhere`.")
    status = CupsPrinter(c.queue, printer.server).status()
    detail = f"{c.queue}: {status.state}, {', '.join(status.reasons) or 'no reasons'}"
    if not status.ready:
        return Finding("cups", "A4 printer (CUPS)", FAIL, detail,
                       "Clear the printer's problem (paper, jam, door), then `cupsenable "
                       f"{c.queue}`; `kiosk print-test certificate` to check.")
    return Finding("cups", "A4 printer (CUPS)", OK, detail)


# ---- the kiosk's own state ------------------------------------------------------------------

def _disk(cfg) -> Iterator[Finding]:
    data = cfg.data_path()
    usage = shutil.disk_usage(data)
    free_mb = usage.free / 1e6
    minimum = cfg.sync.min_free_mb
    detail = f"{free_mb:,.0f} MB free of {usage.total / 1e6:,.0f} MB at {data} " \
             f"(outbox refuses below {minimum} MB)"
    if free_mb < minimum:
        yield Finding("disk", "Disk space", FAIL, detail,
                      "Free space: `journalctl --vacuum-size=100M`, old versions with "
                      "`apt-get autoremove`.")
    elif free_mb < minimum * 4:
        yield Finding("disk", "Disk space", WARN, detail, "Free some space soon.")
    else:
        yield Finding("disk", "Disk space", OK, detail)


def _outbox(cfg) -> Iterator[Finding]:
    from sync.outbox import open_outbox
    box = open_outbox(cfg.sync, cfg.data_path)
    try:
        stats = box.stats()
    finally:
        box.close()
    age = "" if stats.oldest_age_s is None else f", oldest {stats.oldest_age_s / 3600:.1f} h"
    detail = f"{stats.depth} queued{age}, {stats.dead} dead letters"
    if not stats.accepting:
        yield Finding("outbox", "Outbox", FAIL, f"{detail}; not accepting: {stats.problem}",
                      "See README \"Outbox and sync\" for the code; free disk space for disk_full.")
    elif stats.dead:
        yield Finding("outbox", "Outbox", WARN, detail,
                      "Look at them with `kiosk outbox list --dead`; once the cause is fixed, "
                      "`kiosk outbox retry-dead`.")
    else:
        yield Finding("outbox", "Outbox", OK, detail)


def _certificates(cfg) -> Iterator[Finding]:
    files = [("platform.ca_bundle", cfg.platform.ca_bundle),
             ("platform.client_cert", cfg.platform.client_cert),
             ("certificate_printer.trust_roots", cfg.certificate_printer.trust_roots)]
    for key, value in files:
        if not value:
            continue
        path = Path(value) if Path(value).is_absolute() else cfg.base_dir / value
        yield _certificate_file(key, path)


def _certificate_file(key: str, path: Path) -> Finding:
    from cryptography import x509
    title = f"Certificate {key}"
    try:
        certs = x509.load_pem_x509_certificates(path.read_bytes())
    except (OSError, ValueError) as exc:
        return Finding(f"cert.{key}", title, FAIL, f"{path}: {exc}",
                       f"Put the PEM file named by {key} in place.")
    now = datetime.now(timezone.utc)
    soonest = min(certs, key=lambda c: c.not_valid_after_utc)
    days = (soonest.not_valid_after_utc - now).days
    subject = soonest.subject.rfc4514_string()
    detail = f"{path}: {len(certs)} certificate(s), first to expire {subject} on " \
             f"{soonest.not_valid_after_utc:%Y-%m-%d} ({days} days)"
    if soonest.not_valid_after_utc <= now:
        return Finding(f"cert.{key}", title, FAIL, detail,
                       "Expired: get the renewed certificate from the platform operators.")
    if days < CERT_WARN_DAYS:
        return Finding(f"cert.{key}", title, WARN, detail,
                       "Renew it before it expires (ask the platform operators).")
    return Finding(f"cert.{key}", title, OK, detail)


def _cups_job_files(cfg, cupsd_conf: Path) -> Iterator[Finding]:
    title = "CUPS keeps no job files"
    if not cfg.certificate_printer.enabled or _virtual(cfg.certificate_printer.queue):
        yield Finding("cups_job_files", title, SKIP, "no local CUPS queue in use")
        return
    if cfg.certificate_printer.cups_server and not cfg.certificate_printer.cups_server.startswith("/"):
        yield Finding("cups_job_files", title, SKIP,
                      f"remote CUPS server {cfg.certificate_printer.cups_server}: check it there")
        return
    try:
        lines = cupsd_conf.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        yield Finding("cups_job_files", title, FAIL, f"{cupsd_conf}: {exc}", "Install CUPS.")
        return
    value = "Yes"     # CUPS's default keeps printed files (certificates hold personal data)
    for line in lines:
        words = line.split()
        if len(words) >= 2 and words[0].lower() == "preservejobfiles":
            value = words[1]
    if value.lower() in ("no", "off", "false"):
        yield Finding("cups_job_files", title, OK, f"{cupsd_conf}: PreserveJobFiles {value}")
    else:
        yield Finding("cups_job_files", title, FAIL,
                      f"{cupsd_conf}: PreserveJobFiles {value} (printed certificates stay on disk)",
                      "Run `cupsctl PreserveJobFiles=No`.")


def _update(cfg) -> Iterator[Finding]:
    from kiosk.update_notice import STATE_FILE, rollback_notice
    path = cfg.data_path(STATE_FILE)
    notice = rollback_notice(path, __version__)
    if notice is not None:
        yield Finding("update", "Version", WARN, f"{__version__}; {notice['message']}",
                      "The province's operations team has been told through the heartbeat; "
                      "`kiosk-update status` shows the history.")
        return
    yield Finding("update", "Version", OK, f"{__version__}")


# ---- the page -------------------------------------------------------------------------------

LABELS = {OK: "OK", WARN: "WARN", FAIL: "FAIL", SKIP: "-"}


def render(findings: list[Finding], kiosk_id: str = "") -> str:
    width = max(len(f.title) for f in findings)
    lines = [f"Kiosk doctor{': ' + kiosk_id if kiosk_id else ''} (version {__version__}), "
             f"{datetime.now():%Y-%m-%d %H:%M}"]
    pad = " " * (width + 9)
    for f in findings:
        detail = [line.strip() for line in f.detail.splitlines() if line.strip()] or [""]
        lines.append(f"  {LABELS[f.status]:<5} {f.title:<{width}}  {detail[0]}")
        lines += [pad + line for line in detail[1:]]
        if f.advice and f.status in (WARN, FAIL):
            lines.append(f"{pad}-> {f.advice}")
    problems = sum(f.status == FAIL for f in findings)
    lines.append("Fit to serve: " + ("yes" if not problems else f"NO ({problems} to fix)"))
    return "\n".join(lines)


def _kiosk_running() -> bool:
    try:
        done = subprocess.run(["systemctl", "is-active", "--quiet", "kiosk.service"],
                              capture_output=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def _kiosk_id(path: str | None) -> str:
    try:
        return config.load(path).kiosk.id
    except config.ConfigError:
        return ""        # the configuration finding says what is wrong with the file


def register(groups) -> None:
    parser = groups.root.add_parser("doctor", help="check everything the kiosk needs (technicians)")
    parser.add_argument("--json", action="store_true", help="the findings as JSON")
    devices = parser.add_mutually_exclusive_group()
    devices.add_argument("--devices", dest="devices", action="store_true", default=None,
                         help="open the devices even while kiosk.service runs")
    devices.add_argument("--no-devices", dest="devices", action="store_false",
                         help="leave the devices alone")
    parser.set_defaults(func=_doctor)


def _doctor(args: argparse.Namespace) -> int:
    devices = args.devices if args.devices is not None else not _kiosk_running()
    findings = run_checks(args.config, Options(devices=devices))
    if args.devices is None and not devices:
        findings.append(Finding("devices", "Devices", SKIP, "in use by the running kiosk: "
                                "`systemctl stop kiosk`, or see the staff menu"))
    fit = fit_to_serve(findings)
    if args.json:
        print(json.dumps({"fit": fit, "version": __version__,
                          "findings": [asdict(f) for f in findings]}, ensure_ascii=False, indent=1))
    else:
        print(render(findings, _kiosk_id(args.config)))
    return 0 if fit else 1
