"""The walker: runs registered steps in order and saves NN-state-name.png after each.

Steps are registered with @step(order, "state-name", area=..., expect=...) in this package's
modules. A step puts the kiosk into a state (and may assert on it); the walker then checks that
the state's expected texts are on screen and saves the screenshot. A step that raises, or a state
missing one of its texts, is reported and makes the run exit non-zero; the others still run. Each
step belongs to one area (by default the first word of its name), so `--only print,rate` checks
two areas. texts.json beside the screenshots holds, per state, what was expected and what was
shown (the e2e test reads it).

An expected text is a plain string (shown as is in every language: a queue number, a name), a
tr("Context", "English source") pair (translated with the kiosk's own catalogue, so the check
holds in both languages), or a function of the walker returning a string (e.g. the configured
hall name).
"""
from __future__ import annotations

import importlib
import json
import os
import pkgutil
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable


@dataclass(frozen=True)
class Step:
    order: int
    name: str
    fn: Callable[["Walker"], None]
    area: str
    expect: tuple[Any, ...] = ()


STEPS: dict[str, Step] = {}


def step(order: int, name: str, area: str | None = None, expect: tuple[Any, ...] = ()):
    def deco(fn: Callable[["Walker"], None]):
        STEPS[name] = Step(order, name, fn, area or name.split("-", 1)[0], tuple(expect))
        return fn
    return deco


def tr(context: str, source: str) -> tuple[str, str]:
    """An expected text from the translation catalogue: `source` in `context`."""
    return (context, source)


def shown_texts(widget) -> list[str]:
    """What a citizen can read on the shell now: visible labels, buttons and entry fields."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit
    texts = []
    for kind in (QLabel, QAbstractButton, QLineEdit):
        texts += [child.text() for child in widget.findChildren(kind)
                  if child.isVisible() and child.text()]
    return texts


def expected_text(walker: "Walker", item: Any) -> str:
    if isinstance(item, tuple):
        from PySide6.QtCore import QCoreApplication
        return QCoreApplication.translate(item[0], item[1])
    if callable(item):
        return item(walker)
    return item


class Walker:
    """What a step gets: the context, the shell (also the navigator) and a way to let Qt settle."""

    def __init__(self, ctx, shell, app):
        self.ctx = ctx
        self.shell = shell
        self.nav = shell
        self.app = app

    def settle(self, ms: int = 150) -> None:
        """Process events for ms milliseconds (timers, queued signals, repaints)."""
        deadline = time.monotonic() + ms / 1000
        while time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.01)
        self.app.processEvents()

    def wait_for(self, predicate: Callable[[], bool], timeout_ms: int = 5000) -> None:
        """Process events until predicate() holds; raise if it does not within timeout_ms."""
        deadline = time.monotonic() + timeout_ms / 1000
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError(f"state not reached within {timeout_ms} ms")
            self.app.processEvents()
            time.sleep(0.01)


def load_steps() -> list[Step]:
    import walkthrough as pkg
    for info in pkgutil.iter_modules(pkg.__path__):
        if info.name not in ("walker", "cli"):
            importlib.import_module(f"walkthrough.{info.name}")
    return sorted(STEPS.values(), key=lambda s: (s.order, s.name))


def areas() -> dict[str, int]:
    """Area name -> number of states, in walk order."""
    counts: dict[str, int] = {}
    for st in load_steps():
        counts[st.area] = counts.get(st.area, 0) + 1
    return counts


def select(steps: list[Step], only: str | None) -> list[Step]:
    """`only` is a comma-separated list; each item names an area, or else part of a state name."""
    if not only:
        return steps
    wanted = [item.strip() for item in only.split(",") if item.strip()]
    known = {st.area for st in steps}
    unknown = [item for item in wanted
               if item not in known and not any(item in st.name for st in steps)]
    if unknown:
        raise ValueError(f"no area or state matches {', '.join(unknown)}; areas: "
                         + ", ".join(sorted(known)))
    return [st for st in steps if st.area in wanted
            or any(item not in known and item in st.name for item in wanted)]


def run_walkthrough(out: str | os.PathLike, size: str | None = None, lang: str | None = None,
                    config_path: str | None = None, only: str | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from kiosk import config
    from kiosk.app import build_context
    from kiosk.bridge import DeviceBridge
    from screens import theme
    from screens.app import parse_size
    from screens.shell import Shell

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in [*out_dir.glob("*.png"), *out_dir.glob("*.spoken.txt")]:
        old.unlink()
    data_dir = tempfile.mkdtemp(prefix="kiosk-walkthrough-")
    overrides = {"kiosk": {"data_dir": data_dir}, "platform": {"url": "embedded"}}
    if lang:
        overrides["ui"] = {"language": lang}
    cfg = config.load(config_path, overrides)
    width, height = parse_size(size, cfg.ui.orientation)
    if width > height:
        overrides.setdefault("ui", {})["orientation"] = "landscape"
        cfg = config.load(config_path, overrides)

    from screens.text_entry import enable_input_method
    enable_input_method()      # before the QApplication: the Pinyin keyboard is chosen with it
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setFont(QFont(theme.FONT_FAMILY))
    ctx = build_context(cfg, demo=True, bridge=DeviceBridge())
    shell = Shell(ctx, allow_quit=True)
    from screens.remote import install_remote_handlers
    install_remote_handlers(shell)
    shell.resize(width, height)
    shell.show()
    walker = Walker(ctx, shell, app)
    walker.settle(300)
    failures = 0
    steps = select(load_steps(), only)
    texts: dict[str, dict[str, list[str]]] = {}
    heard = 0
    try:
        for index, st in enumerate(steps, start=1):
            target = out_dir / f"{index:02d}-{st.name}.png"
            try:
                st.fn(walker)
                walker.settle(150)
                shown = shown_texts(shell)
                expected = [expected_text(walker, item) for item in st.expect]
                texts[st.name] = {"expected": expected, "shown": shown}
                shell.grab().save(str(target))
                # voice guidance: what this state said aloud, beside its picture
                spoken = [u.text for u in shell.speaker.history[heard:]]
                heard = len(shell.speaker.history)
                if spoken:
                    target.with_suffix(".spoken.txt").write_text("\n".join(spoken) + "\n",
                                                                 encoding="utf-8")
                screen = "\n".join(shown)
                missing = [text for text in expected if text not in screen]
                if missing:
                    raise AssertionError(f"state {st.name} does not show {missing}")
                print(f"  {target.name}")
            except Exception:
                failures += 1
                print(f"  FAILED {st.name}:\n{traceback.format_exc()}", file=sys.stderr)
    finally:
        (out_dir / "texts.json").write_text(json.dumps(texts, ensure_ascii=False, indent=1),
                                            encoding="utf-8")
        shell.allow_quit = True
        shell.close()
        ctx.shutdown()
        # the folder holds an outbox key, a kiosk credential and a platform database with its
        # signing key: nothing of it may outlive the run
        shutil.rmtree(data_dir, ignore_errors=False)
    print(f"walkthrough: {len(steps) - failures} of {len(steps)} states saved to {out_dir}/"
          + (f", {failures} failed" if failures else ""))
    return 1 if failures else 0
