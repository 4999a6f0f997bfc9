"""Writes the package's /etc/kiosk/config.toml: the repo's annotated config.toml with the demo
stand-ins replaced by a real kiosk's usual devices and paths, comments kept.

    python packaging/production_config.py OUT.toml

One source for both files: a key added to config.toml reaches the package by itself. The result
is valid to the schema but not fit to serve until the technician has put the platform's URL and
certificates in (`kiosk doctor` says what is missing): that is the install step, not a default.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk import config  # noqa: E402  (the repo's own loader, after the path is set)

PRODUCTION = {
    "kiosk.id": "KIOSK-UNPROVISIONED",
    "kiosk.data_dir": "/var/lib/kiosk",
    "platform.url": "https://platform.invalid",
    "platform.ca_bundle": "/etc/kiosk/platform-ca.pem",
    "idcard.port": "auto",
    "smartcard.reader": "",
    "camera.face.source": "/dev/video0",
    "camera.document.source": "/dev/video2",
    "camera.qr.source": "/dev/video4",
    "receipt_printer.transport": "usb",
    "certificate_printer.queue": "kiosk-a4",
    "certificate_printer.trust_roots": "/etc/kiosk/trust-roots.pem",
}


def write(out: Path) -> None:
    shutil.copyfile(ROOT / "config.toml", out)
    text = out.read_text(encoding="utf-8")
    head = ("# Hall kiosk configuration for this kiosk (installed by the hall-kiosk package; an\n"
            "# update never overwrites it). Set the platform, its certificates and the devices,\n"
            "# then run `kiosk doctor`. README \"Installing a kiosk\" goes through it.\n")
    out.write_text(head + text.split("\n", 3)[3], encoding="utf-8")
    for key, value in PRODUCTION.items():
        config.set_value(out, key, value)
    config.load(out)


if __name__ == "__main__":
    write(Path(sys.argv[1]))
