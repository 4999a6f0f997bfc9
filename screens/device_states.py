"""Everything the staff menu's "Devices and services" card may say, marked for translation.

Areas describe themselves with kiosk.area_state.StatePart (English templates and code arguments);
this module lists each template and code once so that lupdate puts them in the .ts files, and
renders a part in the UI language. tests/shell/test_device_states.py keeps the list complete.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.area_state import StatePart

AREAS = {
    "camera": QT_TRANSLATE_NOOP("DeviceArea", "Cameras"),
    "catalog": QT_TRANSLATE_NOOP("DeviceArea", "Service catalogue"),
    "idcard": QT_TRANSLATE_NOOP("DeviceArea", "ID card reader"),
    "printing": QT_TRANSLATE_NOOP("DeviceArea", "Printers"),
    "smartcard": QT_TRANSLATE_NOOP("DeviceArea", "Social security card reader"),
    "sync": QT_TRANSLATE_NOOP("DeviceArea", "Platform link"),
    "certificates": QT_TRANSLATE_NOOP("DeviceArea", "certificate printing"),
    "receipts": QT_TRANSLATE_NOOP("DeviceArea", "receipt printing"),
}

SEPARATOR = QT_TRANSLATE_NOOP("DeviceState", "; ")
LINE = QT_TRANSLATE_NOOP("DeviceState", "%1: %2")          # area: its state

TEMPLATES = (
    QT_TRANSLATE_NOOP("DeviceState", "ready"),
    QT_TRANSLATE_NOOP("DeviceState", "disabled"),
    QT_TRANSLATE_NOOP("DeviceState", "unavailable (%1)"),
    QT_TRANSLATE_NOOP("DeviceState", "%1 unavailable"),
    QT_TRANSLATE_NOOP("DeviceState", "%1"),
    QT_TRANSLATE_NOOP("DeviceState", "%1 (%2)"),
    # printing
    QT_TRANSLATE_NOOP("DeviceState", "A4 printer: the print service (CUPS) is down"),
    QT_TRANSLATE_NOOP("DeviceState", "A4 printer: not checked yet"),
    QT_TRANSLATE_NOOP("DeviceState", "A4 printer: ready"),
    QT_TRANSLATE_NOOP("DeviceState", "A4 printer: %1"),
    QT_TRANSLATE_NOOP("DeviceState", "A4 printer warning: %1"),
    QT_TRANSLATE_NOOP("DeviceState", "receipt printer: %1"),
    # catalogue
    QT_TRANSLATE_NOOP("DeviceState", "offline, guides as of %1"),
    QT_TRANSLATE_NOOP("DeviceState", "%1 services"),
    # cameras
    QT_TRANSLATE_NOOP("DeviceState", "%1 camera lost (%2)"),
    QT_TRANSLATE_NOOP("DeviceState", "face models unavailable (%1)"),
    # smart card
    QT_TRANSLATE_NOOP("DeviceState", "virtual card unavailable: %1"),
    QT_TRANSLATE_NOOP("DeviceState", "the PC/SC service (pcscd) is not running"),
    QT_TRANSLATE_NOOP("DeviceState", "no smart card reader"),
    QT_TRANSLATE_NOOP("DeviceState", "reader %1"),
    QT_TRANSLATE_NOOP("DeviceState", "reader %1, card in"),
    # sync
    QT_TRANSLATE_NOOP("DeviceState", "SECURITY: the platform's certificate does not verify"),
    QT_TRANSLATE_NOOP("DeviceState", "SECURITY: %1"),
    QT_TRANSLATE_NOOP("DeviceState", "NOT accepting records (%1)"),
    QT_TRANSLATE_NOOP("DeviceState", "online"),
    QT_TRANSLATE_NOOP("DeviceState", "offline (%1)"),
    QT_TRANSLATE_NOOP("DeviceState", "connecting"),
    QT_TRANSLATE_NOOP("DeviceState", "%1 queued"),
    QT_TRANSLATE_NOOP("DeviceState", "%1 dead letters"),
)

CODES = {
    # printer states and reasons (printing.cups_jobs), receipt printer states (devices.receipt)
    "ready": QT_TRANSLATE_NOOP("DeviceState", "ready"),
    "idle": QT_TRANSLATE_NOOP("DeviceState", "idle"),
    "processing": QT_TRANSLATE_NOOP("DeviceState", "processing"),
    "stopped": QT_TRANSLATE_NOOP("DeviceState", "stopped"),
    "unknown": QT_TRANSLATE_NOOP("DeviceState", "unknown"),
    "paper_out": QT_TRANSLATE_NOOP("DeviceState", "out of paper"),
    "paper_jam": QT_TRANSLATE_NOOP("DeviceState", "paper jam"),
    "door_open": QT_TRANSLATE_NOOP("DeviceState", "door open"),
    "toner_out": QT_TRANSLATE_NOOP("DeviceState", "out of toner"),
    "offline": QT_TRANSLATE_NOOP("DeviceState", "offline"),
    "printer_fault": QT_TRANSLATE_NOOP("DeviceState", "printer fault"),
    "toner_low": QT_TRANSLATE_NOOP("DeviceState", "toner low"),
    "paper_low": QT_TRANSLATE_NOOP("DeviceState", "paper low"),
    "paper_near_end": QT_TRANSLATE_NOOP("DeviceState", "paper roll nearly used up"),
    "cover_open": QT_TRANSLATE_NOOP("DeviceState", "cover open"),
    "error": QT_TRANSLATE_NOOP("DeviceState", "error"),
    # ID card reader states and the usual reasons (devices.idcard)
    "connected": QT_TRANSLATE_NOOP("DeviceState", "connected"),
    "disconnected": QT_TRANSLATE_NOOP("DeviceState", "disconnected"),
    "reading": QT_TRANSLATE_NOOP("DeviceState", "reading a card"),
    "card_removed": QT_TRANSLATE_NOOP("DeviceState", "card removed"),
    "starting": QT_TRANSLATE_NOOP("DeviceState", "starting"),
    "internal": QT_TRANSLATE_NOOP("DeviceState", "internal error"),
    "port_unavailable": QT_TRANSLATE_NOOP("DeviceState", "serial port unavailable"),
    "no_answer": QT_TRANSLATE_NOOP("DeviceState", "no answer from the reader"),
    "sam": QT_TRANSLATE_NOOP("DeviceState", "security module (SAM) fault"),
    # why the platform link is down (the codes of sync.client)
    "platform_unreachable": QT_TRANSLATE_NOOP("DeviceState", "platform unreachable"),
    "platform_timeout": QT_TRANSLATE_NOOP("DeviceState", "platform timed out"),
    "platform_tls": QT_TRANSLATE_NOOP("DeviceState", "TLS certificate error"),
    "security_cups_keeps_job_files": QT_TRANSLATE_NOOP(
        "DeviceState", "CUPS keeps the files of printed jobs (cupsctl PreserveJobFiles=No)"),
    "platform_connection_reset": QT_TRANSLATE_NOOP("DeviceState", "connection reset"),
    "platform_unauthorized": QT_TRANSLATE_NOOP("DeviceState", "kiosk credential rejected"),
    "platform_forbidden": QT_TRANSLATE_NOOP("DeviceState", "kiosk credential rejected"),
    "platform_bad_response": QT_TRANSLATE_NOOP("DeviceState", "bad answer from the platform"),
    "disk_full": QT_TRANSLATE_NOOP("DeviceState", "disk full"),
}


def area_name(area: str) -> str:
    return QCoreApplication.translate("DeviceArea", AREAS.get(area, area))


def line(area: str, state: str) -> str:
    """"Printers: ..." with the language's own colon."""
    return QCoreApplication.translate("DeviceState", LINE).replace("%1", area_name(area)) \
        .replace("%2", state)


def render(part: StatePart) -> str:
    return part.render(lambda text: QCoreApplication.translate("DeviceState", CODES.get(text, text)))


def describe(area) -> str:
    """One line for an area (kiosk.services.DeviceArea): its translated state parts."""
    parts = area.state_parts
    return QCoreApplication.translate("DeviceState", SEPARATOR).join(render(p) for p in parts)
