"""The staff menu shows the doctor's findings: staff unlock the menu, touch "Run the checks" and
read one line per check, with what to do about a problem, in the UI language."""
from __future__ import annotations

from touch import reads, shown, tap, translator

tr = translator("Doctor")
card = translator("DoctorCard")


def unlock_staff_menu(qtbot, shell):
    shell.go("staff")
    staff = shell.current()
    for _ in range(6):
        tap(qtbot, staff, "0", timeout=0)
    tap(qtbot, staff, translator("Keypad")("Confirm"), timeout=0)
    return staff


def test_staff_run_the_doctor_from_the_menu(qtbot, make_ctx, show_shell):
    ctx = make_ctx()                # the demo configuration: not fit for a real kiosk
    shell = show_shell(ctx)
    staff = unlock_staff_menu(qtbot, shell)
    tap(qtbot, staff, card("Run the checks"))
    reads(qtbot, staff, card("Not fit to serve: %1 to fix.").replace("%1", "1"), timeout=20000)
    page = shown(staff)

    def line(mark: str, title: str, state: str, detail: str) -> str:
        return f"{mark} " + card("%1: %2. %3").replace("%1", tr(title)).replace(
            "%2", tr(state)).replace("%3", detail)
    assert line("✘", "Configuration", "Must be fixed", str(ctx.config.path) + ":") in page
    assert "virtual twins are for --demo only" in page
    assert "→ Set the keys named with `kiosk config set SECTION.KEY VALUE`" in page
    assert line("✔", "Outbox", "OK", "0 queued") in page
    assert line("–", "Platform", "Not checked", "embedded reference platform (demo)") in page
