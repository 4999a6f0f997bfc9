"""Puts the kiosk on screen: QApplication, fonts, translations, the shell, fullscreen."""
from __future__ import annotations

import argparse
import logging
import os
import signal
import sys

from kiosk import config
from kiosk.logging_setup import setup_logging


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return False
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def parse_size(text: str | None, orientation: str) -> tuple[int, int]:
    if text:
        w, _, h = text.lower().partition("x")
        return int(w), int(h)
    return (1080, 1920) if orientation == "portrait" else (1920, 1080)


def headless_demo(args: argparse.Namespace) -> int:
    """No display: the demo runs the screen walkthrough (installed beside the product, never part
    of it) and leaves its screenshots in ./demo-out/."""
    from kiosk.cli import build_parser, plugin_commands
    if "walkthrough" not in {plugin.name for plugin in plugin_commands()}:
        print("No display found, and the screen walkthrough is not installed: nothing to show.")
        return 2
    argv = (["--config", args.config] if args.config else []) + ["walkthrough", "--out", "demo-out"]
    argv += (["--size", args.size] if args.size else []) + (["--lang", args.lang] if args.lang else [])
    parsed = build_parser().parse_args(argv)
    print("No display found: running the screen walkthrough headless; screenshots go to ./demo-out/")
    return int(parsed.func(parsed) or 0)


def run_app(args: argparse.Namespace) -> int:
    overrides = {"ui": {"language": args.lang}} if args.lang else None
    cfg = config.load(args.config, overrides)
    setup_logging(cfg)
    if args.demo and not has_display():
        return headless_demo(args)

    width, height = parse_size(args.size, cfg.ui.orientation)
    if args.demo:
        from screens.demo_window import scale_to_fit
        scale_to_fit((width, height), real_size=args.real_size)

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from PySide6.QtCore import QTimer

    from kiosk.app import build_context, start_services
    from kiosk.bridge import DeviceBridge
    from screens import theme
    from screens.shell import Shell

    from screens.text_entry import enable_input_method
    enable_input_method()      # Qt chooses the input method (the Pinyin keyboard) with the app
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setFont(QFont(theme.FONT_FAMILY))
    ctx = build_context(cfg, demo=args.demo, bridge=DeviceBridge(), start=False)
    shell = Shell(ctx, allow_quit=False)
    if args.demo:
        shell.resize(width, height)
        shell.show()
    else:
        shell.setWindowFlag(Qt.FramelessWindowHint, True)
        shell.setWindowFlag(Qt.WindowStaysOnTopHint, True)
        shell.showFullScreen()

    def bring_up() -> None:
        # imported after the first paint: the remote handlers pull in the staff screen
        from screens.remote import install_remote_handlers
        notifier.ping()     # the devices start on this thread: give them the whole watchdog span
        start_services(ctx)
        install_remote_handlers(shell)
    # the service manager hears "ready" when the home screen is painted, then the event loop's
    # own pings (a hung UI thread stops them; systemd restarts the kiosk)
    from kiosk.watchdog import Notifier, ready_on_first_paint, start_qt_watchdog
    notifier = Notifier()

    def start_watchdog() -> None:
        shell.watchdog_timer = start_qt_watchdog(notifier, shell)
    ready_on_first_paint(notifier, shell, then=start_watchdog)
    shell.first_painted.connect(bring_up)
    logging.getLogger(__name__).info("kiosk %s started", cfg.kiosk.id)
    # the service manager stops the kiosk with SIGTERM: shut devices down cleanly. Python only
    # runs signal handlers between bytecodes, so a timer lets the interpreter look regularly.
    signal.signal(signal.SIGTERM, lambda *_: app.exit(0))   # quit() would ask the shell, which refuses
    ticker = QTimer()
    ticker.timeout.connect(lambda: None)
    ticker.start(500)
    code = app.exec()
    notifier.stopping()
    ctx.shutdown()
    return code
