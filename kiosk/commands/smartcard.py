"""Technician tools for the PC/SC smart card reader.

  kiosk devices read-ssc [--reader NAME] [--timeout S] [--json] [--pin-stdin] [--unmasked]
      reads one social security card; exit 0 read, 2 no card before the timeout, 3 error
  kiosk devices pcsc-readers
      lists the readers pcscd offers and whether a card is in each
  kiosk devices simulate ssc [CARD] [--behaviour B ...] [--port N]
      puts the virtual social security card into vpcd's reader until Ctrl-C (pcscd must run)
"""
from __future__ import annotations

import argparse
import json
import sys
import time

from kiosk import config
from kiosk.commands import technician_config

NO_CARD, ERROR = 2, 3


def register(groups) -> None:
    read = groups.devices.add_parser("read-ssc", help="read one social security card and print it")
    read.add_argument("--reader", metavar="NAME",
                      help="reader name or part of it (default: config smartcard.reader, else the first)")
    read.add_argument("--timeout", type=float, default=10.0, metavar="S",
                      help="seconds to wait for a card (default 10)")
    read.add_argument("--json", action="store_true", help="print JSON")
    read.add_argument("--pin-stdin", action="store_true",
                      help="read the card PIN from the first line of standard input (used once, "
                           "only if the card asks for it)")
    read.add_argument("--unmasked", action="store_true", help="show the full ID number")
    read.add_argument("--card", default="demo",
                      help="with reader 'virtual:ssc': demo, pin, bank or a card JSON file")
    read.set_defaults(func=_read_ssc)

    readers = groups.devices.add_parser("pcsc-readers", help="list PC/SC readers and their cards")
    readers.set_defaults(func=_list_readers)

    from devices.virtual.ssc_card import VPCD_PORT, Behaviour
    from dataclasses import fields
    simulate = groups.simulate.add_parser(
        "ssc", help="insert the virtual social security card into vpcd's reader, until Ctrl-C")
    simulate.add_argument("card", nargs="?", default="demo",
                          help="demo, pin, bank, or a card JSON file (default demo)")
    simulate.add_argument("--behaviour", action="append", default=[],
                          choices=[f.name for f in fields(Behaviour)], help="switch on a fault")
    simulate.add_argument("--port", type=int, default=VPCD_PORT,
                          help=f"vpcd slot port (default {VPCD_PORT}, reader 'Virtual PCD 00 00')")
    simulate.set_defaults(func=_simulate)


def _fail(code: int, reason: str) -> int:
    print(f"read-ssc: {reason}", file=sys.stderr)
    return code


def _read_ssc(args: argparse.Namespace) -> int:
    from devices.smartcard.pin import OncePinEntry
    from devices.virtual.ssc_setup import VirtualSscSetup
    from kiosk.wiring.smartcard import VIRTUAL

    cfg = technician_config(args)
    pin_entry = None
    if args.pin_stdin:
        pin_entry = OncePinEntry(sys.stdin.readline().strip())
    wanted = args.reader if args.reader is not None else cfg.smartcard.reader
    if wanted != VIRTUAL:
        return _read_in(wanted, args, cfg, pin_entry)
    virtual = VirtualSscSetup().start()
    try:
        if virtual.problem:
            return _fail(ERROR, f"service_unavailable: {virtual.problem}")
        try:
            virtual.insert_card(args.card)
        except (OSError, ValueError) as exc:
            return _fail(ERROR, f"virtual card: {exc}")
        return _read_in(virtual.reader, args, cfg, pin_entry)
    finally:
        virtual.stop()


def _read_in(wanted: str, args: argparse.Namespace, cfg: config.Config, pin_entry) -> int:
    from devices.smartcard.errors import NoCard, SmartCardError
    from devices.smartcard.pcsc import Context, card_present
    from devices.smartcard.service import read_card

    try:
        ctx = Context()
        try:
            reader = ctx.pick(wanted)
            deadline = time.monotonic() + args.timeout
            while not card_present(ctx.card_state(reader)[0]):
                if time.monotonic() >= deadline:
                    return _fail(NO_CARD, f"no card in {reader!r} within {args.timeout:g} s")
                time.sleep(0.1)
        finally:
            ctx.release()
        record = read_card(reader, pin_entry, timeout_s=cfg.smartcard.apdu_timeout_ms / 1000)
    except NoCard as exc:
        return _fail(NO_CARD, f"{exc.code}: {exc}")
    except SmartCardError as exc:
        hint = " (give it with --pin-stdin)" if exc.code == "pin_required" else ""
        return _fail(ERROR, f"{exc.code}: {exc}{hint}")
    mask = None if args.unmasked else (lambda number: config.mask_id(number, cfg.privacy))
    fields = record.fields(mask)
    if args.json:
        print(json.dumps(fields, ensure_ascii=False, indent=2))
    else:
        width = max(len(k) for k in fields)
        for key, value in fields.items():
            print(f"{key:<{width}}  {value}")
    return 0


def _list_readers(args: argparse.Namespace) -> int:
    from devices.smartcard.atr import parse_atr
    from devices.smartcard.errors import SmartCardError
    from devices.smartcard.pcsc import Context, card_present
    try:
        ctx = Context()
        try:
            names = ctx.readers()
            if not names:
                print("no readers")
                return 1
            for name in names:
                flags, atr = ctx.card_state(name)
                card = f"card, ATR {parse_atr(atr).hex}" if card_present(flags) else "no card"
                print(f"{name}: {card}")
        finally:
            ctx.release()
    except SmartCardError as exc:
        print(f"pcsc-readers: {exc.code}: {exc}", file=sys.stderr)
        return ERROR
    return 0


def _simulate(args: argparse.Namespace) -> int:
    from devices.smartcard.daemon import SlotClaim
    from devices.smartcard.errors import ServiceUnavailable
    from devices.virtual.ssc_card import main
    try:
        slot = SlotClaim(args.port)
    except ServiceUnavailable as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return ERROR
    argv = [args.card, "--port", str(args.port)]
    for name in args.behaviour:
        argv += ["--behaviour", name]
    try:
        return main(argv)
    finally:
        slot.release()
