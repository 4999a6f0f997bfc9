"""The platform client: configuration (timeouts, TLS, proxy), JSON calls and typed errors."""
from __future__ import annotations

import ssl

import pytest
import requests

from kiosk.config import ConfigError
from sync.client import PlatformClient, PlatformError, PlatformUnavailable
from reference_platform.server import PlatformServer

from .conftest import free_port, kiosk_config


def test_json_calls_against_the_platform(platform, client_for):
    client = client_for(platform.url)
    status, data, etag = client.get_json("/api/v1/catalog")
    assert status == 200 and etag == f'"{data["revision"]}"'
    assert client.get_json("/api/v1/catalog", etag=etag) == (304, None, etag)
    status, item, _ = client.get_json("/api/v1/catalog/items/XK00101001")
    assert status == 200 and item["name"].startswith("户口迁移")


def test_4xx_is_a_platform_error_with_a_stable_code(platform, client_for):
    client = client_for(platform.url)
    with pytest.raises(PlatformError) as err:
        client.get_json("/api/v1/catalog/items/NOPE")
    assert err.value.code == "platform.not_found" and err.value.status == 404
    assert "NOPE" in str(err.value)
    with pytest.raises(PlatformError) as err:
        client.post_json("/api/v1/catalog", {"x": 1})
    assert err.value.code == "platform.rejected" and err.value.status == 405


def test_platform_down_is_unavailable(client_for):
    client = client_for(f"http://127.0.0.1:{free_port()}")
    with pytest.raises(PlatformUnavailable) as err:
        client.get_json("/api/v1/catalog")
    assert err.value.code == "platform.unreachable"


@pytest.mark.parametrize("status, code", [(500, "platform.server_error"), (502, "platform.server_error"),
                                          (503, "platform.busy"), (429, "platform.busy")])
def test_server_failures_are_unavailable(stub_server, client_for, status, code):
    server = stub_server(status=status, body=b'{"error": "database locked"}')
    with pytest.raises(PlatformUnavailable) as err:
        client_for(server.url).get_json("/api/v1/catalog")
    assert err.value.code == code and err.value.status == status
    assert "database locked" in str(err.value)


def test_an_answer_that_is_not_json_is_unavailable(stub_server, client_for):
    server = stub_server(body=b"<html>proxy login</html>", content_type="text/html")
    with pytest.raises(PlatformUnavailable) as err:
        client_for(server.url).get_json("/api/v1/catalog")
    assert err.value.code == "platform.bad_response"


def test_read_timeout_from_config(stub_server, tmp_path):
    server = stub_server(hang=True)
    cfg = kiosk_config(tmp_path, read_timeout_s=1.0, connect_timeout_s=0.5)
    client = PlatformClient.from_config(cfg, server.url)
    assert client.timeout == (0.5, 1.0)
    with pytest.raises(PlatformUnavailable) as err:
        client.get_json("/api/v1/catalog")
    assert err.value.code == "platform.timeout"
    client.close()


def test_one_session_carries_credential_and_clock_hook(stub_server, cfg):
    server = stub_server()
    hooked = []
    credential = type("Cred", (), {"auth_header": lambda self: {"Authorization": "Bearer t0k"}})()
    skew = type("Skew", (), {"response_hook": lambda self, r, *a, **k: hooked.append(r.status_code)})()
    client = PlatformClient.from_config(cfg, server.url, credential=credential, clock_skew=skew)
    client.get_json("/a")
    client.post_json("/b", {"n": 1})
    assert [h["authorization"] for h in server.seen] == ["Bearer t0k"] * 2
    assert hooked == [200, 200]
    client.close()


def test_config_rules(tmp_path):
    with pytest.raises(ConfigError, match="verify_tls = false: only allowed with --demo"):
        PlatformClient.from_config(kiosk_config(tmp_path, verify_tls=False), "https://p.example")
    demo = PlatformClient.from_config(kiosk_config(tmp_path, verify_tls=False),
                                      "https://p.example", demo=True)
    assert demo.session.verify is False
    with pytest.raises(ConfigError, match="embedded"):
        PlatformClient.from_config(kiosk_config(tmp_path))
    with pytest.raises(ConfigError, match=r"ca_bundle = 'missing.pem'.*does not exist"):
        PlatformClient.from_config(kiosk_config(tmp_path, ca_bundle="missing.pem"), "https://p.example")
    with pytest.raises(ConfigError, match="client_key is set but client_cert is empty"):
        PlatformClient.from_config(kiosk_config(tmp_path, client_key="k.pem"), "https://p.example")
    with pytest.raises(ConfigError, match="must be an http"):
        PlatformClient.from_config(kiosk_config(tmp_path), "ftp://p.example")
    proxied = PlatformClient.from_config(kiosk_config(tmp_path, proxy="http://10.0.0.1:3128"),
                                         "https://p.example")
    assert proxied.session.proxies == {"http": "http://10.0.0.1:3128",
                                       "https": "http://10.0.0.1:3128"}
    assert proxied.session.trust_env is False


@pytest.fixture
def tls_platform(tmp_path, test_ca):
    """The reference platform behind real TLS with a throwaway CA; can demand a client cert."""
    ca = test_ca.TestCA()
    server_cert, server_key = ca.issue(tmp_path, "platform", server=True)
    client_cert, client_key = ca.issue(tmp_path, "kiosk", server=False)
    ca_path = ca.write(tmp_path / "ca.pem")
    servers = []

    def start(require_client_cert: bool = False) -> str:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(server_cert, server_key)
        if require_client_cert:
            context.verify_mode = ssl.CERT_REQUIRED
            context.load_verify_locations(ca_path)
        server = PlatformServer(tmp_path / "platform.sqlite3")
        server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
        servers.append(server.start())
        return f"https://127.0.0.1:{server.port}"

    yield type("TLS", (), {"start": staticmethod(start), "ca": ca_path,
                           "cert": client_cert, "key": client_key})
    for server in servers:
        server.stop()


def test_tls_with_the_configured_ca_and_client_certificate(tls_platform, tmp_path):
    url = tls_platform.start(require_client_cert=True)
    good = PlatformClient.from_config(kiosk_config(
        tmp_path, ca_bundle=str(tls_platform.ca), client_cert=str(tls_platform.cert),
        client_key=str(tls_platform.key)), url)
    assert good.get_json("/api/v1/health")[0] == 200
    no_cert = PlatformClient.from_config(kiosk_config(tmp_path, ca_bundle=str(tls_platform.ca)), url)
    with pytest.raises(PlatformUnavailable) as err:
        no_cert.get_json("/api/v1/health")
    assert err.value.code in ("platform.tls", "platform.unreachable")
    good.close()
    no_cert.close()


def test_tls_with_an_unknown_ca_is_refused(tls_platform, tmp_path):
    url = tls_platform.start()
    client = PlatformClient.from_config(kiosk_config(tmp_path), url)   # system CAs only
    with pytest.raises(PlatformUnavailable) as err:
        client.get_json("/api/v1/health")
    assert err.value.code == "platform.tls"
    # the raw layer leaves requests' own exceptions to callers with their own policy
    with pytest.raises(requests.exceptions.SSLError):
        client.get("/api/v1/health")
    client.close()
