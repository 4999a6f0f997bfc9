"""The soak: thousands of citizen sessions in one kiosk process, to show that nothing grows.

`python -m bench.soak --sessions 5000` (or `python -m bench soak`, which runs SOAK_SESSIONS,
default 1000): offscreen at 1080x1920, demo configuration (every device its virtual twin, the
embedded reference platform, the CUPS stand-in when root), inside the application's own event
loop (app.exec(), as the kiosk runs, so Qt's deferred deletes happen when they would in the
field). The sessions take turns through the transactions that exist:

  idcard      identify with the resident ID card (the real driver reading the twin on a pty)
  ssc         identify with the social security card (real PC/SC through pcscd and vpcd)
  browse      catalog by department or theme, a department's list, a guide scrolled to its end
  notice      a guide's one-time notice printed on the receipt printer, then its rating skipped
  print       print my licences: ID card, face check (real detection on the camera twin's live
              scene), the list, the preview, CUPS, Finish, the rating of the print skipped
  rate        rate the kiosk's service from the home tile (a low level asks for reasons)
  idle        ID card read and left on screen: the idle countdown ends the session and wipes it

Every SAMPLE_EVERY sessions (after a full garbage collection) it prints resident memory, the
application's widget count, the Python object count, open file descriptors and threads; at the
end, the growth from the first sample to the last. Goal: growth under 10 MB, widgets and
descriptors flat. tests/soak/ runs a few hundred sessions of the same mix.
"""
from __future__ import annotations

import argparse
import faulthandler
import gc
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass
from typing import Callable, Iterator

MIX = ("idcard", "browse", "rate", "ssc", "notice", "idcard", "browse", "idle", "print", "rate")
GOAL_RSS_MB = 10.0
STEP_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Sample:
    sessions: int
    rss_mb: float
    widgets: int
    objects: int
    fds: int
    threads: int          # the process's OS threads (Python's and Qt's and the libraries')

    def row(self) -> str:
        return (f"{self.sessions:>8} {self.rss_mb:9.1f} {self.widgets:8} {self.objects:9} "
                f"{self.fds:5} {self.threads:8}")


HEADER = f"{'sessions':>8} {'RSS MB':>9} {'widgets':>8} {'objects':>9} {'fds':>5} {'threads':>8}"


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def measure(app, sessions: int) -> Sample:
    gc.collect()
    return Sample(sessions, rss_mb(), len(app.allWidgets()), len(gc.get_objects()),
                  len(os.listdir("/proc/self/fd")), len(os.listdir("/proc/self/task")))


# ---- what a step of a session waits for ------------------------------------------------------
@dataclass
class Until:
    check: Callable[[], bool]
    what: str
    timeout_s: float = STEP_TIMEOUT_S


@dataclass
class Pause:
    seconds: float


class Stuck(RuntimeError):
    """A session did not reach a state it should have: the soak stops and says where."""


class Citizen:
    """Sessions as a citizen makes them, through the shell and the screens' own buttons.

    Each session is a generator that yields Until/Pause; the Runner resumes it from the event
    loop, so the kiosk's timers, device events and deferred deletes run between the steps."""

    def __init__(self, ctx, shell):
        self.ctx = ctx
        self.shell = shell
        self.counts: dict[str, int] = {}
        self.seconds: dict[str, float] = {}

    # -- helpers --------------------------------------------------------------------------------
    def screen(self):
        return self.shell.current()

    def on(self, name: str) -> Until:
        return Until(lambda: self.screen() is not None and self.screen().name == name,
                     f"the {name} screen")

    def tap_tile(self, screen, screen_name: str) -> None:
        """Touch the tile of the identify screen that leads to screen_name."""
        for tile, method in screen.tiles:
            if method.screen == screen_name:
                tile.click()
                return
        raise Stuck(f"no identify tile for {screen_name}")

    def home_tile(self, screen: str, **params) -> None:
        """Touch the home screen's tile that leads to `screen` (with these params)."""
        from screens.home import TASKS
        home = self.shell.screen("home")
        if self.screen() is not home:
            raise Stuck(f"not on the home screen but on {self.screen().name}")
        for tile, (_icon, _caption, target, target_params) in zip(home.tiles, TASKS):
            if target == screen and all(target_params.get(k) == v for k, v in params.items()):
                tile.click()
                return
        raise Stuck(f"no home tile for {screen} {params}")

    # -- sessions -------------------------------------------------------------------------------
    def idcard(self, then_idle: bool = False) -> Iterator:
        area = self.ctx.services.idcard
        yield Until(lambda: area.state == "connected", "the ID card reader connected")
        self.home_tile("identify", next="home")             # "Identify myself"
        yield self.on("identify")
        self.tap_tile(self.screen(), "identify_idcard")
        yield self.on("identify_idcard")
        screen = self.screen()
        yield Until(lambda: screen.flow.phase == "waiting", "the place-card prompt")
        area.twin.place_card("resident")
        yield Until(lambda: screen.flow.phase == "read", "the ID card read")
        if then_idle:                                      # the citizen walks away
            yield from self.idle_out()
        else:
            screen.continue_button.click()
            yield Until(lambda: self.ctx.session.identity is not None, "the identity confirmed")
            self.shell.end_session()
        area.twin.remove_card()

    def idle_out(self) -> Iterator:
        """Nobody touches: the shell's idle timer, its countdown, the wipe."""
        shell = self.shell
        shell._idle_timer.start(1)                         # the timer as if idle_timeout_s passed
        yield Until(lambda: shell.idle_warning.isVisible(), "the idle countdown")
        shell.idle_warning._left = 1                       # its last second
        yield Until(lambda: self.screen().name == "home" and not self.ctx.session.active,
                    "the session ended by the idle countdown", 5.0)

    def ssc(self) -> Iterator:
        area = self.ctx.services.smartcard
        if area is None or area.virtual is None or area.virtual.problem:
            raise Stuck("the smart card area with its virtual card is not running")
        yield Until(lambda: area.available and not area.service.card_present,
                    "an empty smart card reader")
        self.home_tile("identify", next="home")
        yield self.on("identify")
        self.tap_tile(self.screen(), "identify_ssc")
        yield self.on("identify_ssc")
        screen = self.screen()
        yield Until(lambda: screen.flow.phase == "insert", "the insert-card prompt")
        area.virtual.insert_card("demo")
        yield Until(lambda: screen.flow.phase == "done", "the social security card read")
        screen.continue_button.click()
        yield Until(lambda: self.ctx.session.identity is not None, "the identity confirmed")
        self.shell.end_session()
        area.virtual.remove_card()

    def browse(self, turn: int) -> Iterator:
        service = self.ctx.services.catalog
        yield Until(lambda: service is not None and bool(service.catalog), "the catalog")
        catalog = service.catalog
        self.home_tile("catalog")                          # "Find a service"
        yield self.on("catalog")
        mode = ("department", "theme", "personal", "enterprise")[turn % 4]
        self.screen().set_mode(mode)
        yield Pause(0.02)
        groups = catalog.departments() if mode != "theme" else catalog.themes()
        group = groups[turn % len(groups)]
        if mode in ("department", "theme"):
            self.shell.go("service_list", mode=mode, group=group)
            yield self.on("service_list")
            yield Pause(0.02)
        items = catalog.by_theme(group) if mode == "theme" else catalog.by_department(group)
        item = items[turn % len(items)] if items else catalog.items[turn % len(catalog.items)]
        self.shell.go("guide", code=item.impl_code)
        yield self.on("guide")
        yield Pause(0.05)
        bar = self.screen().scroll.verticalScrollBar()
        bar.setValue(bar.maximum())
        yield Pause(0.02)
        self.shell.back()
        yield Pause(0.02)
        self.shell.home()

    def notice(self, turn: int) -> Iterator:
        service = self.ctx.services.catalog
        yield Until(lambda: service is not None and bool(service.catalog), "the catalog")
        item = service.catalog.items[(turn * 7) % len(service.catalog.items)]
        self.home_tile("catalog")
        yield self.on("catalog")
        self.shell.go("guide", code=item.impl_code)
        yield self.on("guide")
        guide = self.screen()
        guide.print_button.click()
        yield Until(lambda: guide.notice is not None and guide.notice.outcome is not None
                    and guide.print_button.isEnabled(), "the notice printed")
        if guide.notice.outcome == "completed":            # the rating follows by itself
            yield self.on("evaluation")
            self.screen().skip_button.click()
            yield self.on("guide")
        self.shell.end_session()
        self.take_receipts()

    def take_receipts(self) -> None:
        """The citizen takes the paper: the receipt printer's twin keeps every receipt it printed
        (for the tests that read them), which is the twin's memory, not the kiosk's."""
        printing = self.ctx.services.printing
        twin = printing.virtual_receipt_printer if printing is not None else None
        if twin is not None:
            with twin._cond:
                twin.receipts.clear()

    def print_licences(self) -> Iterator:
        if self.ctx.services.printing is None or self.ctx.services.camera is None:
            raise Stuck("printing or the camera is not running")
        area = self.ctx.services.idcard
        yield Until(lambda: area.state == "connected", "the ID card reader connected")
        self.home_tile("identify", next="print_licences")
        yield self.on("identify")
        self.tap_tile(self.screen(), "identify_idcard")
        yield self.on("identify_idcard")
        screen = self.screen()
        yield Until(lambda: screen.flow.phase == "waiting", "the place-card prompt")
        area.twin.place_card("resident")
        yield Until(lambda: screen.flow.phase == "read", "the ID card read")
        screen.continue_button.click()
        yield self.on("face_verify")
        face = self.screen()
        yield Until(lambda: face.flow.outcome is not None, "the face check's outcome")
        while face.flow.outcome.level == "warn":           # not confirmed: the citizen tries again
            self.counts["face check retried"] = self.counts.get("face check retried", 0) + 1
            face.retry_button.click()
            yield Until(lambda: face.flow.outcome is not None, "the face check's outcome")
        if face.flow.outcome.level != "ok":                # sent to staff: the session ends
            self.counts["face check failed"] = self.counts.get("face check failed", 0) + 1
            face.staff_button.click()
            area.twin.remove_card()
            return
        face.done_button.click()                           # no need to wait for it to go on
        yield self.on("print_licences")
        screen = self.screen()
        yield Until(lambda: screen.flow.listed and not screen.flow.busy, "the licences listed")
        doc = next(d for d in screen.flow.documents if d["kind"] == "household_register")
        screen._choose(doc["doc_id"])                     # its "Preview and print" button
        yield Until(lambda: screen.flow.prepared is not None and not screen.flow.busy,
                    "the preview")
        yield from self.press(screen, "Print")
        yield Until(lambda: screen.flow.step == "result", "the print's result", 60.0)
        if not screen.flow.completed:
            raise Stuck(f"printing said {screen.flow.result_code}")
        yield from self.press(screen, "Finish")
        yield self.on("evaluation")
        self.screen().skip_button.click()                  # the rating skipped ends the session
        yield Until(lambda: self.screen().name == "home" and not self.ctx.session.active,
                    "the session ended")
        area.twin.remove_card()

    def press(self, screen, english: str) -> Iterator:
        """Touch the button saying `english` (translated) once it is on screen."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QPushButton
        text = QCoreApplication.translate("PrintLicencesScreen", english)

        def shown() -> list:
            return [b for b in screen.findChildren(QPushButton)
                    if b.isVisible() and b.text() == text]
        yield Until(lambda: bool(shown()), f"the {english!r} button on {screen.name}", 5.0)
        shown()[0].click()

    def rate(self, turn: int) -> Iterator:
        self.home_tile("evaluation")                       # "Rate a service"
        yield self.on("evaluation")
        screen = self.screen()
        low = turn % 2 == 1
        screen.choose("dissatisfied" if low else "satisfied")
        if low:
            screen.toggle("long_wait")
        screen.submit()
        if not screen.submitted:
            raise Stuck("the rating was not recorded")
        screen.done_button.click()
        yield self.on("home")

    def session(self, kind: str, turn: int) -> Iterator:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        started = time.perf_counter()
        if kind == "idcard":
            yield from self.idcard()
        elif kind == "idle":
            yield from self.idcard(then_idle=True)
        elif kind == "ssc":
            yield from self.ssc()
        elif kind == "browse":
            yield from self.browse(turn)
        elif kind == "notice":
            yield from self.notice(turn)
        elif kind == "print":
            yield from self.print_licences()
        elif kind == "rate":
            yield from self.rate(turn)
        else:
            raise ValueError(kind)
        if self.screen().name != "home":
            self.shell.home()
        yield Pause(0.01)
        self.seconds[kind] = self.seconds.get(kind, 0.0) + time.perf_counter() - started


class Runner:
    """Drives a generator of Until/Pause from a timer inside app.exec()."""

    def __init__(self, app, steps: Iterator):
        from PySide6.QtCore import QTimer
        self.app = app
        self.steps = steps
        self.error: BaseException | None = None
        self._waiting: Until | None = None
        self._deadline = 0.0
        self._resume_at = 0.0
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def run(self) -> None:
        self._timer.start()
        self.app.exec()
        self._timer.stop()
        if self.error is not None:
            raise self.error

    def _tick(self) -> None:
        try:
            now = time.monotonic()
            if now < self._resume_at:
                return
            if self._waiting is not None:
                if not self._waiting.check():
                    if now > self._deadline:
                        raise Stuck(f"{self._waiting.what} not reached within "
                                    f"{self._waiting.timeout_s:g} s")
                    return
                self._waiting = None
            item = next(self.steps)
            if isinstance(item, Until):
                self._waiting = item
                self._deadline = now + item.timeout_s
            elif isinstance(item, Pause):
                self._resume_at = now + item.seconds
        except StopIteration:
            self.app.exit(0)
        except BaseException as exc:       # a slot must not raise into Qt: stop and report it
            self.error = exc
            self.app.exit(1)


@dataclass
class SoakResult:
    samples: list[Sample]
    counts: dict[str, int]
    seconds: float
    kind_seconds: dict[str, float]

    @property
    def first(self) -> Sample:
        return self.samples[0]

    @property
    def last(self) -> Sample:
        return self.samples[-1]

    def growth(self) -> str:
        a, b = self.first, self.last
        return (f"growth {a.sessions} -> {b.sessions}: RSS {b.rss_mb - a.rss_mb:+.1f} MB, "
                f"widgets {b.widgets - a.widgets:+d}, objects {b.objects - a.objects:+d}, "
                f"fds {b.fds - a.fds:+d}, threads {b.threads - a.threads:+d}")


def build_kiosk(data_dir: str, size: tuple[int, int] = (1080, 1920),
                extra: dict | None = None):
    """The kiosk as `kiosk --demo` builds it, minus the window manager: (app, ctx, shell)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from kiosk import config
    from kiosk.app import build_context
    from kiosk.bridge import DeviceBridge
    from screens import theme
    from screens.remote import install_remote_handlers
    from screens.shell import Shell, load_screens

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setFont(QFont(theme.FONT_FAMILY))
    # the safety-net restart is off: this process is the one being measured
    overrides = {"kiosk": {"data_dir": data_dir, "restart_after_hours": 0,
                           "restart_after_sessions": 0},
                 "platform": {"url": "embedded"}, **(extra or {})}
    cfg = config.load(None, overrides)
    ctx = build_context(cfg, demo=True, bridge=DeviceBridge())
    shell = Shell(ctx, allow_quit=True)
    install_remote_handlers(shell)
    shell.resize(*size)
    shell.show()
    load_screens()
    return app, ctx, shell


def soak(sessions: int, every: int, mix: tuple[str, ...] = MIX, out=print,
         size: tuple[int, int] = (1080, 1920), progress: int = 0,
         config: dict | None = None) -> SoakResult:
    """Run `sessions` sessions of `mix` in turn; a sample before the first and every `every`.
    `config` adds configuration sections (say, a device the mix does not use turned off)."""
    data_dir = tempfile.mkdtemp(prefix="kiosk-soak-")
    app, ctx, shell = build_kiosk(data_dir, size, config)
    citizen = Citizen(ctx, shell)
    samples: list[Sample] = []
    started = time.perf_counter()

    def script() -> Iterator:
        yield Until(lambda: ctx.services.catalog is not None and bool(ctx.services.catalog.catalog),
                    "the catalog loaded")
        # one round of every kind first, so that what is built once (screens, caches, threads
        # of the devices' first use) is in the baseline and only growth per session shows
        for turn, kind in enumerate(dict.fromkeys(mix)):
            yield from citizen.session(kind, turn)
        # and the longest lists once, which fills the rows the service list keeps for reuse
        catalog = ctx.services.catalog.catalog
        for mode, groups, members in (("department", catalog.departments(), catalog.by_department),
                                      ("theme", catalog.themes(), catalog.by_theme)):
            shell.go("service_list", mode=mode, group=max(groups, key=lambda g: len(members(g))))
            yield Pause(0.05)
        shell.home()
        yield Pause(0.5)
        citizen.counts.clear()
        citizen.seconds.clear()
        samples.append(measure(app, 0))
        out(HEADER)
        out(samples[-1].row())
        for number in range(1, sessions + 1):
            yield from citizen.session(mix[number % len(mix)], number)
            if progress and number % progress == 0 and number % every:
                out(f"{number:>8}  ({time.perf_counter() - started:.0f} s)")
            if number % every == 0 or number == sessions:
                yield Pause(0.2)              # let the last deferred deletes and workers finish
                samples.append(measure(app, number))
                out(samples[-1].row())

    try:
        Runner(app, script()).run()
    finally:
        shell.allow_quit = True
        shell.close()
        ctx.shutdown()
        shutil.rmtree(data_dir, ignore_errors=True)
    return SoakResult(samples, dict(citizen.counts), time.perf_counter() - started,
                      dict(citizen.seconds))


def report(result: SoakResult, out=print) -> None:
    out(result.growth())
    # the goal is measured from the first regular sample: the kiosk's first sessions fill caches
    # that are meant to stay (fonts, glyphs, the catalog's search index)
    base = result.samples[1] if len(result.samples) > 2 else result.first
    last = result.last
    grew = last.rss_mb - base.rss_mb
    out(f"from {base.sessions} to {last.sessions}: RSS {grew:+.1f} MB "
        f"(goal < {GOAL_RSS_MB:g} MB: {'met' if grew < GOAL_RSS_MB else 'NOT met'}), "
        f"widgets {last.widgets - base.widgets:+d}, fds {last.fds - base.fds:+d}, "
        f"threads {last.threads - base.threads:+d}")
    kinds = ", ".join(f"{kind} {count}" + (f" ({result.kind_seconds[kind] / count:.2f} s each)"
                                            if kind in result.kind_seconds else "")
                      for kind, count in sorted(result.counts.items()))
    out(f"sessions by kind: {kinds}; {result.seconds:.0f} s, "
        f"{result.seconds / max(1, last.sessions):.2f} s a session")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int,
                        default=int(os.environ.get("SOAK_SESSIONS", "1000")))
    parser.add_argument("--every", type=int, default=500, help="sessions between samples")
    parser.add_argument("--mix", default=",".join(MIX),
                        help="the session kinds in turn (default: %(default)s)")
    parser.add_argument("--size", default="1080x1920")
    parser.add_argument("--progress", type=int, default=100,
                        help="print the session number every N sessions (0 = only samples)")
    args = parser.parse_args(argv)
    faulthandler.enable()          # a crash of the interpreter or Qt says where, not nothing
    width, _, height = args.size.partition("x")
    mix = tuple(kind.strip() for kind in args.mix.split(",") if kind.strip())
    print(f"soak: {args.sessions} sessions, a sample every {args.every}, mix {','.join(mix)}",
          flush=True)
    try:
        result = soak(args.sessions, args.every, mix,
                      out=lambda line: print(line, flush=True), size=(int(width), int(height)),
                      progress=args.progress)
    except Stuck as exc:
        print(f"soak stopped: {exc}", flush=True)
        return 1
    except Exception:
        traceback.print_exc()
        return 1
    report(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
