"""Updates that roll back: versions side by side under /opt/hall-kiosk/, a `current` link, and a
health check that keeps a new version or goes back to the previous one by itself.

    kiosk-update status [--json]          versions, current, a trial under way, the last outcome
    kiosk-update activate VERSION         switch `current` to VERSION and start its trial
    kiosk-update watch                    judge the trial from kiosk.service (systemd's own facts)
    kiosk-update check --run [-- ARGS]    judge it by starting the app here (no systemd: tests,
                                          a technician's bench)
    kiosk-update rollback [--reason R]    back to the previous version now

Distribution is apt's (or a fleet manager's) job: the Debian package of a version unpacks it
beside the others and its postinst calls `activate`. A trial passes when the app says READY
(home screen painted) within the unit's start limit and does not crash-loop in its first
minutes; otherwise `current` goes back, the version is marked bad (not activated again without
--force), and the outcome is kept in the state file, where the app finds it and reports it in
its heartbeat (kiosk/update_notice.py).

Standard library only, and runnable as a file (/usr/sbin/kiosk-update runs it with the system
python3): the judge must not depend on the version it judges. `kiosk update` is the same code.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

OPT = "opt/hall-kiosk"
STATE = "var/lib/kiosk/update-state.json"
UNIT = "kiosk.service"
HEALTH_UNIT = "kiosk-health.service"
APP_CONFIG = "/etc/kiosk/config.toml"


@dataclass(frozen=True)
class Policy:
    ready_s: float = 90.0          # READY within this (kiosk.service TimeoutStartSec)
    trial_s: float = 300.0         # the "first minutes" without a crash loop
    max_restarts: int = 2          # automatic restarts in the trial that make it a crash loop


try:
    from kiosk.errors import KioskError as _ErrorBase
except ImportError:      # run as a file by the system python3, where the app's package is not
    _ErrorBase = Exception


class UpdateError(_ErrorBase):
    """A refused update step, worded for the technician; exit status 1."""
    code = "update_refused"


class Layout:
    """Where versions, the `current` link and the state live, under a root (/ on a kiosk, a
    temporary directory in the package's own test)."""

    def __init__(self, root: str | os.PathLike = "/"):
        self.root = Path(root)
        self.opt = self.root / OPT
        self.state_path = self.root / STATE

    def versions(self) -> list[str]:
        if not self.opt.is_dir():
            return []
        found = [p.name for p in self.opt.iterdir()
                 if p.is_dir() and not p.is_symlink() and os.access(p / "kiosk", os.X_OK)]
        return sorted(found, key=version_key)

    def app(self, version: str = "current") -> Path:
        return self.opt / version / "kiosk"

    def _link(self, name: str) -> str | None:
        link = self.opt / name
        return os.readlink(link) if link.is_symlink() else None

    @property
    def current(self) -> str | None:
        return self._link("current")

    @property
    def previous(self) -> str | None:
        return self._link("previous")

    def point(self, name: str, version: str) -> None:
        """Switch a link atomically: a crash or power cut leaves the old or the new target."""
        tmp = self.opt / f".{name}.{os.getpid()}"
        tmp.unlink(missing_ok=True)
        os.symlink(version, tmp)
        os.replace(tmp, self.opt / name)

    def load(self) -> dict:
        try:
            return json.loads(self.state_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise UpdateError(f"{self.state_path}: unreadable update state ({exc})") from None

    def save(self, state: dict) -> None:
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.state_path.parent, prefix=".update-state.")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(state, fh, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)          # the app (kiosk user) reads the outcome for its heartbeat
        os.replace(tmp, self.state_path)


def version_key(version: str) -> list:
    return [(0, int(part), "") if part.isdigit() else (1, 0, part)
            for part in re.split(r"[.+~-]", version)]


# ---- the steps ------------------------------------------------------------------------------

def activate(layout: Layout, version: str, *, force: bool = False, now: float | None = None,
             restarts: int = 0, trial: bool = True) -> dict:
    """Make VERSION current and put it on trial (trial=False: the first install, with nothing
    to go back to). The old current becomes `previous`."""
    if not os.access(layout.app(version), os.X_OK):
        raise UpdateError(f"version {version} is not installed ({layout.app(version)} missing)")
    state = layout.load()
    bad = state.get("bad", {})
    if version in bad and not force:
        raise UpdateError(f"version {version} was rolled back ({bad[version]['reason']}); "
                          "use --force to try it again")
    current = layout.current
    if current == version and not force:
        return state
    if current and current != version and os.access(layout.app(current), os.X_OK):
        layout.point("previous", current)
    layout.point("current", version)
    bad.pop(version, None)
    state.update(bad=bad, trial=None if not trial else {
        "version": version, "previous": layout.previous,
        "started": time.time() if now is None else now, "restarts": restarts})
    layout.save(state)
    return state


def rollback(layout: Layout, reason: str, *, now: float | None = None) -> dict:
    state = layout.load()
    failed = layout.current
    back = (state.get("trial") or {}).get("previous") or layout.previous
    if not back or back == failed or not os.access(layout.app(back), os.X_OK):
        state["last"] = {"event": "failed_no_previous", "version": failed, "reason": reason,
                         "at": time.time() if now is None else now}
        state["trial"] = None
        layout.save(state)
        raise UpdateError(f"version {failed} is unhealthy ({reason}) and there is no previous "
                          "version to go back to")
    layout.point("current", back)
    at = time.time() if now is None else now
    state.setdefault("bad", {})[failed] = {"reason": reason, "at": at}
    state["trial"] = None
    state["last"] = {"event": "rolled_back", "from": failed, "to": back, "reason": reason,
                     "at": at}
    layout.save(state)
    return state


def keep(layout: Layout, *, now: float | None = None) -> dict:
    state = layout.load()
    trial = state.get("trial") or {}
    state["trial"] = None
    state["last"] = {"event": "kept", "version": trial.get("version", layout.current),
                     "previous": trial.get("previous"), "at": time.time() if now is None else now}
    layout.save(state)
    return state


# ---- judging --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Observation:
    """What the service manager says about the kiosk unit."""
    active_state: str      # active / activating / failed / inactive / deactivating
    result: str = "success"
    restarts: int = 0      # NRestarts


def judge(trial: dict, seen: Observation, policy: Policy, now: float) -> tuple[str, str]:
    """('healthy' | 'unhealthy' | 'pending', why)."""
    elapsed = now - trial["started"]
    restarts = max(0, seen.restarts - trial.get("restarts", 0))
    if seen.active_state == "failed":
        return "unhealthy", f"kiosk.service failed ({seen.result}) after {restarts} restarts"
    if restarts >= policy.max_restarts:
        return "unhealthy", f"crash loop: {restarts} restarts in {elapsed:.0f} s"
    if seen.active_state != "active":
        if elapsed > policy.ready_s:
            return "unhealthy", f"not ready within {policy.ready_s:.0f} s"
        return "pending", "starting"
    if elapsed >= policy.trial_s:
        return "healthy", f"ready and {restarts} restarts in {elapsed:.0f} s"
    return "pending", f"on trial for {policy.trial_s - elapsed:.0f} s more"


def systemd_observation(unit: str = UNIT) -> Observation:
    out = subprocess.run(["systemctl", "show", unit, "--property=ActiveState,Result,NRestarts"],
                         capture_output=True, text=True, check=True).stdout
    props = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
    return Observation(props.get("ActiveState", "inactive"), props.get("Result", ""),
                       int(props.get("NRestarts") or 0))


def systemd_running() -> bool:
    return Path("/run/systemd/system").is_dir()


def restart_units() -> None:
    if systemd_running():
        subprocess.run(["systemctl", "reset-failed", UNIT], check=False)
        subprocess.run(["systemctl", "restart", "--no-block", UNIT], check=False)


def watch(layout: Layout, policy: Policy, *, poll_s: float = 5.0,
          observe=systemd_observation, sleep=time.sleep, clock=time.time) -> str:
    """Judge the trial from systemd until it is decided; roll back when it fails."""
    while True:
        state = layout.load()
        trial = state.get("trial")
        if not trial:
            return "no trial"
        verdict, why = judge(trial, observe(), policy, clock())
        if verdict == "healthy":
            keep(layout, now=clock())
            return f"kept {trial['version']}: {why}"
        if verdict == "unhealthy":
            rollback(layout, why, now=clock())
            restart_units()
            return f"rolled back {trial['version']} to {layout.current}: {why}"
        sleep(poll_s)


def run_probe(app: Path, args: list[str], policy: Policy) -> tuple[str, str]:
    """Start the app with a notification socket of our own: READY within ready_s and still
    running after trial_s is healthy. Without systemd this is the whole health check."""
    with tempfile.TemporaryDirectory(prefix="kiosk-update-") as tmp:
        path = os.path.join(tmp, "notify")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(path)
        env = dict(os.environ, NOTIFY_SOCKET=path)
        env.pop("WATCHDOG_USEC", None)
        started = time.monotonic()
        try:
            proc = subprocess.Popen([str(app), *args], env=env, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except OSError as exc:
            return "unhealthy", f"cannot start {app}: {exc}"
        try:
            if not _wait_ready(sock, proc, started + policy.ready_s):
                if proc.poll() is not None:
                    return "unhealthy", (f"exited with status {proc.returncode} before READY"
                                         + _last_line(proc))
                return "unhealthy", f"not ready within {policy.ready_s:.0f} s"
            ready_after = time.monotonic() - started
            try:
                proc.wait(timeout=policy.trial_s)
                return "unhealthy", (f"exited with status {proc.returncode} "
                                     f"{time.monotonic() - started:.0f} s after start")
            except subprocess.TimeoutExpired:
                return "healthy", f"ready in {ready_after:.1f} s, running for {policy.trial_s:.0f} s"
        finally:
            _stop(proc)
            sock.close()


def _wait_ready(sock: socket.socket, proc: subprocess.Popen, deadline: float) -> bool:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        sock.settimeout(min(0.5, max(0.01, deadline - time.monotonic())))
        try:
            message = sock.recv(4096).decode(errors="replace")
        except socket.timeout:
            continue
        if "READY=1" in message.splitlines():
            return True
    return False


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    if proc.stderr is not None:
        proc.stderr.close()


def _last_line(proc: subprocess.Popen) -> str:
    try:
        lines = proc.stderr.read().decode(errors="replace").strip().splitlines()
    except (OSError, ValueError):
        return ""
    return f": {lines[-1][:200]}" if lines else ""


def check_by_running(layout: Layout, policy: Policy, args: list[str]) -> str:
    state = layout.load()
    if not state.get("trial"):
        return "no trial"
    version = state["trial"]["version"]
    verdict, why = run_probe(layout.app(version), args, policy)
    if verdict == "healthy":
        keep(layout)
        return f"kept {version}: {why}"
    rollback(layout, why)
    return f"rolled back {version} to {layout.current}: {why}"


def status(layout: Layout) -> dict:
    state = layout.load()
    return {"root": str(layout.root), "versions": layout.versions(), "current": layout.current,
            "previous": layout.previous, "trial": state.get("trial"),
            "bad": state.get("bad", {}), "last": state.get("last")}


# ---- command line ---------------------------------------------------------------------------

def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", default=os.environ.get("KIOSK_UPDATE_ROOT", "/"),
                        help="file system root holding opt/hall-kiosk (default /)")
    sub = parser.add_subparsers(dest="update_command", metavar="ACTION", required=True)
    st = sub.add_parser("status", help="versions, current, trial and the last outcome")
    st.add_argument("--json", action="store_true")
    act = sub.add_parser("activate", help="switch current to VERSION and start its trial")
    act.add_argument("version")
    act.add_argument("--force", action="store_true", help="also a version that was rolled back")
    act.add_argument("--no-restart", action="store_true",
                     help="do not restart kiosk.service (package test, chroot)")
    act.add_argument("--if-none", action="store_true",
                     help="only when no version is current yet (first install)")
    for name, helptext in (("watch", "judge the trial from kiosk.service until decided"),
                           ("check", "judge the trial by starting the app here")):
        cmd = sub.add_parser(name, help=helptext)
        cmd.add_argument("--ready-s", type=float, default=Policy.ready_s)
        cmd.add_argument("--trial-s", type=float, default=Policy.trial_s)
        cmd.add_argument("--max-restarts", type=int, default=Policy.max_restarts)
        if name == "check":
            cmd.add_argument("--run", action="store_true", required=True,
                             help="start the app with its own notify socket")
            cmd.add_argument("app_args", nargs=argparse.REMAINDER,
                             help="-- then the app's arguments (default --config "
                                  f"{APP_CONFIG})")
    rb = sub.add_parser("rollback", help="go back to the previous version now")
    rb.add_argument("--reason", default="rolled back by hand")
    rb.add_argument("--no-restart", action="store_true")


def run(args: argparse.Namespace) -> int:
    layout = Layout(args.root)
    try:
        return _run(layout, args)
    except UpdateError as exc:
        print(f"kiosk-update: {exc}", file=sys.stderr)
        return 1


def _run(layout: Layout, args: argparse.Namespace) -> int:
    command = args.update_command
    if command == "status":
        info = status(layout)
        if args.json:
            print(json.dumps(info, indent=1, ensure_ascii=False))
        else:
            _print_status(info)
        return 0
    if command == "activate":
        if args.if_none:
            if not layout.current:
                activate(layout, args.version, trial=False)
                print(f"current -> {args.version} (first install)")
            return 0
        # a manual restart zeroes NRestarts, so the trial counts automatic restarts from 0
        activate(layout, args.version, force=args.force, restarts=0)
        print(f"current -> {args.version} (previous: {layout.previous or 'none'}); on trial")
        if not args.no_restart and systemd_running():
            subprocess.run(["systemctl", "reset-failed", UNIT], check=False)
            # waits for READY (or the unit's start timeout): the judge then sees the real start
            subprocess.run(["systemctl", "restart", UNIT], check=False)
            subprocess.run(["systemctl", "start", "--no-block", HEALTH_UNIT], check=False)
        return 0
    policy = Policy(getattr(args, "ready_s", Policy.ready_s), getattr(args, "trial_s", Policy.trial_s),
                    getattr(args, "max_restarts", Policy.max_restarts))
    if command == "watch":
        print(watch(layout, policy))
        return 0
    if command == "check":
        app_args = [a for a in args.app_args if a != "--"] or ["--config", APP_CONFIG]
        outcome = check_by_running(layout, policy, app_args)
        print(outcome)
        return 1 if outcome.startswith("rolled back") else 0
    if command == "rollback":
        rollback(layout, args.reason)
        print(f"current -> {layout.current}")
        if not args.no_restart:
            restart_units()
        return 0
    raise UpdateError(f"unknown action {command}")


def _print_status(info: dict) -> None:
    print(f"versions:  {', '.join(info['versions']) or 'none'} (under {Path(info['root']) / OPT})")
    print(f"current:   {info['current'] or 'none'}")
    print(f"previous:  {info['previous'] or 'none'}")
    trial = info["trial"]
    print("trial:     " + (f"{trial['version']} since {_when(trial['started'])}" if trial else "none"))
    for version, why in sorted(info["bad"].items()):
        print(f"bad:       {version} ({why['reason']}, {_when(why['at'])})")
    last = info["last"]
    if last:
        if last["event"] == "rolled_back":
            text = f"rolled back {last['from']} to {last['to']}: {last['reason']}"
        elif last["event"] == "kept":
            text = f"kept {last['version']}"
        else:
            text = f"{last['event']} {last.get('version')}: {last.get('reason', '')}"
        print(f"last:      {text} ({_when(last['at'])})")


def _when(epoch: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(epoch))


def register(groups) -> None:
    parser = groups.root.add_parser("update", help="versions side by side, activate, roll back")
    add_arguments(parser)
    parser.set_defaults(func=run)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kiosk-update", description=__doc__.splitlines()[0])
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
