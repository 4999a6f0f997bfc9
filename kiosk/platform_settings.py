"""[platform] in config.toml -> sync.client.ClientSettings, the platform client's own settings.

The one place the kiosk's configuration becomes TLS, proxy and timeouts for the platform: paths
resolved against the config file's folder and checked, plain http and verify_tls = false
refused outside --demo, ca_bundle = '' meaning the operating system's CA store,
and every problem reported as a ConfigError naming the key.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from kiosk.config import Config, ConfigError
from sync.client import ClientSettings, ClientSettingsError


def client_settings(cfg: Config, url: str | None = None, *, demo: bool = False) -> ClientSettings:
    """url overrides [platform] url (needed when that says 'embedded': the app passes the
    embedded server's URL)."""
    p = cfg.platform
    url = url or p.url
    if url == "embedded":
        raise ConfigError("[platform] url = 'embedded': the embedded platform must be started "
                          "first and its URL passed to the client")
    if not demo and url.lower().startswith("http://"):
        raise ConfigError(f"[platform] url = {url!r}: only https:// is allowed outside --demo "
                          "(the kiosk credential and citizens' records would travel in clear)")
    if not p.verify_tls and not demo:
        raise ConfigError("[platform] verify_tls = false: only allowed with --demo; set "
                          "ca_bundle to trust a private CA instead")
    verify: bool | str = p.verify_tls
    if p.verify_tls and p.ca_bundle:
        verify = _existing(cfg.base_dir, p.ca_bundle, "ca_bundle")
    if p.client_key and not p.client_cert:
        raise ConfigError("[platform] client_key is set but client_cert is empty")
    cert = _existing(cfg.base_dir, p.client_cert, "client_cert") if p.client_cert else None
    key = _existing(cfg.base_dir, p.client_key, "client_key") if p.client_key else None
    # the client key is as secret as the kiosk credential (and a certificate file without a
    # separate key holds it): refused when others may read it, like the credential and outbox key
    for name, path in (("client_key", key), ("client_cert", None if key else cert)):
        if path is not None and _private_key_inside(path) and os.stat(path).st_mode & 0o077:
            raise ConfigError(f"[platform] {name} = {path}: readable by others (mode "
                              f"{stat.S_IMODE(os.stat(path).st_mode):o}); expected 600 or 400 "
                              "(it may have leaked: consider a new certificate)")
    try:
        return ClientSettings(url.rstrip("/"), connect_timeout_s=p.connect_timeout_s,
                              read_timeout_s=p.read_timeout_s, verify=verify, client_cert=cert,
                              client_key=key, proxy=p.proxy)
    except ClientSettingsError as exc:     # its messages start with the key they are about
        raise ConfigError(f"[platform] {exc}") from None


def _private_key_inside(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return b"PRIVATE KEY-----" in handle.read(1 << 20)
    except OSError:
        return False


def _existing(base: Path, value: str, key: str) -> str:
    path = Path(value)
    if not path.is_absolute():
        path = base / path
    if not path.is_file():
        raise ConfigError(f"[platform] {key} = {value!r}: file {path} does not exist")
    return str(path)
