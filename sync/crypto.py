"""Encryption at rest for outbox payloads: AES-256-GCM with a key kept in its own 0600 file.

The key lives beside the database but in a separate file so that a copied database alone reveals
nothing, and so the key file's permissions can be checked on every start. Each record is sealed with
a fresh 96-bit nonce and bound to its idempotency key and kind (associated data), so a payload cannot
be swapped onto another record without the tag failing.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

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


def load_or_create_key(path: str | os.PathLike) -> bytes:
    """Read the outbox key, creating it (0600, fsynced) when it does not exist yet.

    A key readable by group or others is refused rather than silently fixed: it may already have
    leaked, and staff must know.
    """
    path = Path(path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key(path)
    try:
        os.write(fd, AESGCM.generate_key(bit_length=KEY_BYTES * 8))
        os.fsync(fd)
    finally:
        os.close(fd)
    fsync_dir(path.parent)
    return _read_key(path)


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
