"""Staff menu behind a PIN (reached by a 3-second press on the hall name): device states,
maintenance mode, demo controls, restart and (in --demo) quit. The PIN policy (argon2id hash,
a lock-out that survives restarts and lengthens) is kiosk.staff_auth; every staff action is an
audit record through the outbox (kiosk.audit)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout

from kiosk.area_state import StatePart
from kiosk.audit import StaffAudit
from kiosk.staff_auth import DEMO_PIN, PinGuard  # noqa: F401  (DEMO_PIN: tests and walkthrough)
from screens import device_states
from screens.base import Screen, register_screen
from screens.doctor_card import DoctorCard
from screens.keypad import Keypad
from screens.widgets import Banner, Card, Scroll, button, label

EXIT_RESTART = 75   # the service manager restarts the kiosk on this code (see README)
LOCKOUT_STATE = "staff-lockout.json"   # in data_dir: survives a restart (kiosk.staff_auth)


@register_screen
class StaffScreen(Screen):
    name = "staff"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.audit = StaffAudit(self._enqueue, ctx.config.kiosk.id, alert=self._alert)
        self.guard = PinGuard(ctx.config.staff, ctx.demo, ctx.config.data_path(LOCKOUT_STATE),
                              on_event=self.audit)
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
        # the same findings as `kiosk doctor`, for staff without a terminal
        body.addWidget(DoctorCard(str(self.ctx.config.path) if self.ctx.config.path else None))
        actions = Card()
        actions.body.addWidget(label(self.tr("Kiosk"), "Heading"))
        shell = self.nav
        maintenance = button(self.tr("Leave maintenance mode") if getattr(shell, "maintenance", False)
                             else self.tr("Put out of service (maintenance)"), "",
                             self._toggle_maintenance)
        actions.body.addWidget(maintenance)
        actions.body.addWidget(button(self.tr("Restart the kiosk application"), "",
                                      self._restart))
        if self.ctx.demo:
            actions.body.addWidget(button(self.tr("Quit (demo only)"), "", self._quit))
        body.addWidget(actions)
        body.addWidget(self._volume_card())
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

    def _volume_card(self) -> Card:
        """Voice guidance volume: heard at once, and kept in config.toml for the next start."""
        card = Card()
        card.body.addWidget(label(self.tr("Voice guidance volume"), "Heading"))
        speaker = getattr(self.nav, "speaker", None)
        level = label("%d%%" % (speaker.volume if speaker else self.ctx.config.speech.volume))
        row = QHBoxLayout()
        for caption, step in (("−", -10), ("+", 10)):
            row.addWidget(button(caption, "", lambda s=step: self._change_volume(s, level)))
        row.addWidget(level, 1)
        card.body.addLayout(row)
        return card

    def _change_volume(self, step: int, level) -> None:
        speaker = getattr(self.nav, "speaker", None)
        if speaker is None:
            return
        speaker.set_volume(speaker.volume + step)
        level.setText("%d%%" % speaker.volume)
        if self.ctx.config.path:
            from kiosk import config
            config.set_value(self.ctx.config.path, "speech.volume", speaker.volume)
        self.audit("config_change", details={"key": "speech.volume"})

    def _enqueue(self, kind: str, payload) -> None:
        """Audit records go through the outbox (durable, delivered when online)."""
        sync = self.ctx.services.sync
        if sync is None:
            raise RuntimeError("the sync area is not running: no outbox for the audit record")
        sync.enqueue(kind, payload)

    def _alert(self, code: str, message: str, details: dict) -> None:
        """Security events (lock-outs) for the heartbeat's security_alerts and the log."""
        sync = self.ctx.services.sync
        if sync is not None:
            sync.errors(code, message, details)

    def _restart(self) -> None:
        self.audit("restart")
        QApplication.exit(EXIT_RESTART)

    def _toggle_maintenance(self) -> None:
        shell = self.nav
        shell.maintenance = not getattr(shell, "maintenance", False)
        self.audit("maintenance_on" if shell.maintenance else "maintenance_off")
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
