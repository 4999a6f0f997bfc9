"""The per-kiosk credential: provisioned once with a single-use enrollment token, kept 0600.

The file holds the kiosk's secret (sent as a Bearer token) and the platform's Ed25519 public key,
which is what makes remote commands trustworthy: only a command signed by that key runs.
"""
from __future__ import annotations

import base64
import json
import os
import stat
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from sync.client import PlatformClient, PlatformUnavailable
from sync.crypto import fsync_dir
from sync.errors import SyncError

PROVISION_PATH = "/api/v1/kiosks/provision"


class CredentialError(SyncError):
    codes = ("missing", "permissions", "invalid", "enrollment_refused", "unreachable",
             "bad_response")


@dataclass(frozen=True)
class Credential:
    kiosk_id: str
    token: str
    platform_public_key: str   # base64 of the raw 32-byte Ed25519 key
    platform_url: str
    provisioned_at: float

    def auth_header(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def public_key(self) -> Ed25519PublicKey:
        try:
            return Ed25519PublicKey.from_public_bytes(base64.b64decode(self.platform_public_key))
        except ValueError as exc:
            raise CredentialError("invalid", f"platform public key is not Ed25519: {exc}") from None


def load_credential(path: str | os.PathLike) -> Credential:
    path = Path(path)
    if not path.exists():
        raise CredentialError("missing", f"no kiosk credential at {path}: run `kiosk provision`")
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise CredentialError("permissions", f"{path} is readable by others (mode {mode:o}); "
                              "expected 600: provision again, the secret may have leaked")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        credential = Credential(**{k: data[k] for k in Credential.__dataclass_fields__})
    except (ValueError, KeyError, TypeError) as exc:
        raise CredentialError("invalid", f"{path} is not a kiosk credential: {exc}") from None
    credential.public_key()
    return credential


def save_credential(path: str | os.PathLike, credential: Credential) -> None:
    """Write atomically with 0600 from the first byte (never world-readable, even briefly)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    if tmp.exists():
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, json.dumps(asdict(credential), indent=2).encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def provision(client: PlatformClient, platform_url: str, kiosk_id: str, enrollment_token: str,
              path: str | os.PathLike, expected_key: str | None = None) -> Credential:
    """Enroll with the platform and store the credential.

    client is the kiosk's sync.client.PlatformClient (TLS as configured). expected_key pins the
    platform's public key (base64) when staff got it out of band; a mismatch is refused.
    """
    try:
        response = client.send("POST", PROVISION_PATH, json={"kiosk_id": kiosk_id,
                                                              "enrollment_token": enrollment_token})
    except PlatformUnavailable as exc:
        raise CredentialError("unreachable", f"cannot reach the platform: {exc.code}") from None
    if response.status_code in (401, 403):
        raise CredentialError("enrollment_refused",
                              "the platform refused the enrollment token (unknown or already used)")
    if response.status_code != 200:
        raise CredentialError("bad_response", f"provisioning failed: HTTP {response.status_code}")
    try:
        data = response.json()
        credential = Credential(kiosk_id=data["kiosk_id"], token=data["credential"],
                                platform_public_key=data["platform_public_key"],
                                platform_url=platform_url, provisioned_at=time.time())
    except (ValueError, KeyError, TypeError) as exc:
        raise CredentialError("bad_response", f"provisioning answer incomplete: {exc}") from None
    if credential.kiosk_id != kiosk_id:
        raise CredentialError("bad_response", "the platform answered for another kiosk id")
    if expected_key is not None and expected_key != credential.platform_public_key:
        raise CredentialError("invalid", "the platform's public key does not match the pinned key")
    credential.public_key()
    save_credential(path, credential)
    return credential
