"""Staff menu behind a PIN (reached by a 3-second press on the hall name): device states,
maintenance mode, demo controls, restart and (in --demo) quit. Wrong PINs lock it for a while."""
from __future__ import annotations

import hashlib
import hmac
import time

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from kiosk.area_state import StatePart
from screens import device_states
from screens.base import Screen, register_screen
from screens.keypad import Keypad
from screens.widgets import Banner, Card, Scroll, button, label

EXIT_RESTART = 75   # the service manager restarts the kiosk on this code (see README)
DEMO_PIN = "000000"


class PinGuard:
    """Counts wrong PINs and locks for lockout_s after max_pin_attempts (MLPS: limit attempts)."""

    def __init__(self, staff_cfg, demo: bool):
        self.cfg = staff_cfg
        self.demo = demo
        self.failures = 0
        self.locked_until = 0.0

    @property
    def enabled(self) -> bool:
        return bool(self.cfg.pin_sha256) or self.demo

    def locked_for(self) -> int:
        return max(0, int(self.locked_until - time.monotonic()))

    def check(self, pin: str) -> bool:
        if self.locked_for() or not self.enabled:
            return False
        expected = self.cfg.pin_sha256 or hashlib.sha256(DEMO_PIN.encode()).hexdigest()
        ok = hmac.compare_digest(hashlib.sha256(pin.encode()).hexdigest(), expected)
        if ok:
            self.failures = 0
        else:
            self.failures += 1
            if self.failures >= self.cfg.max_pin_attempts:
                self.locked_until = time.monotonic() + self.cfg.lockout_s
                self.failures = 0
        return ok


@register_screen
class StaffScreen(Screen):
    name = "staff"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.guard = PinGuard(ctx.config.staff, ctx.demo)
        self.banner = Banner("info")
        self.layout_.addWidget(self.banner)
        self.keypad = Keypad(6)
        self.keypad.submitted.connect(self._submit)
        self.layout_.addWidget(self.keypad, 0, Qt.AlignHCenter)
        self.menu = Scroll()
        self.layout_.addWidget(self.menu, 1)
        self.unlocked = False

    def enter(self, **_params) -> None:
        self.unlocked = False
        self.keypad.reset()
        self._render()

    def leave(self) -> None:
        self.unlocked = False

    def title(self) -> str:
        return self.tr("Staff menu")

    def retranslate(self) -> None:
        self.keypad.retranslate()
        self._render()

    def _submit(self, pin: str) -> None:
        self.unlocked = self.guard.check(pin)
        self.keypad.reset()
        self._render(wrong=not self.unlocked)

    def _render(self, wrong: bool = False) -> None:
        self.keypad.setVisible(not self.unlocked)
        self.menu.setVisible(self.unlocked)
        if not self.guard.enabled:
            self.banner.set("warn", self.tr("The staff menu is disabled: no staff PIN is configured."))
            self.keypad.setEnabled(False)
            return
        if self.guard.locked_for():
            self.banner.set("error", self.tr("Too many wrong PINs. Locked for %1 s.")
                            .replace("%1", str(self.guard.locked_for())))
            self.keypad.setEnabled(False)
            self.after(1000, self._render)
            return
        self.keypad.setEnabled(True)
        if not self.unlocked:
            self.banner.set("error" if wrong else "info",
                            self.tr("Wrong PIN.") if wrong else self.tr("Enter the staff PIN."))
            return
        self.banner.set("ok", self.tr("Kiosk %1").replace("%1", self.ctx.config.kiosk.id))
        self._build_menu()

    def _build_menu(self) -> None:
        self.menu.clear()
        body = self.menu.body
        devices = Card()
        devices.body.addWidget(label(self.tr("Devices and services"), "Heading"))
        unavailable = self.ctx.services.unavailable
        for name, area in sorted(self.ctx.services.areas().items()):
            devices.body.addWidget(label("✔ " + device_states.line(
                name, device_states.describe(area))))
        for area, reason in sorted(unavailable.items()):
            devices.body.addWidget(label("✘ " + device_states.line(
                area, device_states.render(StatePart("unavailable (%1)", (reason,))))))
        body.addWidget(devices)
        actions = Card()
        actions.body.addWidget(label(self.tr("Kiosk"), "Heading"))
        shell = self.nav
        maintenance = button(self.tr("Leave maintenance mode") if getattr(shell, "maintenance", False)
                             else self.tr("Put out of service (maintenance)"), "",
                             self._toggle_maintenance)
        actions.body.addWidget(maintenance)
        actions.body.addWidget(button(self.tr("Restart the kiosk application"), "",
                                      lambda: QApplication.exit(EXIT_RESTART)))
        if self.ctx.demo:
            actions.body.addWidget(button(self.tr("Quit (demo only)"), "", self._quit))
        body.addWidget(actions)
        controls = self.ctx.services.demo_controls
        if self.ctx.demo and controls:
            demo = Card()
            demo.body.addWidget(label(self.tr("Demo controls"), "Heading"))
            for control in controls:
                demo.body.addWidget(button(QCoreApplication.translate("DemoActions",
                                                                      control.caption), "",
                                           control.run))
            body.addWidget(demo)
        body.addStretch(1)

    def _toggle_maintenance(self) -> None:
        shell = self.nav
        shell.maintenance = not getattr(shell, "maintenance", False)
        if shell.maintenance:
            shell.go("maintenance")
        else:
            shell.home()

    def _quit(self) -> None:
        shell = self.window()
        shell.allow_quit = True
        shell.close()


@register_screen
class MaintenanceScreen(Screen):
    """Out of service: the citizen is told kindly where to go; only staff can leave it."""
    name = "maintenance"
    show_back = False
    is_home = True

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.message = label("", "ScreenTitle")
        self.message.setAlignment(Qt.AlignCenter)
        self.advice = label("")
        self.advice.setAlignment(Qt.AlignCenter)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.advice)
        self.layout_.addStretch(2)

    def retranslate(self) -> None:
        self.message.setText(self.tr("This kiosk is temporarily out of service"))
        self.advice.setText(self.tr("Please use another kiosk or go to a service counter. "
                                    "We are sorry for the inconvenience."))
