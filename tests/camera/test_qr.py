"""QR decoding with zxing-cpp: our own receipts' codes, photographed tilted, small and with glare."""
from __future__ import annotations

import cv2
import numpy as np
import pytest

from devices.camera import qr
from devices.virtual.camera_twin import DEFAULT_RECEIPT_CODE, glare, qr_image, qr_scene_image, tilt

CASE_URL = "https://zwfw.shifan.example/cx?case=SL-990100-20261122-000123"


@pytest.fixture(scope="module")
def printed_receipt_png():
    """A submission receipt as our receipt layout prints it, rendered by the virtual ESC/POS
    printer from the exact bytes the kiosk sends (native GS ( k QR)."""
    from devices.virtual.escpos_printer import Parser, VirtualEscposPrinter
    from printing.receipts import submission_receipt
    data = submission_receipt("示范市政务服务中心", "SL-990100-20261122-000123", "居民身份证换领",
                              "张*", ["居民身份证"], "7个工作日", CASE_URL, "KIOSK-DEMO-0001")
    printer = VirtualEscposPrinter(tcp=False)
    Parser(printer).feed(data)
    (receipt,) = printer.wait_receipts(1)
    assert receipt.qr_payloads == [CASE_URL]
    return cv2.imdecode(np.frombuffer(receipt.png, np.uint8), cv2.IMREAD_GRAYSCALE)


def photographed(paper: np.ndarray, angle: float, skew: float, scale: float, glare_at=None,
                 strength: float = 0.0) -> np.ndarray:
    frame = tilt(cv2.cvtColor(paper, cv2.COLOR_GRAY2BGR), (640, 480), angle, skew, scale=scale)
    if glare_at is not None:
        frame = glare(frame, glare_at, 40, strength)
    return frame


def test_reads_the_code_on_our_printed_receipt(printed_receipt_png):
    h = printed_receipt_png.shape[0]
    bottom = printed_receipt_png[max(0, h - 700):]          # the camera sees the QR end of the slip
    frame = photographed(bottom, angle=18, skew=0.25, scale=0.55, glare_at=(330, 250), strength=0.7)
    assert qr.decode_first(frame) == CASE_URL


@pytest.mark.parametrize("angle, skew, scale, strength", [
    (0, 0.0, 1.0, 0.0),        # clean
    (35, 0.3, 1.0, 0.0),       # tilted and foreshortened
    (-50, 0.35, 0.6, 0.0),     # steep and small
    (10, 0.1, 0.4, 0.0),       # far away: modules of ~1.2 px
    (20, 0.2, 1.0, 0.9),       # strong glare over the code
    (60, 0.4, 1.2, 0.95),      # both
])
def test_receipt_code_survives_size_tilt_and_glare(angle, skew, scale, strength):
    paper = cv2.copyMakeBorder(qr_image(DEFAULT_RECEIPT_CODE, scale=3), 20, 20, 20, 20,
                               cv2.BORDER_CONSTANT, value=245)
    frame = photographed(paper, angle, skew, scale, glare_at=(330, 230), strength=strength)
    codes = qr.decode(frame)
    assert [c.text for c in codes] == [DEFAULT_RECEIPT_CODE]
    assert codes[0].format == "QRCode" and len(codes[0].corners) == 4


def test_glare_and_tiny_codes_need_the_retry_passes():
    """Each retry pass earns its place: without it these frames read nothing."""
    paper = cv2.copyMakeBorder(qr_image(DEFAULT_RECEIPT_CODE, scale=3), 20, 20, 20, 20,
                               cv2.BORDER_CONSTANT, value=245)
    glared = photographed(paper, 60, 0.4, 1.2, glare_at=(330, 230), strength=0.95)
    assert qr.decode(glared)[0].attempt == "contrast"
    tiny = photographed(paper, 10, 0.1, 0.4)
    assert qr.decode(tiny)[0].attempt == "enlarged"


def test_chinese_payload_and_micro_qr():
    import segno
    text = "亮证:990100:示范市政务服务中心"
    assert qr.decode_first(qr_image(text)) == text
    micro = segno.make_micro("A123")
    big = np.kron(1 - np.array(micro.matrix, np.uint8), np.ones((10, 10), np.uint8)) * 255
    big = cv2.copyMakeBorder(big, 40, 40, 40, 40, cv2.BORDER_CONSTANT, value=255)
    codes = qr.decode(big)
    assert codes[0].text == "A123" and codes[0].format == "MicroQRCode"


def test_virtual_qr_scene_and_frames_without_a_code():
    assert qr.decode_first(qr_scene_image()) == DEFAULT_RECEIPT_CODE
    assert qr.decode(np.full((480, 640, 3), 200, np.uint8)) == []
