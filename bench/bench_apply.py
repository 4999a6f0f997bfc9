"""A 10-page application (自助申报) through the flow, no Qt: each page from the document camera's
frame to an accepted page (find the page, flatten, deskew, even the light, JPEG, then the flow's
sharpness and framing check), the submission sealed into the outbox (one durable record), and its
delivery to the reference platform on 127.0.0.1 (throughput of the upload), then the case opened.

Frames are the virtual document camera's scene images (a page laid on a desk at an angle).
"""
from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

PAGES = 10
RUNS = 3
ITEM = "1199010006GG00602002"          # housing fund withdrawal for rent: one material scanned
MATERIAL = "住房租赁备案证明或承诺书"


class Credential:
    def __init__(self, secret: str):
        self.secret = secret

    def auth_header(self) -> dict:
        return {"Authorization": "Bearer " + self.secret}


def one_run(directory: Path, frames: list, settings) -> dict:
    import requests

    from devices.camera.document import process_page
    from devices.idcard.gb11643 import complete
    from kiosk.flows.apply import ApplyFlow
    from kiosk.flows.apply_platform import ApplyClient
    from kiosk.session import Identity
    from reference_platform.server import PlatformServer
    from sync.client import ClientSettings, PlatformClient
    from sync.crypto import PayloadCipher, load_or_create_key
    from sync.delivery import DeliveryWorker
    from sync.outbox import Outbox

    server = PlatformServer(directory / "platform.sqlite3").start()
    try:
        secret = requests.post(server.url + "/api/v1/kiosks/provision", timeout=10, json={
            "kiosk_id": "BENCH-APPLY", "enrollment_token": server.demo_enrollment_token,
        }).json()["credential"]
        client = PlatformClient(ClientSettings(server.url), credential=Credential(secret))
        box = Outbox(directory / "outbox.sqlite3",
                     PayloadCipher(load_or_create_key(directory / "outbox.key")))
        who = Identity("idcard", "张三", complete("99010219800501123"), {})
        apply = ApplyClient(client)
        flow = ApplyFlow(ITEM, apply, box, lambda: who, kiosk_id="BENCH-APPLY")
        times: dict[str, float] = {}
        # the taps the screens ask for (keys typed on the keyboard counted apart); identifying
        # with the card is measured in bench_journeys' ID card journeys, not again here
        touches = ["home: Apply", "items: the item", "identify: Resident ID card",
                   "ID card: Yes, this is me"]
        keys = 0
        started = time.perf_counter()
        flow.load()
        times["form and pre-fill from the platform"] = time.perf_counter() - started
        flow.set_field("lease_registered", "yes")
        touches.append("form: Registered")
        for name, value in (("lease_number", "20261234"), ("lease_start", "2026-03-01")):
            touches.append(f"form: the {name} box")
            keys += len(value)
            flow.set_field(name, value)
        touches.append("form: Next: materials")
        assert flow.form_done(), flow.form.problems
        touches.append("materials: Scan")
        per_page = []
        for frame in frames:
            started = time.perf_counter()
            page = process_page(frame, settings)
            problem = flow.add_page(MATERIAL, bytes(page.jpeg), page.found_outline)
            per_page.append(time.perf_counter() - started)
            touches.append("camera: Take picture")
            assert problem is None, problem
        times["scan: frame to accepted page (median)"] = statistics.median(per_page)
        touches += ["camera: Done", "materials: Next"]
        assert flow.materials_done(), flow.code
        touches.append("review: Submit")
        size = flow.materials_bytes()
        started = time.perf_counter()
        flow.submit(online=True)
        times["submission sealed in the outbox"] = time.perf_counter() - started
        assert flow.step == "submitted", flow.code
        worker = DeliveryWorker(box, client, batch_size=50, ordered_kinds=("submission",))
        started = time.perf_counter()
        result = worker.drain(ignore_backoff=True)
        upload = time.perf_counter() - started
        assert result.sent == 1 and result.remaining == 0, result
        times["delivered to the platform"] = upload
        started = time.perf_counter()
        assert flow.case_number(apply), "no case opened"
        times["case number from the platform"] = time.perf_counter() - started
        box.close()
        client.close()
        return {"times": times, "bytes": size, "upload_s": upload, "touches": touches,
                "keys": keys}
    finally:
        server.stop()


def main() -> None:
    from devices.camera.document import PageSettings
    from devices.virtual import camera_twin
    from kiosk import config
    settings = PageSettings.from_config(config.defaults().document_capture)
    frames = [camera_twin.document_scene_image(i % 3 + 1) for i in range(PAGES)]
    runs = []
    for _ in range(RUNS):
        with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
            runs.append(one_run(Path(tmp), frames, settings))
    print(f"a {PAGES}-page application, {RUNS} runs, medians:")
    for what in runs[0]["times"]:
        value = statistics.median(r["times"][what] for r in runs)
        print(f"  {what:<40} {value:7.3f} s")
    size = runs[0]["bytes"]
    rate = statistics.median(r["bytes"] / r["upload_s"] for r in runs) / 1e6
    print(f"  materials: {size / 1e6:.2f} MB of JPEG pages ({size / PAGES / 1e3:.0f} kB a page), "
          f"uploaded at {rate:.1f} MB/s on loopback (base64 in the sealed record)")
    first = runs[0]
    waited = statistics.median(sum(v for k, v in r["times"].items() if "median" not in k)
                               + sum(r["times"][k] for k in r["times"] if "median" in k) * PAGES
                               for r in runs)
    print(f"  waited in all (form, {PAGES} pages, seal, delivery, case number): {waited:.1f} s")
    print(f"  touches: {len(first['touches'])} with {PAGES} pages "
          f"({len(first['touches']) - PAGES + 1} with one), plus {first['keys']} keys typed "
          f"({'; '.join(dict.fromkeys(first['touches']))})")


if __name__ == "__main__":
    main()
