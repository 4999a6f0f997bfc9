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
# First byte of every sealed blob: lets a later key rotation or algorithm change read old rows.
FORMAT_V1 = b"\x01"


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
    """Seals and opens payloads; associated data ties each blob to its record."""

    def __init__(self, key: bytes):
        if len(key) != KEY_BYTES:
            raise CryptoError("key_invalid", f"key must be {KEY_BYTES} bytes")
        self._aead = AESGCM(key)

    def seal(self, plaintext: bytes, associated: bytes) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return FORMAT_V1 + nonce + self._aead.encrypt(nonce, plaintext, associated)

    def open(self, blob: bytes, associated: bytes) -> bytes:
        if blob[:1] != FORMAT_V1 or len(blob) < 1 + NONCE_BYTES + 16:
            raise CryptoError("ciphertext_format", "not a sealed outbox payload")
        nonce = blob[1:1 + NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, blob[1 + NONCE_BYTES:], associated)
        except InvalidTag:
            raise CryptoError("ciphertext_tampered",
                              "payload does not match its key (wrong key file or altered row)") from None
