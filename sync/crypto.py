"""Encryption at rest for outbox payloads: AES-256-GCM with a key kept in its own 0600 file.

The key lives beside the database but in a separate file so that a copied database alone reveals
nothing, and so the key file's permissions can be checked on every start. Each record is sealed with
a fresh 96-bit nonce and bound to its idempotency key and kind (associated data), so a payload cannot
be swapped onto another record without the tag failing.
"""
from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from sync.errors import SyncError

KEY_BYTES = 32
NONCE_BYTES = 12
# First byte of every sealed blob: lets a key rotation or algorithm change read old rows.
FORMAT_V1 = b"\x01"      # sealed with key 0 (the key file itself)
FORMAT_V2 = b"\x02"      # + one byte naming the key: key N lives in KEYFILE.N (rotation)


class CryptoError(SyncError):
    """A key or ciphertext problem; `code` is stable for screens and alerts."""
    codes = ("key_permissions", "key_invalid", "ciphertext_format", "ciphertext_tampered")


def load_or_create_key(path: str | os.PathLike,
                       alert: Callable[[str, str, dict], None] | None = None) -> bytes:
    """Read the outbox key, creating it (0600, fsynced) when it does not exist yet.

    The key is written to a temporary file, fsynced and then linked into place, so a crash
    leaves either no key or a whole one. An empty key file (a crash at first start before that
    rule) sealed nothing: it is moved aside as KEY.empty-TIME and a new key made, with an alert,
    instead of taking the whole sync area down. A key readable by group or others is refused
    rather than silently fixed: it may already have leaked, and staff must know.
    """
    path = Path(path)
    if path.exists() and path.stat().st_size == 0:
        aside = path.with_name(f"{path.name}.empty-{int(time.time())}")
        os.replace(path, aside)
        if alert is not None:
            alert("outbox_key_recreated", f"{path} was empty (a crash at first start); a new "
                  f"key was made and the empty file kept as {aside.name}", {})
    if not path.exists():
        _create_key(path)
    return _read_key(path)


def _create_key(path: Path) -> None:
    for stale in path.parent.glob(f".{path.name}.*.tmp"):     # a key a crash left unlinked
        stale.unlink(missing_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, AESGCM.generate_key(bit_length=KEY_BYTES * 8))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)          # never replaces a key another process made meanwhile
    except FileExistsError:
        pass
    finally:
        os.unlink(tmp)
    fsync_dir(path.parent)


def _read_key(path: Path) -> bytes:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise CryptoError("key_permissions",
                          f"{path} is readable by others (mode {mode:o}); expected 600")
    key = path.read_bytes()
    if len(key) != KEY_BYTES:
        raise CryptoError("key_invalid", f"{path} holds {len(key)} bytes, expected {KEY_BYTES}")
    return key


def fsync_dir(directory: Path) -> None:
    """Make a new file's directory entry durable (a crash must not lose a created key file)."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class PayloadCipher:
    """Seals and opens payloads; associated data ties each blob to its record.

    PayloadCipher(key) is one key (id 0, format 1). With keys={id: key} and current=id it seals
    with the current key (format 2 names it) and opens anything sealed with any key it holds:
    what a key rotation (rotate_key) needs while records are re-sealed."""

    def __init__(self, key: bytes | None = None, *, keys: dict[int, bytes] | None = None,
                 current: int | None = None):
        keys = dict(keys or {})
        if key is not None:
            keys[0] = key
        if not keys or any(len(k) != KEY_BYTES for k in keys.values()):
            raise CryptoError("key_invalid", f"key must be {KEY_BYTES} bytes")
        if any(not 0 <= i <= 255 for i in keys):
            raise CryptoError("key_invalid", "key ids are 0 to 255")
        self.current = max(keys) if current is None else current
        self._aeads = {i: AESGCM(k) for i, k in keys.items()}

    def seal(self, plaintext: bytes, associated: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aeads[self.current].encrypt(nonce, plaintext, associated)
        head = FORMAT_V1 if self.current == 0 else FORMAT_V2 + bytes([self.current])
        return head + nonce + sealed

    def key_of(self, blob: bytes) -> int | None:
        """The id of the key a blob was sealed with (None: not a sealed payload)."""
        if blob[:1] == FORMAT_V1:
            return 0
        if blob[:1] == FORMAT_V2 and len(blob) > 1:
            return blob[1]
        return None

    def open(self, blob: bytes, associated: bytes) -> bytes:
        key_id = self.key_of(blob)
        start = 1 if key_id == 0 else 2
        if key_id is None or len(blob) < start + NONCE_BYTES + 16:
            raise CryptoError("ciphertext_format", "not a sealed outbox payload")
        aead = self._aeads.get(key_id)
        if aead is None:
            raise CryptoError("ciphertext_tampered", f"sealed with key {key_id}, which this "
                              "kiosk does not hold (a key file is missing)")
        nonce = blob[start:start + NONCE_BYTES]
        try:
            return aead.decrypt(nonce, blob[start + NONCE_BYTES:], associated)
        except InvalidTag:
            raise CryptoError("ciphertext_tampered",
                              "payload does not match its key (wrong key file or altered row)") from None


def key_path(path: str | os.PathLike, key_id: int) -> Path:
    """Key 0 is the configured key file; key N (after N rotations) is KEYFILE.N."""
    path = Path(path)
    return path if key_id == 0 else path.with_name(f"{path.name}.{key_id}")


def load_keyring(path: str | os.PathLike,
                 alert: Callable[[str, str, dict], None] | None = None) -> PayloadCipher:
    """Every outbox key on disk (the key file, and KEYFILE.N left by rotations), the newest
    current; the key file is created at first start (load_or_create_key)."""
    path = Path(path)
    keys: dict[int, bytes] = {}
    for candidate in path.parent.glob(f"{path.name}.*"):
        suffix = candidate.name[len(path.name) + 1:]
        if suffix.isdigit() and 0 < int(suffix) <= 255:
            keys[int(suffix)] = _read_key(candidate)
    if 0 not in keys and (path.exists() or not keys):
        keys[0] = load_or_create_key(path, alert)
    return PayloadCipher(keys=keys)


def rotate_key(path: str | os.PathLike, reseal: Callable[[PayloadCipher], int]) -> tuple[int, int]:
    """Make a new outbox key, have reseal(cipher) seal every stored record with it (one
    transaction), then delete the older key files. A crash before the commit leaves the old key
    in use and readable; after it, old key files that remain are deleted at the next rotation.
    Returns (new key id, records re-sealed)."""
    path = Path(path)
    old = load_keyring(path)
    new_id = max(old._aeads) + 1
    if new_id > 255:
        raise CryptoError("key_invalid", "255 rotations: start a fresh outbox")
    _create_key(key_path(path, new_id))
    keys = {i: _read_key(key_path(path, i)) for i in (*old._aeads, new_id)}
    count = reseal(PayloadCipher(keys=keys, current=new_id))
    for key_id in old._aeads:
        key_path(path, key_id).unlink(missing_ok=True)
    fsync_dir(path.parent)
    return new_id, count
