"""What the kiosk does for the platform's remote commands (restart, reload config, maintenance,
screenshot, upload logs). Commands arrive verified in the heartbeat thread (sync/remote_commands);
anything touching widgets is handed to the Qt main thread here and waited for."""
from __future__ import annotations

import base64
import gzip
import logging
import threading
from typing import Any, Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from kiosk import config
from screens.staff import EXIT_RESTART

log = logging.getLogger(__name__)
LOG_TAIL_BYTES = 256 * 1024
RESTART_DELAY_MS = 3000   # time for the acknowledgement to reach the platform first


class MainThread(QObject):
    """Runs a callable on the Qt main thread and hands its result back to the calling thread."""
    _call = Signal(object)

    def __init__(self):
        super().__init__()
        self._call.connect(self._run, Qt.QueuedConnection)

    @Slot(object)
    def _run(self, job) -> None:
        fn, box, done = job
        try:
            box["result"] = fn()
        except Exception as exc:   # reported back to the platform in the acknowledgement
            box["error"] = exc
        done.set()

    def call(self, fn: Callable[[], Any], timeout: float = 10.0) -> Any:
        box: dict[str, Any] = {}
        done = threading.Event()
        self._call.emit((fn, box, done))
        if not done.wait(timeout):
            raise TimeoutError("the kiosk UI did not answer in time")
        if "error" in box:
            raise box["error"]
        return box["result"]


def install_remote_handlers(shell) -> bool:
    """Register the UI's command handlers; False when the kiosk has no command channel."""
    ctx = shell.ctx
    sync = ctx.services.sync
    commands = sync.commands if sync is not None else None
    if commands is None:
        return False
    main = MainThread()
    shell._remote_main_thread = main   # keep it alive with the shell

    def restart(_args: dict) -> dict:
        main.call(lambda: QTimer.singleShot(RESTART_DELAY_MS,
                                            lambda: QApplication.exit(EXIT_RESTART)))
        return {"restarting_in_s": RESTART_DELAY_MS / 1000}

    def reload_config(_args: dict) -> dict:
        # validate first: a broken file must not take the kiosk down; a valid one takes effect
        # through a restart, so every area is rebuilt from the same configuration
        path = ctx.config.path
        config.load(path)
        main.call(lambda: QTimer.singleShot(RESTART_DELAY_MS,
                                            lambda: QApplication.exit(EXIT_RESTART)))
        return {"valid": True, "path": str(path), "restarting_in_s": RESTART_DELAY_MS / 1000}

    def maintenance(args: dict) -> dict:
        on = bool(args.get("on", True))

        def switch() -> None:
            shell.maintenance = on
            if on and ctx.session.active:
                shell.end_session()    # the citizen's data never outlives the session
            else:
                shell.home()
        main.call(switch)
        return {"maintenance": on}

    def screenshot(_args: dict) -> dict:
        def grab() -> dict:
            current = shell.current()
            if ctx.session.active or (current is not None and current.name == "pin_pad"):
                # a citizen is at the kiosk: their data (or the PIN keys' order) would be in it
                raise PermissionError("a citizen session is active; try again later")
            data = QByteArray()
            buffer = QBuffer(data)
            buffer.open(QIODevice.WriteOnly)
            shell.grab().save(buffer, "PNG")
            return {"png_base64": base64.b64encode(bytes(data)).decode("ascii"),
                    "screen": shell.current().name if shell.current() else ""}
        return main.call(grab)

    def upload_logs(_args: dict) -> dict:
        path = ctx.config.data_path("kiosk.log")
        if not path.exists():
            return {"log_gzip_base64": "", "bytes": 0}
        with open(path, "rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - LOG_TAIL_BYTES))
            tail = handle.read()
        return {"log_gzip_base64": base64.b64encode(gzip.compress(tail)).decode("ascii"),
                "bytes": len(tail), "truncated": size > LOG_TAIL_BYTES}

    for name, handler in (("restart_app", restart), ("reload_config", reload_config),
                          ("maintenance", maintenance), ("screenshot", screenshot),
                          ("upload_logs", upload_logs)):
        commands.register(name, handler)
    log.info("remote command handlers installed")
    return True
