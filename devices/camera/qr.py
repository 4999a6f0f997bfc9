"""QR codes from camera frames: mobile e-ID (亮证) codes, case receipt codes, appointment codes.

zxing-cpp does the decoding (OpenCV 5's QRCodeDetector missed clean codes here and reads no Micro
QR). Frames from a kiosk scanner are tilted, small or washed out by a glare spot, so when the plain
pass finds nothing the frame is tried again with local contrast restored and then enlarged.
"""
from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp

FORMATS = (zxingcpp.BarcodeFormat.QRCode, zxingcpp.BarcodeFormat.MicroQRCode)


@dataclass(frozen=True)
class QrCode:
    text: str
    format: str                                  # "QRCode" or "MicroQRCode"
    corners: tuple[tuple[int, int], ...]         # in the frame's pixel coordinates
    attempt: str                                 # which pass found it (plain, contrast, enlarged)


def _grey(frame: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY) if frame.ndim == 3 else frame


def _read(image: np.ndarray, attempt: str, scale: float = 1.0) -> list[QrCode]:
    found = []
    for code in zxingcpp.read_barcodes(image, formats=FORMATS):
        pos = code.position
        corners = tuple((int(p.x / scale), int(p.y / scale))
                        for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left))
        found.append(QrCode(code.text, code.format.name, corners, attempt))
    return found


def decode(frame: np.ndarray) -> list[QrCode]:
    """Every QR / Micro QR code in the frame (BGR or grey); [] when there is none."""
    grey = _grey(frame)
    codes = _read(grey, "plain")
    if codes:
        return codes
    # glare flattens the modules under it; CLAHE restores local contrast around the spot
    clahe = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8)).apply(grey)
    codes = _read(clahe, "contrast")
    if codes:
        return codes
    # a code far from the camera has modules of one or two pixels: give the binarizer more
    if max(grey.shape) < 2000:
        big = cv2.resize(clahe, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        codes = _read(big, "enlarged", scale=2.0)
    return codes


def decode_first(frame: np.ndarray) -> str | None:
    codes = decode(frame)
    return codes[0].text if codes else None
