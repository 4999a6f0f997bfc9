"""`kiosk staff set-pin`: set the staff PIN as an argon2id hash in [staff] pin_hash.

Reads the new PIN twice without echo (or once from stdin with --stdin, for an install script),
refuses trivial PINs (000000, runs, repeats, the commonest ones), writes the hash keeping the
file's comments, clears a legacy pin_sha256, and queues a staff_pin_set audit record.
Exit 0 done, 2 refused or the two entries differ.
"""
from __future__ import annotations

import argparse
import getpass
import sys

from kiosk import config


def register(groups) -> None:
    parser = groups.root.add_parser("staff", help="staff access (PIN)")
    sub = parser.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    set_pin = sub.add_parser("set-pin", help="set the staff PIN (stored as an argon2id hash)")
    set_pin.add_argument("--stdin", action="store_true",
                         help="read the PIN from one line of standard input (no prompt)")
    set_pin.set_defaults(func=_set_pin)


def _set_pin(args: argparse.Namespace) -> int:
    from kiosk.audit import record_from_cli
    from kiosk.staff_auth import hash_pin, weak_pin_reason
    path = config.find_config(args.config)
    if args.stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("New staff PIN (6 digits): ").strip()
        if getpass.getpass("Again: ").strip() != pin:
            print("kiosk staff set-pin: the two entries differ; nothing changed", file=sys.stderr)
            return 2
    reason = weak_pin_reason(pin, demo=args.demo)
    if reason is not None:
        print(f"kiosk staff set-pin: refused: {reason}; nothing changed", file=sys.stderr)
        return 2
    config.set_value(path, "staff.pin_hash", hash_pin(pin))
    if config.load(path).staff.pin_sha256:
        config.set_value(path, "staff.pin_sha256", "")
    print(f"{path}: staff.pin_hash set (argon2id); restart the kiosk application to use it")
    record_from_cli(config.load(path), "staff_pin_set", details={"key": "staff.pin_hash"})
    return 0
