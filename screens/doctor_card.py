"""The staff menu's diagnostics: the same findings as `kiosk doctor`, run off the UI thread.

The app holds its devices, so the checks that open them are left out here (Options(devices=
False)): the "Devices and services" card above it shows the live device states. Titles and
states are translated; details stay as the technician's terminal prints them (paths, codes)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

from kiosk.commands import doctor
from screens.tasks import run_in_background
from screens.widgets import Card, button, label

CONTEXT = "Doctor"
# what lupdate finds: the titles kiosk/commands/doctor.py gives its findings
TITLES = (
    QT_TRANSLATE_NOOP("Doctor", "Configuration"), QT_TRANSLATE_NOOP("Doctor", "Platform"),
    QT_TRANSLATE_NOOP("Doctor", "Clock"), QT_TRANSLATE_NOOP("Doctor", "Disk space"),
    QT_TRANSLATE_NOOP("Doctor", "Outbox"), QT_TRANSLATE_NOOP("Doctor", "CUPS keeps no job files"),
    QT_TRANSLATE_NOOP("Doctor", "Version"), QT_TRANSLATE_NOOP("Doctor", "Check"),
    QT_TRANSLATE_NOOP("Doctor", "Certificate %1"),
)
STATES = {doctor.OK: QT_TRANSLATE_NOOP("Doctor", "OK"),
          doctor.WARN: QT_TRANSLATE_NOOP("Doctor", "Look at this"),
          doctor.FAIL: QT_TRANSLATE_NOOP("Doctor", "Must be fixed"),
          doctor.SKIP: QT_TRANSLATE_NOOP("Doctor", "Not checked")}
MARKS = {doctor.OK: "✔", doctor.WARN: "!", doctor.FAIL: "✘", doctor.SKIP: "–"}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def title_of(finding: doctor.Finding) -> str:
    if finding.check.startswith("cert."):
        return _tr("Certificate %1").replace("%1", finding.check[len("cert."):])
    return _tr(finding.title)


class DoctorCard(Card):
    """A heading, a button that runs the checks, and one line (plus advice) per finding."""

    def __init__(self, config_path: str | None):
        super().__init__()
        self.config_path = config_path
        self.findings: list[doctor.Finding] | None = None
        self.body.addWidget(label(self.tr("Diagnostics (kiosk doctor)"), "Heading"))
        self.summary = label(self.tr("Checks the configuration, the platform, the clock, disk, "
                                 "outbox and certificates."))
        self.body.addWidget(self.summary)
        self.run_button = button(self.tr("Run the checks"), "", self.run)
        self.body.addWidget(self.run_button)
        self.lines: list = []

    def run(self) -> None:
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Checking…"))
        path = self.config_path
        run_in_background(lambda: doctor.run_checks(path, doctor.Options(devices=False)),
                          self.show_findings, self._failed)

    def _failed(self, exc: Exception) -> None:
        self.run_button.setEnabled(True)
        self.summary.setText(self.tr("The checks could not run: %1").replace("%1", repr(exc)))

    def show_findings(self, findings: list[doctor.Finding]) -> None:
        self.findings = findings
        self.run_button.setEnabled(True)
        for line in self.lines:
            line.deleteLater()
        self.lines = []
        fit = doctor.fit_to_serve(findings)
        problems = sum(f.status == doctor.FAIL for f in findings)
        self.summary.setText(self.tr("Fit to serve.") if fit else
                             self.tr("Not fit to serve: %1 to fix.").replace("%1", str(problems)))
        for f in findings:
            # the language's own punctuation: 配置：必须处理。…
            text = MARKS[f.status] + " " + self.tr("%1: %2. %3").replace(
                "%1", title_of(f)).replace("%2", _tr(STATES[f.status])).replace("%3", f.detail)
            if f.advice and f.status in (doctor.WARN, doctor.FAIL):
                text += f"\n    → {f.advice}"
            line = label(text)
            self.lines.append(line)
            self.body.addWidget(line)
