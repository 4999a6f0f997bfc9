"""Starting pcscd with the vpcd virtual reader driver, for tests, benchmarks and the demo.

Only one pcscd runs per machine (it owns /run/pcscd/pcscd.comm and ignores PCSCLITE_CSOCK_NAME).
So: if a pcscd already runs and offers vpcd's readers, reuse it and leave it alone; if none runs,
start `pcscd -f` as our child with a private reader configuration (-c) holding only vpcd, and stop
it afterwards. A pcscd that runs without vpcd is someone else's: we say so instead of touching it.

Several kiosk processes may share it (a demo, a test run, a benchmark): each holds a shared lock on
USERS_LOCK while it uses pcscd, and the one that started pcscd stops it only when it is the last
user; otherwise pcscd stays up for the others. vpcd's two slots take one card each, so whoever puts
a virtual card into a slot claims it first (claim_slot).
"""
from __future__ import annotations

import fcntl
import logging
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from devices.smartcard.errors import ServiceUnavailable, SmartCardError

log = logging.getLogger(__name__)

VPCD_DRIVER_PATHS = ("/usr/lib/pcsc/drivers/serial/libifdvpcd.so",
                     "/usr/lib64/pcsc/drivers/serial/libifdvpcd.so",
                     "/usr/local/lib/pcsc/drivers/serial/libifdvpcd.so")
VPCD_READER_PREFIX = "Virtual PCD"
PID_FILE = Path("/run/pcscd/pcscd.pid")
VPCD_CHANNEL = 0x8C7B          # vpcd takes its first TCP port from the channel id: 35963
LOCK_DIR = Path(tempfile.gettempdir())
USERS_LOCK = LOCK_DIR / "kiosk-pcscd-users.lock"
START_LOCK = LOCK_DIR / "kiosk-pcscd-start.lock"


def _open_lock(path: Path):
    handle = open(path, "a+")
    try:
        os.chmod(path, 0o666)      # shared by every user of the machine's one pcscd
    except OSError:
        pass
    return handle


class SlotClaim:
    """An exclusive claim on one vpcd slot (its TCP port) for a virtual card."""

    def __init__(self, port: int, wait_s: float = 0.0):
        self.port = port
        self._handle = _open_lock(LOCK_DIR / f"kiosk-vpcd-{port}.lock")
        deadline = time.monotonic() + wait_s
        while True:
            try:
                fcntl.flock(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    self._handle.close()
                    raise ServiceUnavailable(
                        f"vpcd's slot on port {port} is in use by another kiosk process "
                        "(a demo, test run or benchmark); stop it or wait") from None
                time.sleep(0.2)
        self._handle.seek(0)
        self._handle.truncate()
        self._handle.write(f"{os.getpid()}\n")
        self._handle.flush()

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()       # closing drops the lock
            self._handle = None


def find_pcscd() -> str | None:
    return shutil.which("pcscd") or next((p for p in ("/usr/sbin/pcscd", "/sbin/pcscd")
                                          if os.access(p, os.X_OK)), None)


def find_vpcd_driver() -> str | None:
    return next((p for p in VPCD_DRIVER_PATHS if os.path.exists(p)), None)


def running_pid() -> int | None:
    """The pid of a live pcscd from its pid file, if any."""
    try:
        pid = int(PID_FILE.read_text().strip("\x00 \n\t"))
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


def vpcd_readers() -> list[str] | None:
    """vpcd's readers on the running pcscd; None when no pcscd answers."""
    from devices.smartcard.pcsc import Context
    try:
        ctx = Context()
    except ServiceUnavailable:
        return None
    try:
        return [r for r in ctx.readers() if r.startswith(VPCD_READER_PREFIX)]
    except SmartCardError:
        return []
    finally:
        ctx.release()


def _stop_kiosk_pcscd() -> bool:
    """Stop a pcscd that another kiosk process started and left to us (its private -c directory
    names it); anything else is the system's."""
    pid = running_pid()
    if pid is None:
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    if not any(part.startswith(str(LOCK_DIR / "kiosk-pcscd-").encode()) for part in cmdline):
        return False
    try:
        os.kill(pid, signal.SIGTERM)
    except OSError:
        return False
    deadline = time.monotonic() + 5.0
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            log.info("stopped pcscd (pid %d) left running by another kiosk process", pid)
            return True
        time.sleep(0.05)
    return False


class Pcscd:
    """A pcscd with vpcd readers: ours (a child process) or a reused one."""

    def __init__(self, apdu_log: bool = False, log_file: str | os.PathLike | None = None):
        self.apdu_log = apdu_log
        self.log_file = Path(log_file) if log_file else None
        self.process: subprocess.Popen | None = None
        self.reused = False
        self._conf_dir: str | None = None
        self._log_handle = None
        self._users = None

    @property
    def started_here(self) -> bool:
        return self.process is not None

    def ensure(self, timeout_s: float = 10.0) -> "Pcscd":
        if self._users is None:
            self._users = _open_lock(USERS_LOCK)
            fcntl.flock(self._users, fcntl.LOCK_SH)
        # one process at a time decides whether to start pcscd, so two never race to start it
        with _open_lock(START_LOCK) as start_lock:
            fcntl.flock(start_lock, fcntl.LOCK_EX)
            try:
                readers = vpcd_readers()
                if readers:
                    self.reused = True
                    log.info("reusing the running pcscd (readers: %s)", ", ".join(readers))
                    return self
                if readers is not None or running_pid() is not None:
                    raise ServiceUnavailable(
                        f"a pcscd (pid {running_pid() or '?'}) is running without the vpcd virtual "
                        "reader driver; stop it (or add /etc/reader.conf.d/vpcd and restart it) "
                        "and try again")
                self._start(timeout_s)
            except BaseException:
                self._drop_users_lock()
                raise
        return self

    def others_using(self) -> bool:
        """Whether another process holds the users lock (so stopping pcscd would hurt it)."""
        if self._users is None:
            return False
        try:
            fcntl.flock(self._users, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(self._users, fcntl.LOCK_SH)
        return False

    def _drop_users_lock(self) -> None:
        if self._users is not None:
            self._users.close()
            self._users = None

    def _start(self, timeout_s: float) -> None:
        binary, driver = find_pcscd(), find_vpcd_driver()
        if binary is None:
            raise ServiceUnavailable("pcscd is not installed (Debian package pcscd)")
        if driver is None:
            raise ServiceUnavailable("the vpcd reader driver is not installed (Debian package "
                                     "vsmartcard-vpcd)")
        self._conf_dir = tempfile.mkdtemp(prefix="kiosk-pcscd-")
        Path(self._conf_dir, "vpcd").write_text(
            'FRIENDLYNAME "Virtual PCD"\n'
            f"DEVICENAME   /dev/null:0x{VPCD_CHANNEL:04X}\n"
            f"LIBPATH      {driver}\n"
            f"CHANNELID    0x{VPCD_CHANNEL:04X}\n")
        args = [binary, "-f", "-c", self._conf_dir] + (["-a", "-d"] if self.apdu_log else [])
        out = subprocess.DEVNULL
        if self.log_file is not None:
            self._log_handle = open(self.log_file, "ab")
            out = self._log_handle
        try:
            self.process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, start_new_session=True)
        except OSError as exc:
            self._cleanup_files()
            raise ServiceUnavailable(f"cannot start pcscd: {exc}") from None
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                code = self.process.returncode
                self.process = None
                self._cleanup_files()
                hint = " (pcscd needs to run as root to create /run/pcscd)" if os.geteuid() else ""
                raise ServiceUnavailable(f"pcscd exited at start with status {code}{hint}")
            if vpcd_readers():
                log.info("started pcscd (pid %d) with the vpcd driver", self.process.pid)
                return
            time.sleep(0.05)
        self.stop()
        raise ServiceUnavailable(f"pcscd did not offer the vpcd readers within {timeout_s:g} s")

    def stop(self) -> bool:
        """Stop pcscd when we are its last user and a kiosk process started it (us, or one that
        left it running for us); a pcscd of the system is left alone. Returns whether it stopped."""
        process, self.process = self.process, None
        stopped = False
        if self.others_using():
            if process is not None:
                log.info("leaving pcscd (pid %d) running for the other kiosk processes using it",
                         process.pid)
        elif process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(5.0)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5.0)
            stopped = True
        elif self._users is not None:
            stopped = _stop_kiosk_pcscd()
        self._drop_users_lock()
        self._cleanup_files()
        return stopped

    def _cleanup_files(self) -> None:
        if self._conf_dir is not None:
            shutil.rmtree(self._conf_dir, ignore_errors=True)
            self._conf_dir = None
        if self._log_handle is not None:
            self._log_handle.close()
            self._log_handle = None

    def __enter__(self) -> "Pcscd":
        return self.ensure()

    def __exit__(self, *exc: object) -> None:
        self.stop()
