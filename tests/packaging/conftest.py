"""The package under test: `make package` leaves the two .deb files in dist/package/ and
`make package-test` points KIOSK_PACKAGE_DIR at them. Tests that need them skip without it
(`make test` does not build the slow bundle) and fail when it is set but a package is missing.

installed_root: both packages extracted into a temporary root (dpkg-deb -x, no maintainer
scripts), and the first-install step the postinst runs (`kiosk-update activate --if-none`)."""
from __future__ import annotations

import os
import ssl
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from local_modules import local_module

helpers = local_module(__file__, "helpers")
REPO, VERSION = helpers.REPO, helpers.VERSION


@pytest.fixture(scope="session")
def package_dir() -> Path:
    value = os.environ.get("KIOSK_PACKAGE_DIR")
    if not value:
        pytest.skip("needs the built packages: `make package-test` builds and tests them")
    folder = Path(value)
    if not folder.is_absolute():
        folder = REPO / folder
    for name in (f"hall-kiosk-{VERSION}_{VERSION}_amd64.deb", f"hall-kiosk_{VERSION}_amd64.deb"):
        assert (folder / name).is_file(), f"{folder / name} missing: run `make package`"
    return folder


@pytest.fixture(scope="session")
def installed_root(package_dir, tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("root")
    for deb in (f"hall-kiosk-{VERSION}_{VERSION}_amd64.deb", f"hall-kiosk_{VERSION}_amd64.deb"):
        subprocess.run(["dpkg-deb", "-x", str(package_dir / deb), str(root)], check=True)
    helpers.run_update(root, "activate", "--if-none", "--no-restart", VERSION)
    return root


@pytest.fixture(scope="session")
def tls_platform(tmp_path_factory):
    """The reference platform on 127.0.0.1 behind TLS with a throwaway CA (the kiosk refuses
    http outside --demo): url, ca (PEM path), key (its command-signing key, which the
    province gives the technician for `kiosk provision --expect-key`), admin headers."""
    from reference_platform.server import PlatformServer
    certs = local_module(str(REPO / "tests" / "sync" / "conftest.py"), "certs")
    folder = tmp_path_factory.mktemp("platform")
    ca = certs.TestCA()
    cert, key = ca.issue(folder, "platform", server=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = PlatformServer(folder / "platform.sqlite3", admin_token="package-test-admin")
    server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    server.start()
    url = f"https://127.0.0.1:{server.port}"
    yield SimpleNamespace(url=url, ca=ca.write(folder / "ca.pem"), key=server.signing_public_key,
                          admin={"X-Admin-Token": "package-test-admin"}, ca_obj=ca, folder=folder)
    server.stop()