"""Walkthrough states of the shell: home, modes, idle countdown, attract loop, staff, maintenance."""
from __future__ import annotations

from walkthrough.walker import step, tr



def HALL(w) -> str:
    """The hall's name as the header shows it in the language on screen."""
    from kiosk import i18n
    kiosk = w.ctx.config.kiosk
    return kiosk.hall_name_en if i18n.current_language() == "en" else kiosk.hall_name


@step(100, "home", expect=(HALL, tr("HomeScreen", "Welcome. What would you like to do?"),
                          tr("HomeScreen", "Find a service"), tr("HomeScreen", "Rate a service")))
def home(w) -> None:
    w.nav.home()
    assert w.shell.current().name == "home"


@step(110, "home-large-text")
def home_large(w) -> None:
    w.shell.toggle_elderly()
    assert w.ctx.session.elderly_mode


@step(115, "home-other-language")
def home_other_language(w) -> None:
    w.shell.toggle_elderly()
    w.shell.toggle_language()


@step(120, "attract-loop", area="home")
def attract(w) -> None:
    w.shell.toggle_language()
    w.shell.attract.start()
    assert w.shell.attract.isVisible()


@step(130, "identify-choose-method")
def identify(w) -> None:
    w.shell.attract.stop()
    w.nav.go("identify", next="home")


@step(140, "idle-countdown")
def idle(w) -> None:
    w.shell.idle_warning.start(w.ctx.config.ui.warning_s)


@step(145, "idle-expired-session-wiped")
def idle_expired(w) -> None:
    from kiosk.session import Identity
    w.ctx.session.identity = Identity("idcard", "测试", "000000000000000000")
    w.shell.idle_warning.expire_now()
    assert w.ctx.session.identity is None and w.shell.current().name == "home"


@step(150, "task-not-available", area="home")
def unavailable(w) -> None:
    w.nav.go("unavailable", task="queue")


@step(180, "staff-pin", expect=(tr("StaffScreen", "Staff menu"),
                               tr("StaffScreen", "Enter the staff PIN.")))
def staff_pin(w) -> None:
    w.nav.go("staff")


@step(185, "staff-menu", expect=(tr("StaffScreen", "Devices and services"),
                                lambda w: w.ctx.config.kiosk.id))
def staff_menu(w) -> None:
    staff = w.shell.current()
    for digit in "000000":
        staff.keypad.press(digit)
    staff.keypad.submitted.emit(staff.keypad.value)
    assert staff.unlocked


@step(190, "maintenance", area="staff",
      expect=(tr("MaintenanceScreen", "This kiosk is temporarily out of service"),))
def maintenance(w) -> None:
    w.shell.current()._toggle_maintenance()
    assert w.shell.current().name == "maintenance"
    w.settle(100)


@step(199, "back-in-service", area="staff",
      expect=(tr("HomeScreen", "Welcome. What would you like to do?"),))
def back_in_service(w) -> None:
    w.shell.maintenance = False
    w.nav.home()
