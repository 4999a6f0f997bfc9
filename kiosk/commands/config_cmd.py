"""`kiosk config check|set`: validate the configuration, or change one key keeping comments.

`kiosk config check` judges the file for a real kiosk; `kiosk --demo config check` for the demo."""
from __future__ import annotations

import argparse

from kiosk import config


def register(groups) -> None:
    parser = groups.root.add_parser("config", help="check or edit the configuration")
    sub = parser.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    check = sub.add_parser("check", help="validate a configuration file and exit")
    check.add_argument("path", nargs="?", help="file to check (default: the search path)")
    check.set_defaults(func=_check)
    setter = sub.add_parser("set", help="change one key, keeping the file's comments")
    setter.add_argument("key", help="SECTION.KEY, e.g. ui.idle_timeout_s")
    setter.add_argument("value")
    setter.set_defaults(func=_set)


def _check(args: argparse.Namespace) -> int:
    """Valid, and fit for what it will run as: a real kiosk refuses what only --demo allows
    (http, the embedded platform, TLS off, virtual twins), exactly as the app does at start."""
    from kiosk.deployment_checks import check_production_settings
    from kiosk.platform_settings import client_settings
    cfg = config.load(args.path or args.config)
    try:
        check_production_settings(cfg, args.demo)
        if cfg.platform.url != "embedded":
            client_settings(cfg, demo=args.demo)      # certificate files exist, the URL parses
    except config.ConfigError as exc:
        raise config.ConfigError(f"{cfg.path}: {exc}") from None
    print(f"{cfg.path}: OK" + (" for --demo" if args.demo else ""))
    return 0


def _set(args: argparse.Namespace) -> int:
    path = config.find_config(args.config)
    value = config.parse_value(args.key, args.value)
    config.set_value(path, args.key, value)
    print(f"{path}: {args.key} = {value!r}")
    from kiosk.audit import record_from_cli
    record_from_cli(config.load(path), "config_change", details={"key": args.key})  # not the value
    return 0
