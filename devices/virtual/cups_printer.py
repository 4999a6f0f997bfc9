"""A real CUPS stand-in for the certificate printer: cupsd with its own config directory and an
IPP Everywhere queue on ippeveprinter, whose print command stores each document (to check what
arrived) or fails it with a printer-state-reason (to check the error paths).

ippeveprinter needs DNS-SD, so a system D-Bus and an avahi-daemon limited to lo (publishing off)
are started when none is running; everything started here is stopped by stop(), by process id.
Used by tests/printing, bench/bench_printing.py and `kiosk print-test certificate --standin`.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from devices.errors import DeviceError
from devices.virtual.demo_control import QT_TRANSLATE_NOOP, DemoControl, in_background

DBUS_SOCKET = "/run/dbus/system_bus_socket"
AVAHI_PID = Path("/run/avahi-daemon/pid")
REGISTRY = Path("/run/kiosk-standin/daemons.json")
REQUIRED = ("cupsd", "ippeveprinter", "lpadmin", "lp", "lpstat", "dbus-daemon", "avahi-daemon")

AVAHI_CONF = """\
[server]
use-ipv4=yes
use-ipv6=no
allow-interfaces=lo
enable-dbus=yes
[wide-area]
enable-wide-area=no
[publish]
disable-publishing=yes
"""

# The print command ippeveprinter runs per job. MODE holds '' (print) or a printer-state-reason to
# fail with; 'toner-low' prints but warns. Every document is copied to OUT with its IPP settings.
SCRIPT = """\
#!{python}
import os, shutil, sys, time
out, mode_file = {out!r}, {mode!r}
# ippeveprinter numbers jobs from 1 again after a restart: the time prefix keeps files apart
name = f"{{time.time_ns()}}-job{{os.environ.get('IPP_JOB_ID', '0')}}"
shutil.copy(sys.argv[1], os.path.join(out, name + ".pdf"))
with open(os.path.join(out, name + ".env"), "w") as fh:
    for key in sorted(os.environ):
        if key.startswith("IPP_"):
            fh.write(f"{{key}}={{os.environ[key]}}\\n")
mode = open(mode_file).read().strip() if os.path.exists(mode_file) else ""
faults = ("media-empty-error", "media-jam-error", "cover-open-error", "toner-empty-error")
if mode == "silent-fail":          # fails without saying why, as a broken printer might
    print("ERROR: simulated failure without a reason", file=sys.stderr)
    sys.exit(1)
if mode and mode != "toner-low":
    print("STATE: +" + mode + "-error", file=sys.stderr)
    print("ERROR: simulated " + mode, file=sys.stderr)
    sys.exit(1)
print("STATE: -" + ",".join(faults) + (",toner-low-report" if mode != "toner-low" else ""),
      file=sys.stderr)
if mode == "toner-low":
    print("STATE: +toner-low-warning", file=sys.stderr)
sys.exit(0)
"""


class StandInError(DeviceError, RuntimeError):
    """The stand-in CUPS server could not be started (a test and demo machine problem)."""
    code = "cups_standin"


def missing_tools() -> list[str]:
    return [tool for tool in REQUIRED if shutil.which(tool) is None
            and not Path("/usr/sbin", tool).exists()]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listening(pid: int, port: int) -> bool:
    """Whether process `pid` holds a socket listening on TCP `port` (from /proc)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(fields[9])
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return False
    for fd in fds:
        try:
            target = os.readlink(fd)
        except OSError:
            continue                 # closed while we looked
        if target.startswith("socket:[") and target[len("socket:["):-1] in inodes:
            return True
    return False


def _socket_alive(path: str) -> bool:
    s = socket.socket(socket.AF_UNIX)
    try:
        s.connect(path)
        return True
    except OSError:
        return False
    finally:
        s.close()


def _pid_alive(pid: int) -> bool:
    """Running, not a zombie (daemons we fork are re-parented and may never be reaped here)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


class CupsStandIn:
    def __init__(self, root: str | os.PathLike, queue: str = "kiosk-a4"):
        self.root = Path(root)
        self.queue = queue
        self.out = self.root / "printed"
        self.mode_file = self.root / "printer-mode"
        self.ipp_port = _free_port()
        self._procs: dict[str, subprocess.Popen] = {}
        self._token = f"{os.getpid()}:{id(self)}"
        self._holding = False
        self._started = False
        self._start_lock = threading.Lock()

    @property
    def started(self) -> bool:
        return self._started

    def ensure_started(self) -> None:
        """Start on first use (the kiosk wires this lazily: a walkthrough that never prints
        never starts cupsd), and again after cupsd died."""
        with self._start_lock:
            cupsd = self._procs.get("cupsd")
            if self._started and (cupsd is None or cupsd.poll() is not None):
                # a crashed cupsd leaves its socket behind, refusing connections: start afresh,
                # as a service manager restarts the real one
                self.stop()
            if not self._started:
                self.start()

    @property
    def server(self) -> str:
        """What pycups/cups.setServer and lpadmin -h take: our cupsd's domain socket."""
        return str(self.root / "cups.sock")

    @property
    def device_uri(self) -> str:
        return f"ipp://localhost:{self.ipp_port}/ipp/print"

    # -- the printer's behaviour -----------------------------------------------------------------
    def set_mode(self, reason: str = "") -> None:
        """'' prints; 'media-empty', 'media-jam', 'cover-open', 'toner-empty' (the reasons ippeveprinter
        knows; it has no door-open or offline: stop_printer() is offline) fail the next job with that
        printer-state-reason; 'toner-low' prints with a warning."""
        self.mode_file.write_text(reason)

    def demo_controls(self) -> list[DemoControl]:
        def fixed() -> None:
            if self.started:
                self.reset_printer()
            else:
                self.set_mode("")
        return [
            DemoControl(QT_TRANSLATE_NOOP("DemoActions", "A4 printer: jam on the next job"),
                        lambda: self.set_mode("media-jam")),
            DemoControl(QT_TRANSLATE_NOOP("DemoActions", "A4 printer: out of paper on the next job"),
                        lambda: self.set_mode("media-empty")),
            DemoControl(QT_TRANSLATE_NOOP("DemoActions", "A4 printer: fixed by staff"),
                        in_background(fixed, "cups-standin-fix")),
        ]

    def printed(self) -> list[Path]:
        return sorted(self.out.glob("*-job*.pdf"))

    def job_env(self, pdf: Path) -> dict[str, str]:
        lines = pdf.with_suffix(".env").read_text().splitlines()
        return dict(line.split("=", 1) for line in lines if "=" in line)

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self, timeout: float = 15.0) -> "CupsStandIn":
        missing = missing_tools()
        if missing:
            raise StandInError("missing: " + ", ".join(missing) + " (apt-get install cups "
                               "cups-ipp-utils dbus avahi-daemon)")
        try:
            # cupsd runs filters and backends as user lp: it must be able to reach our directories
            self.root.mkdir(parents=True, exist_ok=True)
            self.root.chmod(0o755)
            for d in ("etc", "cache", "state", "spool", "tmp", "log", "ipp", "printed"):
                (self.root / d).mkdir(parents=True, exist_ok=True)
                (self.root / d).chmod(0o755)
            self.out.chmod(0o777)
            if not self.mode_file.exists():     # a fault set before the first use stays set
                self.set_mode("")
            self._acquire_daemons()
            self._holding = True
            self._start_printer_on_a_free_port()
            self._start_cupsd(timeout)
            self._run(["lpadmin", "-h", self.server, "-p", self.queue, "-E", "-v", self.device_uri,
                       "-m", "everywhere", "-o", "printer-error-policy=stop-printer"], timeout)
            self._warm_up(timeout)
        except BaseException:
            self.stop()
            raise
        self._started = True
        return self

    def _warm_up(self, timeout: float) -> None:
        """Run one job through the new queue and throw its output away. The first job on a fresh
        IPP Everywhere queue is sometimes aborted ("Unable to convert file 0 to printable
        format"; seen in about one start in four while another cupsd runs); later ones print."""
        import io
        from reportlab.pdfgen import canvas
        buf = io.BytesIO()
        page = canvas.Canvas(buf)
        page.drawString(72, 720, "stand-in warm-up")
        page.showPage()
        page.save()
        sample = self.root / "tmp" / "warm-up.pdf"
        sample.write_bytes(buf.getvalue())
        self._run(["lp", "-h", self.server, "-d", self.queue, "-t", "warm-up", str(sample)], timeout)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pending = subprocess.run(["lpstat", "-h", self.server, "-o", self.queue],
                                     capture_output=True, text=True, timeout=timeout).stdout
            if not pending.strip():
                break
            time.sleep(0.1)
        else:
            raise StandInError("the warm-up job did not finish")
        sample.unlink()
        for leftover in self.out.glob("*-job*"):
            leftover.unlink()

    def _run(self, argv: list[str], timeout: float) -> None:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0:
            raise StandInError(f"{' '.join(argv[:3])}...: {done.stderr.strip() or done.returncode}")

    # D-Bus and avahi are machine-wide and several stand-ins may run at once (tests, a demo, a
    # walkthrough): they share the daemons through a small registry, and the last one out stops
    # the daemons a stand-in started (never ones that were already running).
    def _shared(self, change) -> None:
        import fcntl
        import json
        REGISTRY.parent.mkdir(parents=True, exist_ok=True)
        with open(REGISTRY.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                state = json.loads(REGISTRY.read_text())
            except (OSError, ValueError):
                state = {"users": [], "dbus_pid": None, "avahi_pid": None}
            state["users"] = [u for u in state["users"] if _pid_alive(int(u.split(":")[0]))]
            change(state)
            REGISTRY.write_text(json.dumps(state))

    def _acquire_daemons(self) -> None:
        def change(state):
            if not _socket_alive(DBUS_SOCKET):
                state["dbus_pid"] = self._start_dbus()
            if subprocess.run(["avahi-daemon", "-c"], capture_output=True).returncode != 0:
                state["avahi_pid"] = self._start_avahi()
            state["users"].append(self._token)
        self._shared(change)

    def _release_daemons(self) -> None:
        def change(state):
            if self._token in state["users"]:
                state["users"].remove(self._token)
            if state["users"]:
                return
            for key in ("avahi_pid", "dbus_pid"):
                pid = state.get(key)
                if pid and _pid_alive(pid):
                    os.kill(pid, signal.SIGTERM)
                    for _ in range(50):
                        if not _pid_alive(pid):
                            break
                        time.sleep(0.05)
                state[key] = None
            if not _socket_alive(DBUS_SOCKET):
                for stale in (DBUS_SOCKET, "/run/dbus/pid"):
                    if os.path.exists(stale):
                        os.unlink(stale)
        self._shared(change)

    def _start_dbus(self) -> int:
        if os.path.exists(DBUS_SOCKET):
            os.unlink(DBUS_SOCKET)           # stale socket of a bus that is gone
        Path("/run/dbus").mkdir(parents=True, exist_ok=True)
        if Path("/run/dbus/pid").exists():
            Path("/run/dbus/pid").unlink()
        done = subprocess.run(["dbus-daemon", "--system", "--fork", "--print-pid"],
                              capture_output=True, text=True, timeout=10)
        if done.returncode != 0:
            raise StandInError(f"dbus-daemon: {done.stderr.strip()}")
        for _ in range(50):
            if _socket_alive(DBUS_SOCKET):
                return int(done.stdout.split()[0])
            time.sleep(0.05)
        raise StandInError("system D-Bus did not come up")

    def _start_avahi(self) -> int:
        conf = self.root / "avahi-daemon.conf"
        conf.write_text(AVAHI_CONF)
        done = subprocess.run(["avahi-daemon", "-f", str(conf), "--no-drop-root", "--no-chroot",
                               "--no-rlimits", "-D"], capture_output=True, text=True, timeout=10)
        if done.returncode != 0:
            raise StandInError(f"avahi-daemon: {done.stderr.strip()}")
        for _ in range(50):
            if AVAHI_PID.exists() and AVAHI_PID.read_text().strip():
                return int(AVAHI_PID.read_text().strip())
            time.sleep(0.05)
        raise StandInError("avahi-daemon did not write its pid file")

    def start_printer(self) -> None:
        """(Re)start ippeveprinter on the same port, e.g. after stop_printer()."""
        script = self.root / "print-command"
        script.write_text(SCRIPT.format(python=sys.executable, out=str(self.out),
                                        mode=str(self.mode_file)))
        script.chmod(0o755)
        log = open(self.root / "log" / "ippeveprinter.log", "ab")
        proc = subprocess.Popen(["ippeveprinter", "-p", str(self.ipp_port), "-d", str(self.root / "ipp"),
                                 "-c", str(script), "-r", "off", "-2", "-f", "application/pdf",
                                 "-F", "application/pdf", "-n", "localhost", "-m", "Kiosk A4",
                                 "kiosk-standin"], stdout=log, stderr=log)
        log.close()
        self._procs["ippeveprinter"] = proc
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                self._procs.pop("ippeveprinter", None)
                raise StandInError("ippeveprinter exited; see " + str(self.root / "log"))
            # our process must be the one listening: with stand-ins of other test runs about, a
            # port picked free may be taken meanwhile, and a connect would reach their printer
            if _listening(proc.pid, self.ipp_port):
                return
            time.sleep(0.05)
        raise StandInError("ippeveprinter did not start listening")

    def _start_printer_on_a_free_port(self, tries: int = 3) -> None:
        """The first start, before the queue names the port: a port another process took between
        picking it and ippeveprinter binding it is given up for another."""
        for attempt in range(tries):
            try:
                self.start_printer()
                return
            except StandInError:
                if attempt == tries - 1:
                    raise
                self.ipp_port = _free_port()

    def stop_printer(self) -> None:
        """Take the printer away (CUPS then finds it unreachable: the offline path)."""
        proc = self._procs.pop("ippeveprinter", None)
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=5)

    def reset_printer(self) -> None:
        """Staff fixed the printer: it comes back without the faults it reported (ippeveprinter
        keeps e.g. media-empty and holds jobs until then, like a real printer)."""
        self.set_mode("")
        self.stop_printer()
        self.start_printer()

    def enable_queue(self) -> None:
        """cupsenable after the queue stopped itself on an unreachable printer."""
        self._run(["cupsenable", "-h", self.server, self.queue], 10)

    def _start_cupsd(self, timeout: float) -> None:
        r = self.root
        (r / "etc" / "cupsd.conf").write_text(textwrap.dedent(f"""\
            Listen {self.server}
            LogLevel warn
            Browsing No
            DefaultAuthType None
            MaxJobs 200
            PreserveJobHistory Yes
            PreserveJobFiles No
            <Location />
              Order allow,deny
              Allow all
            </Location>
            <Policy default>
              <Limit All>
                Order deny,allow
              </Limit>
            </Policy>
            """))
        (r / "etc" / "cups-files.conf").write_text(textwrap.dedent(f"""\
            ServerRoot {r}/etc
            CacheDir {r}/cache
            StateDir {r}/state
            RequestRoot {r}/spool
            TempDir {r}/tmp
            ServerBin /usr/lib/cups
            DataDir /usr/share/cups
            AccessLog {r}/log/access_log
            ErrorLog {r}/log/error_log
            PageLog {r}/log/page_log
            Sandboxing Relaxed
            """))
        # a fresh cupsd after a crash: no stale socket, and no job of the dead one resumed by itself
        if os.path.exists(self.server):
            os.unlink(self.server)
        for leftover in [*(r / "spool").glob("*"), r / "cache" / "job.cache"]:
            if leftover.is_file():
                leftover.unlink()
        log = open(r / "log" / "cupsd.out", "ab")
        self._procs["cupsd"] = subprocess.Popen(
            ["cupsd", "-f", "-c", str(r / "etc" / "cupsd.conf"), "-s", str(r / "etc" / "cups-files.conf")],
            stdout=log, stderr=log)
        log.close()
        deadline = time.monotonic() + timeout
        while not _socket_alive(self.server):
            if self._procs["cupsd"].poll() is not None or time.monotonic() > deadline:
                raise StandInError("cupsd did not start; see " + str(r / "log" / "error_log"))
            time.sleep(0.05)

    def stop(self) -> None:
        self._started = False
        for name in ("cupsd", "ippeveprinter"):
            proc = self._procs.pop(name, None)
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        if self._holding:
            self._holding = False
            self._release_daemons()
