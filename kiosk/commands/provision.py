"""`kiosk provision --token TOKEN`: enroll this kiosk with the platform, once, at install.

The platform's command-signing public key is pinned: outside --demo --expect-key (the key the
province hands over out of band) is required and a platform presenting another key is refused.
Plain http is refused outside --demo ([platform] url must be https). Stores the kiosk credential
and the pinned key in [sync] credential_file (0600) and creates the outbox encryption key ([sync] key_file, 0600). Exit 0 done, 1 refused by the platform, 2 usage or config problem,
3 platform unreachable.
"""
from __future__ import annotations

import argparse
import sys

from kiosk import config


def register(groups) -> None:
    parser = groups.root.add_parser("provision", help="enroll this kiosk with the platform (install)")
    parser.add_argument("--token", required=True, help="single-use enrollment token from the platform")
    parser.add_argument("--kiosk-id", help="kiosk identifier (default: [kiosk] id)")
    parser.add_argument("--url", help="platform URL (default: [platform] url)")
    parser.add_argument("--expect-key", metavar="BASE64",
                        help="the platform's command-signing public key, as the province gave "
                             "it out of band: provisioning is refused unless the platform "
                             "presents this key (required outside --demo)")
    parser.add_argument("--force", action="store_true", help="replace an existing credential")
    parser.set_defaults(func=_provision)


def _provision(args: argparse.Namespace) -> int:
    from kiosk.platform_settings import client_settings
    from sync.client import PlatformClient
    from sync.credential import CredentialError, provision
    cfg = config.load(args.config)
    url = (args.url or cfg.platform.url).rstrip("/")
    if url == "embedded":
        print("kiosk provision: give --url (the embedded platform provisions the demo by itself)",
              file=sys.stderr)
        return 2
    if not args.demo and not args.expect_key:
        # taking the key on trust would let whoever answers first (a proxy, a look-alike
        # platform) sign every remote command this kiosk ever runs
        print("kiosk provision: give --expect-key BASE64, the platform's command-signing key "
              "from the province (not taken on trust outside --demo)", file=sys.stderr)
        return 2
    path = cfg.data_path(cfg.sync.credential_file)
    if path.exists() and not args.force:
        print(f"kiosk provision: {path} exists; use --force to replace it", file=sys.stderr)
        return 2
    kiosk_id = args.kiosk_id or cfg.kiosk.id
    try:
        with PlatformClient(client_settings(cfg, url, demo=args.demo)) as client:
            credential = provision(client, url, kiosk_id, args.token, path,
                                   expected_key=args.expect_key)
    except CredentialError as exc:
        print(f"kiosk provision: {exc}", file=sys.stderr)
        return 3 if exc.code == "unreachable" else 1
    from sync.crypto import CryptoError, load_or_create_key
    key_path = cfg.data_path(cfg.sync.key_file)
    try:
        load_or_create_key(key_path)     # install time: the outbox key exists before any record
    except CryptoError as exc:
        print(f"kiosk provision: outbox key {key_path}: {exc}", file=sys.stderr)
        return 1
    print(f"provisioned {credential.kiosk_id} with {url}; credential in {path} (mode 600)")
    print(f"outbox key: {key_path} (mode 600)")
    print(f"platform command key: {credential.platform_public_key}")
    return 0
