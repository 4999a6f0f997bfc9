"""The `kiosk` command. Subcommands live in kiosk/commands/, one module per area, found at start."""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from dataclasses import dataclass

from kiosk import __version__
from kiosk.config import ConfigError


@dataclass
class CommandGroups:
    """The subparser collections a command module may add to."""
    root: argparse._SubParsersAction
    devices: argparse._SubParsersAction
    simulate: argparse._SubParsersAction   # `kiosk devices simulate DEVICE`: the virtual twins


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="Government service hall kiosk")
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("--config", metavar="PATH",
                        help="configuration file (default: ./config.toml, then /etc/kiosk/config.toml)")
    parser.add_argument("--demo", action="store_true",
                        help="virtual devices, embedded reference platform, windowed mode and staff quit")
    parser.add_argument("--size", metavar="WxH", help="window size in demo mode, e.g. 1080x1920")
    parser.add_argument("--real-size", action="store_true",
                        help="demo mode: show the kiosk at its real size even where the desktop is "
                             "smaller (by default it is scaled down to fit)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="start language (overrides config)")
    parser.set_defaults(func=None)
    root = parser.add_subparsers(dest="command", metavar="COMMAND")
    devices_parser = root.add_parser("devices", help="device tools for technicians")
    devices = devices_parser.add_subparsers(dest="device_command", metavar="TOOL", required=True)
    simulate_parser = devices.add_parser("simulate", help="run a virtual device for technicians")
    simulate = simulate_parser.add_subparsers(dest="simulate_device", metavar="DEVICE",
                                              required=True)
    groups = CommandGroups(root=root, devices=devices, simulate=simulate)
    import kiosk.commands as commands_pkg
    for info in sorted(pkgutil.iter_modules(commands_pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"kiosk.commands.{info.name}")
        module.register(groups)
    for plugin in plugin_commands():
        plugin.load()(groups)
    return parser


def plugin_commands():
    """Commands installed from outside the product (the walkthrough): the production build has
    none of them, and the product never imports their packages by name."""
    from importlib.metadata import entry_points
    return sorted(entry_points(group="kiosk.commands"), key=lambda ep: ep.name)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.func is None:
            from screens.app import run_app
            return run_app(args)
        return int(args.func(args) or 0)
    except ConfigError as exc:
        print(f"kiosk: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
