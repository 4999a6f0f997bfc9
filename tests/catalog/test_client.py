"""The platform client: its settings from [platform] (timeouts, TLS, proxy), JSON calls and typed
errors classified in one place."""
from __future__ import annotations

import ssl

import pytest

from kiosk.config import ConfigError
from kiosk.platform_settings import client_settings
from sync.client import (ClientSettings, ClientSettingsError, PlatformClient, PlatformError,
                         PlatformUnavailable, classify_status)
from reference_platform.server import PlatformServer

from .conftest import free_port, kiosk_config


def test_json_calls_against_the_platform(platform, client_for):
    client = client_for(platform.url, credential=platform.kiosk_credential())
    status, data, etag = client.get_json("/api/v1/catalog")
    assert status == 200 and etag == f'"{data["revision"]}"'
    assert client.get_json("/api/v1/catalog", etag=etag) == (304, None, etag)
    status, item, _ = client.get_json("/api/v1/catalog/items/XK00101001")
    assert status == 200 and item["name"].startswith("户口迁移")


def test_4xx_is_a_platform_error_with_a_stable_code(platform, client_for):
    client = client_for(platform.url, credential=platform.kiosk_credential())
    with pytest.raises(PlatformError) as err:
        client.get_json("/api/v1/catalog/items/NOPE")
    assert err.value.code == "platform_not_found" and err.value.status == 404
    assert "NOPE" in str(err.value)
    with pytest.raises(PlatformError) as err:
        client.post_json("/api/v1/catalog", {"x": 1})
    assert err.value.code == "platform_rejected" and err.value.status == 405


def test_platform_down_is_unavailable(client_for):
    client = client_for(f"http://127.0.0.1:{free_port()}")
    with pytest.raises(PlatformUnavailable) as err:
        client.get_json("/api/v1/catalog")
    assert err.value.code == "platform_unreachable"


@pytest.mark.parametrize("status, code", [(500, "platform_server_error"), (502, "platform_unreachable"),
                                          (503, "platform_busy"), (429, "platform_busy"),
                                          (504, "platform_timeout"), (408, "platform_timeout")])
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
    assert err.value.code == "platform_bad_response"


def test_read_timeout_from_config(stub_server, tmp_path):
    server = stub_server(hang=True)
    cfg = kiosk_config(tmp_path, read_timeout_s=1.0, connect_timeout_s=0.5)
    client = PlatformClient(client_settings(cfg, server.url, demo=True))
    assert client.timeout == (0.5, 1.0)
    with pytest.raises(PlatformUnavailable) as err:
        client.get_json("/api/v1/catalog")
    assert err.value.code == "platform_timeout"
    client.close()


def test_one_session_carries_credential_and_clock_hook(stub_server, cfg):
    server = stub_server()
    hooked = []
    credential = type("Cred", (), {"auth_header": lambda self: {"Authorization": "Bearer t0k"}})()
    skew = type("Skew", (), {"response_hook": lambda self, r, *a, **k: hooked.append(r.status_code)})()
    client = PlatformClient(client_settings(cfg, server.url, demo=True), credential=credential,
                            response_hooks=(skew.response_hook,))
    client.get_json("/a")
    client.post_json("/b", {"n": 1})
    client.use_credential(None)
    client.get_bytes("/c")
    assert [h.get("authorization") for h in server.seen] == ["Bearer t0k", "Bearer t0k", None]
    assert hooked == [200, 200, 200]
    with pytest.raises(TypeError, match="the settings decide"):
        client.send("GET", "/d", verify=False)
    with pytest.raises(PlatformUnavailable, match="outside the platform"):
        client.get_bytes("https://elsewhere.example/seal.png")
    client.close()


def test_config_rules(tmp_path):
    """[platform] becomes ClientSettings in kiosk; problems are ConfigErrors naming the key."""
    def settings(url="https://p.example", demo=False, **platform):
        return client_settings(kiosk_config(tmp_path, **platform), url, demo=demo)
    with pytest.raises(ConfigError, match="verify_tls = false: only allowed with --demo"):
        settings(verify_tls=False)
    demo = PlatformClient(settings(verify_tls=False, demo=True))
    assert demo.session.verify is False
    with pytest.raises(ConfigError, match="embedded"):
        client_settings(kiosk_config(tmp_path))
    with pytest.raises(ConfigError, match=r"ca_bundle = 'missing.pem'.*does not exist"):
        settings(ca_bundle="missing.pem")
    with pytest.raises(ConfigError, match="client_key is set but client_cert is empty"):
        settings(client_key="k.pem")
    with pytest.raises(ConfigError, match=r"\[platform\] url = 'ftp://p.example': must be an http"):
        settings("ftp://p.example")
    with pytest.raises(ConfigError, match=r"\[platform\] proxy = 'socks4://x': must be"):
        settings(proxy="socks4://x")
    proxied = PlatformClient(settings(proxy="http://10.0.0.1:3128"))
    assert proxied.session.proxies == {"http": "http://10.0.0.1:3128",
                                       "https": "http://10.0.0.1:3128"}
    assert proxied.session.trust_env is False


def test_settings_check_themselves_without_the_app_config():
    with pytest.raises(ClientSettingsError, match="must be an http"):
        ClientSettings("p.example")
    with pytest.raises(ClientSettingsError, match="client_key"):
        ClientSettings("https://p.example", client_key="/k.pem")
    assert ClientSettings("https://p", client_cert="/c.pem", client_key="/k.pem").cert == \
        ("/c.pem", "/k.pem")
    assert ClientSettings("https://p", client_cert="/both.pem").cert == "/both.pem"


@pytest.mark.parametrize("status, code", [(200, None), (304, None), (400, "platform_bad_request"),
                                          (401, "platform_unauthorized"),
                                          (403, "platform_forbidden"), (409, "platform_conflict"),
                                          (418, "platform_rejected"), (501, "platform_server_error")])
def test_one_classification_of_statuses(status, code):
    assert classify_status(status) == code


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
    good = PlatformClient(client_settings(kiosk_config(
        tmp_path, ca_bundle=str(tls_platform.ca), client_cert=str(tls_platform.cert),
        client_key=str(tls_platform.key)), url))
    assert good.get_json("/api/v1/health")[0] == 200
    no_cert = PlatformClient(client_settings(kiosk_config(tmp_path, ca_bundle=str(tls_platform.ca)),
                                             url))
    with pytest.raises(PlatformUnavailable) as err:
        no_cert.get_json("/api/v1/health")
    assert err.value.code in ("platform_tls", "platform_connection_reset")
    good.close()
    no_cert.close()


def test_tls_with_an_unknown_ca_is_refused(tls_platform, tmp_path):
    url = tls_platform.start()
    client = PlatformClient(client_settings(kiosk_config(tmp_path), url))   # system CAs only
    with pytest.raises(PlatformUnavailable) as err:
        client.get_json("/api/v1/health")
    assert err.value.code == "platform_tls"
    # the raw layer classifies the same way: no requests exception leaves the client
    with pytest.raises(PlatformUnavailable) as err:
        client.send("GET", "/api/v1/health")
    assert err.value.code == "platform_tls"
    client.close()


def test_the_session_keeps_no_cookies(cfg):
    """One session serves every citizen: what the platform set for one must not go with the next."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    import threading
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(self.headers.get("Cookie"))
            self.send_response(200)
            self.send_header("Set-Cookie", "session=citizen-a; Path=/")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with PlatformClient(client_settings(cfg, f"http://127.0.0.1:{httpd.server_address[1]}", demo=True)) \
                as client:
            client.get_json("/a")
            client.get_json("/b")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert seen == [None, None]
