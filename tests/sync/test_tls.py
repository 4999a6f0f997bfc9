"""TLS to the platform as the wiring configures it ([platform] ca_bundle, client_cert/key):
a certificate the kiosk does not trust, or a missing client certificate, stops delivery without
losing anything; the right configuration then delivers."""
from __future__ import annotations

import requests

from kiosk import config
from kiosk.platform_settings import client_settings
from sync.client import PlatformClient
from sync.clock import ClockSkew
from sync.credential import provision


def kiosk_cfg(tmp_path, url, **platform):
    lines = [f'url = "{url}"', "connect_timeout_s = 1.0", "read_timeout_s = 3.0"]
    lines += [f'{k} = "{v}"' for k, v in platform.items()]
    path = tmp_path / "config.toml"
    path.write_text('[kiosk]\nid = "KIOSK-TEST-0001"\ndata_dir = "data"\n[platform]\n'
                    + "\n".join(lines) + "\n", encoding="utf-8")
    return config.load(path)


def make_client(cfg, url, credential, skew):
    """The client as the platform wiring builds it: settings from [platform], the credential,
    the clock-skew hook."""
    return PlatformClient(client_settings(cfg, url, demo=url.startswith("http:")),
                          credential=credential,
                          response_hooks=(skew.response_hook,))


def enroll_over_tls(url, ca, cfg, admin_headers, cert=None):
    token = requests.post(url + "/api/v1/admin/enrollment", verify=str(ca), cert=cert,
                          headers=admin_headers, timeout=5).json()["enrollment_token"]
    client = make_client(cfg, url, None, ClockSkew())
    return provision(client, url, "KIOSK-TEST-0001", token, cfg.data_path("credential.json"))


def test_untrusted_certificate_is_a_tls_failure_and_loses_nothing(tls_platform, tmp_path,
                                                                   make_outbox, make_worker,
                                                                   admin_headers):
    url, _ = tls_platform.start()
    good = kiosk_cfg(tmp_path, url, ca_bundle=tls_platform.ca)
    credential = enroll_over_tls(url, tls_platform.ca, good, admin_headers)
    box = make_outbox()
    keys = [box.enqueue("evaluation", {"n": i}).key for i in range(5)]

    wrong = kiosk_cfg(tmp_path, url, ca_bundle=tls_platform.other_ca)
    worker = make_worker(box, make_client(wrong, url, credential, ClockSkew()))
    result = worker.drain()
    assert result.error == "platform_tls" and worker.status().online is False
    assert box.stats().depth == 5

    system_trust = kiosk_cfg(tmp_path, url)        # '' = the system store: does not know our CA
    worker = make_worker(box, make_client(system_trust, url, credential, ClockSkew()))
    assert worker.flush().error == "platform_tls"

    worker = make_worker(box, make_client(good, url, credential, ClockSkew()))
    assert worker.flush().sent == 5
    got = requests.get(url + "/api/v1/admin/received", params={"include": "records"},
                       headers=admin_headers, verify=str(tls_platform.ca), timeout=5).json()
    assert sorted(r["key"] for r in got["records"]) == sorted(keys)


def test_mutual_tls_needs_the_configured_client_certificate(tls_platform, tmp_path, make_outbox,
                                                             make_worker, admin_headers):
    url, _ = tls_platform.start(require_client_cert=True)
    cert, key = tls_platform.client
    mtls = kiosk_cfg(tmp_path, url, ca_bundle=tls_platform.ca, client_cert=cert, client_key=key)
    credential = enroll_over_tls(url, tls_platform.ca, mtls, admin_headers,
                                 cert=(str(cert), str(key)))
    box = make_outbox()
    box.enqueue("evaluation", {"n": 1})
    no_cert = kiosk_cfg(tmp_path, url, ca_bundle=tls_platform.ca)
    worker = make_worker(box, make_client(no_cert, url, credential, ClockSkew()))
    assert worker.drain().error in ("platform_tls", "platform_connection_reset")
    assert box.stats().depth == 1
    worker = make_worker(box, make_client(mtls, url, credential, ClockSkew()))
    assert worker.flush().sent == 1


def test_clock_skew_is_measured_from_the_date_header(live_platform, tmp_path):
    alerts = []
    skew = ClockSkew(threshold_s=120, alert=lambda code, message, details: alerts.append(code),
                     clock=lambda: __import__("time").time() - 600)   # kiosk 10 minutes behind
    cfg = kiosk_cfg(tmp_path, live_platform.url)
    client = make_client(cfg, live_platform.url, None, skew)
    client.send("GET", "/api/v1/admin/faults")
    assert 595 < skew.skew_s < 605 and skew.skewed
    assert alerts == ["clock_skew"]


def test_configured_proxy_carries_the_deliveries(live_platform, fault_proxy, tmp_path, credential,
                                                 make_outbox, make_worker, admin_of):
    """[platform] proxy: requests go to the proxy (absolute-URI requests, relayed by the loopback
    proxy); nothing goes direct. A proxy that resets mid-answer is a connection failure."""
    cfg = kiosk_cfg(tmp_path, live_platform.url, proxy=fault_proxy.url)
    box = make_outbox()
    keys = [box.enqueue("telemetry", {"n": i}).key for i in range(3)]
    worker = make_worker(box, make_client(cfg, live_platform.url, credential, ClockSkew()))
    fault_proxy.mode = "reset_response"
    assert worker.drain().error == "platform_connection_reset" and fault_proxy.resets == 1
    fault_proxy.mode = "pass"
    assert worker.flush().sent == 3
    assert fault_proxy.connections >= 2
    got = admin_of(live_platform.url).received(include="records")
    assert sorted(r["key"] for r in got["records"]) == sorted(keys)
