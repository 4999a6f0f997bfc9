"""Technician tools for the ID card reader.

  kiosk devices read-id [--port PORT] [--baud N] [--timeout S] [--json] [--unmasked] [--card C]
      exit 0 read, 2 no card before the timeout, 3 device or protocol error (one-line reason)
  kiosk devices detect [--port P ...] [--baud N ...] [--only-given]
      exit 0 when a reader answered, 1 when none did
  kiosk devices simulate idcard [--card FILE.json|NAME] [--baud N] [--link PATH] [--scenario S]
      prints the pty path and runs until Ctrl-C
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from typing import Any

from kiosk import config
from kiosk.commands import technician_config

VIRTUAL = "virtual:idcard"
NO_CARD, DEVICE_ERROR = 2, 3


def register(groups) -> None:
    read = groups.devices.add_parser("read-id", help="read one resident ID card and print it")
    read.add_argument("--port", help="serial port, 'auto', or 'virtual:idcard' (default: config)")
    read.add_argument("--baud", type=int, help="baud rate (default: config, 115200)")
    read.add_argument("--timeout", type=float, default=10.0, metavar="S",
                      help="seconds to wait for a card (default 10)")
    read.add_argument("--json", action="store_true", help="print JSON")
    read.add_argument("--unmasked", action="store_true", help="show the full ID number")
    read.add_argument("--card", help="with --port virtual:idcard: sample card name or JSON file")
    read.set_defaults(func=_read_id)

    detect = groups.devices.add_parser("detect", help="find which serial port has an ID card reader")
    detect.add_argument("--port", action="append", default=[], metavar="PORT",
                        help="also probe this port (repeatable; ptys are never listed)")
    detect.add_argument("--baud", action="append", type=int, default=[], metavar="N",
                        help="baud rates to try (default 115200, 57600, 38400, 19200, 9600)")
    detect.add_argument("--only-given", action="store_true", help="probe only the --port ports")
    detect.add_argument("--timeout", type=float, default=0.3, metavar="S",
                        help="seconds to wait for each answer (default 0.3)")
    detect.set_defaults(func=_detect)

    simulate = groups.simulate.add_parser(
        "idcard", help="a virtual ID card reader on a pty, until Ctrl-C")
    simulate.add_argument("--card", help="sample card name or card JSON file to place at start")
    simulate.add_argument("--baud", type=int, default=115200, help="baud rate the twin paces at")
    simulate.add_argument("--link", metavar="PATH", help="also make PATH a symlink to the pty")
    simulate.add_argument("--scenario", help="a fault scenario or sample card name "
                          "(see --list)")
    simulate.add_argument("--list", action="store_true", help="list sample cards and scenarios")
    simulate.set_defaults(func=_simulate)


def _fail(reason: str) -> int:
    print(f"read-id: {reason}", file=sys.stderr)
    return DEVICE_ERROR


def _read_id(args: argparse.Namespace) -> int:
    from devices.idcard.detect import find_reader
    from devices.idcard.errors import IdCardError
    from devices.idcard.photo import load_decoder
    from devices.idcard.reader import IdCardReader, ReaderSettings

    cfg = technician_config(args)
    port, baud, twin = args.port or cfg.idcard.port, args.baud or cfg.idcard.baud, None
    try:
        if port == VIRTUAL:
            from devices.virtual.idcard_twin import IdCardTwin, load_card
            twin = IdCardTwin(baud=baud).start()
            if args.card:
                twin.place_card(load_card(args.card))
            port = twin.port
        elif port == "auto":
            found = find_reader(exclude=_other_ports(cfg))
            if found is None:
                return _fail("no ID card reader found on any serial port (try `kiosk devices detect`)")
            port, baud = found.port, found.baud
        try:
            decoder = load_decoder(cfg.idcard.wlt_decoder)
        except IdCardError as exc:
            print(f"read-id: photo decoder unavailable: {exc}", file=sys.stderr)
            decoder = None
        reader = IdCardReader(ReaderSettings.from_config(cfg.idcard, port=port, baud=baud),
                              photo_decoder=decoder)
        try:
            read = reader.read_one(args.timeout)
        except IdCardError as exc:
            return _fail(f"{exc.code}: {exc}")
    finally:
        if twin is not None:
            twin.stop()
    if read is None:
        print(f"read-id: no card within {args.timeout:g} s", file=sys.stderr)
        return NO_CARD
    fields = card_fields(read, cfg.privacy, unmasked=args.unmasked)
    read.wipe()
    if args.json:
        print(json.dumps(fields, ensure_ascii=False, indent=2))
    else:
        width = max(len(k) for k in fields)
        for key, value in fields.items():
            print(f"{key:<{width}}  {'' if value is None else value}")
    return 0


CORE_KEYS = ("card_type", "name", "sex", "nation", "birth_date", "address", "id_number",
             "issuing_authority", "valid_from", "valid_until")
TYPE_KEYS = {
    "hmt_residence_permit": ("pass_number", "issue_count"),
    "foreign_permanent_2017": ("name_en", "nationality", "card_version", "authority_code"),
    "foreign_permanent_2023": ("name_en", "nationality", "renewal_count", "previous_card_link"),
}
MASKED_KEYS = ("id_number", "pass_number")


def card_fields(read: Any, privacy: Any, unmasked: bool = False) -> dict[str, Any]:
    """The JSON shape of one read: the core keys always, the card type's own keys, then checks."""
    card = read.text.as_dict()
    out = {key: card[key] for key in CORE_KEYS}
    out.update({key: card[key] for key in TYPE_KEYS.get(card["card_type"], ())})
    out.update(sex_code=card["sex_code"], nation_code=card["nation_code"],
               expired=card["expired"], check_digit_ok=card["check_digit_ok"],
               photo=read.photo_status)
    if not unmasked:
        for key in MASKED_KEYS:
            if out.get(key):
                out[key] = config.mask_id(out[key], privacy)
    return out


def _other_ports(cfg: config.Config) -> list[str]:
    """Serial ports configured for other devices: never probed (a printer would print the probe)."""
    printer = cfg.receipt_printer
    return [printer.port] if printer.transport == "serial" and printer.port else []


def _detect(args: argparse.Namespace) -> int:
    from devices.idcard.detect import BAUDS, detect
    cfg = technician_config(args)
    if args.only_given and not args.port:
        print("detect: --only-given needs at least one --port", file=sys.stderr)
        return 2
    results = detect(args.port, tuple(args.baud) or BAUDS, args.timeout,
                     only_given=args.only_given, exclude=_other_ports(cfg))
    if not results:
        print("no serial ports found (a pty must be given with --port)")
        return 1
    for r in results:
        if r.is_reader:
            status = f"ID card reader at {r.baud} baud, SAM {r.sam_status}"
            if r.sam_id:
                status += f", SAM ID {r.sam_id}"
        else:
            status = f"no reader ({r.error or 'no answer'})"
        desc = f" [{r.description}]" if r.description and r.description != "n/a" else ""
        print(f"{r.port}{desc}: {status}")
    return 0 if any(r.is_reader for r in results) else 1


def _simulate(args: argparse.Namespace) -> int:
    from devices.virtual.idcard_twin import (SCENARIOS, IdCardTwin, apply_scenario, load_card,
                                             sample_cards)
    if args.list:
        print("sample cards:", ", ".join(sample_cards()))
        for name, what in SCENARIOS.items():
            print(f"scenario {name}: {what}")
        return 0
    try:
        twin = IdCardTwin(baud=args.baud, link=args.link)
        card = load_card(args.card) if args.card else None
    except (ValueError, OSError, KeyError) as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 2
    # Ctrl-C or a service manager's SIGTERM both end the twin cleanly (the pty and link go away);
    # SIGINT is set explicitly because a shell starting us in the background ignores it
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    twin.start()
    try:
        if args.scenario:
            apply_scenario(twin, args.scenario, card or "resident")
        elif card is not None:
            twin.place_card(card)
        what = f"card {twin.card.name}" if twin.card else "no card"
        print(f"ID card reader twin on {twin.port} at {args.baud} baud ({what}); Ctrl-C to stop",
              flush=True)
        while True:
            time.sleep(0.5)
    except ValueError as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    finally:
        twin.stop()
