"""Document capture (高拍仪): find the page in a frame, flatten it, deskew, even out the lighting,
encode JPEG at the configured dpi, and bind several pages into one PDF.

Pages are citizens' application materials: they are kept as in-memory bytearrays that wipe() zeroes,
and leave the kiosk only through the application flow.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any, Mapping

import cv2
import numpy as np

A4_MM = (210.0, 297.0)


@dataclass(frozen=True)
class PageSettings:
    dpi: int = 200
    jpeg_quality: int = 85
    paper_mm: tuple[float, float] = A4_MM

    @classmethod
    def from_config(cls, section: Mapping[str, Any]) -> "PageSettings":
        return cls(dpi=section["dpi"], jpeg_quality=section["jpeg_quality"])

    def page_pixels(self, landscape: bool) -> tuple[int, int]:
        w_mm, h_mm = self.paper_mm
        if landscape:
            w_mm, h_mm = h_mm, w_mm
        return round(w_mm / 25.4 * self.dpi), round(h_mm / 25.4 * self.dpi)


@dataclass
class Page:
    jpeg: bytearray                 # the processed page, JFIF with the dpi set
    size: tuple[int, int]           # (width, height) in pixels
    dpi: int
    found_outline: bool             # False: no page edge found, the whole frame was used
    skew_deg: float                 # residual rotation removed after flattening
    thumbnail: bytearray = field(default_factory=bytearray)   # small JPEG for the preview strip

    def wipe(self) -> None:
        for buffer in (self.jpeg, self.thumbnail):
            buffer[:] = b"\0" * len(buffer)
        self.jpeg, self.thumbnail = bytearray(), bytearray()


def order_corners(points: np.ndarray) -> np.ndarray:
    """Top-left, top-right, bottom-right, bottom-left."""
    points = points.reshape(4, 2).astype(np.float32)
    sums = points.sum(axis=1)
    diffs = np.diff(points, axis=1).ravel()
    return np.float32([points[np.argmin(sums)], points[np.argmin(diffs)],
                       points[np.argmax(sums)], points[np.argmax(diffs)]])


def find_page(frame: np.ndarray, min_area: float = 0.15) -> np.ndarray | None:
    """The page's four corners (ordered), or None when no page-sized bright quadrilateral shows.

    Paper is the brightest large region under a document camera, so Otsu separates it from the desk
    even under an uneven lamp; a polygon fit on its outline gives the corners.
    """
    grey = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY) if frame.ndim == 3 else frame
    blur = cv2.GaussianBlur(grey, (5, 5), 0)
    _, mask = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    outline = max(contours, key=cv2.contourArea)
    frame_area = grey.shape[0] * grey.shape[1]
    area = cv2.contourArea(outline)
    if area < min_area * frame_area or area > 0.97 * frame_area:
        return None                      # nothing page-sized, or no desk around it to tell by
    inside = np.zeros_like(mask)
    cv2.drawContours(inside, [outline], -1, 255, -1)
    if cv2.mean(grey, inside)[0] - cv2.mean(grey, cv2.bitwise_not(inside))[0] < 25:
        return None                      # Otsu split a plain scene, not paper on a desk
    hull = cv2.convexHull(outline)
    perimeter = cv2.arcLength(hull, True)
    for eps in (0.02, 0.03, 0.05):
        poly = cv2.approxPolyDP(hull, eps * perimeter, True)
        if len(poly) == 4:
            return order_corners(poly)
    return order_corners(cv2.boxPoints(cv2.minAreaRect(outline)))


def flatten(frame: np.ndarray, corners: np.ndarray, settings: PageSettings) -> np.ndarray:
    """Perspective-correct the page to paper proportions at the configured dpi."""
    tl, tr, br, bl = corners
    width = (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2
    height = (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2
    out_w, out_h = settings.page_pixels(landscape=width > height)
    target = np.float32([[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]])
    matrix = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    return cv2.warpPerspective(frame, matrix, (out_w, out_h), flags=cv2.INTER_CUBIC,
                               borderMode=cv2.BORDER_REPLICATE)


def estimate_skew(image: np.ndarray, limit: float = 10.0) -> float:
    """Text-line angle in degrees (positive = counter-clockwise), from the projection profile:
    rows of text give the sharpest profile when the page is level."""
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    small = cv2.resize(grey, (400, max(1, int(400 * grey.shape[0] / grey.shape[1]))),
                       interpolation=cv2.INTER_AREA)
    ink = cv2.adaptiveThreshold(small, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    if ink.mean() < 1.0:
        return 0.0
    centre = (ink.shape[1] / 2, ink.shape[0] / 2)

    def sharpness(angle: float) -> float:
        rotated = cv2.warpAffine(ink, cv2.getRotationMatrix2D(centre, angle, 1.0),
                                 (ink.shape[1], ink.shape[0]))
        return float(np.var(rotated.sum(axis=1, dtype=np.float64)))

    coarse = max(np.arange(-limit, limit + 0.01, 1.0), key=sharpness)
    fine = max(np.arange(coarse - 1, coarse + 1.01, 0.2), key=sharpness)
    return float(fine)


def rotate(image: np.ndarray, angle: float) -> np.ndarray:
    if abs(angle) < 0.1:
        return image
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def even_lighting(image: np.ndarray) -> np.ndarray:
    """Divide out the lamp: estimate the paper's brightness (ink removed by a large closing) per
    channel, scale it to white. Colours such as a red seal keep their hue."""
    # the lamp varies slowly: estimate it on a quarter-size copy (16x less work), then enlarge
    h, w = image.shape[:2]
    small = cv2.resize(image, (max(1, w // 4), max(1, h // 4)), interpolation=cv2.INTER_AREA)
    k = max(5, (min(small.shape[:2]) // 20) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k))
    background = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    background = cv2.GaussianBlur(background, (0, 0), k / 2)
    background = cv2.resize(background, (w, h), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    flat = image.astype(np.float32) / np.maximum(background, 1.0) * 245.0
    return np.clip(flat, 0, 255).astype(np.uint8)


def encode_jpeg(image: np.ndarray, quality: int, dpi: int) -> bytearray:
    """JPEG with the JFIF density set, so viewers and printers size the page correctly."""
    ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("JPEG encoding failed")
    out = bytearray(data.tobytes())
    if out[6:11] == b"JFIF\0":
        out[13] = 1                                  # units: dots per inch
        out[14:16] = dpi.to_bytes(2, "big")
        out[16:18] = dpi.to_bytes(2, "big")
    return out


def jpeg_dpi(data: bytes | bytearray) -> int | None:
    if data[6:11] == b"JFIF\0" and data[13] == 1:
        return int.from_bytes(data[14:16], "big")
    return None


def process_page(frame: np.ndarray, settings: PageSettings) -> Page:
    """A camera frame in, a clean page out."""
    corners = find_page(frame)
    if corners is not None:
        page = flatten(frame, corners, settings)
    else:
        h, w = frame.shape[:2]
        page = flatten(frame, np.float32([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]]), settings)
    skew = estimate_skew(page)
    page = even_lighting(rotate(page, skew))
    thumb_w = 160
    thumb = cv2.resize(page, (thumb_w, int(thumb_w * page.shape[0] / page.shape[1])),
                       interpolation=cv2.INTER_AREA)
    return Page(encode_jpeg(page, settings.jpeg_quality, settings.dpi),
                (page.shape[1], page.shape[0]), settings.dpi, corners is not None, skew,
                encode_jpeg(thumb, 80, 72))


def pages_to_pdf(pages: list[Page], title: str = "Application materials") -> bytes:
    """One PDF, one page per captured page, each sized from its pixels and dpi."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, invariant=1)
    pdf.setTitle(title)
    pdf.setCreator("hall kiosk document capture")
    for page in pages:
        w_pt = page.size[0] / page.dpi * 72.0
        h_pt = page.size[1] / page.dpi * 72.0
        pdf.setPageSize((w_pt, h_pt))
        pdf.drawImage(ImageReader(io.BytesIO(bytes(page.jpeg))), 0, 0, w_pt, h_pt)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


class DocumentBatch:
    """The pages of one application, in order; retake replaces a page in place."""

    def __init__(self, settings: PageSettings):
        self.settings = settings
        self.pages: list[Page] = []

    def add(self, frame: np.ndarray) -> Page:
        page = process_page(frame, self.settings)
        self.pages.append(page)
        return page

    def retake(self, index: int, frame: np.ndarray) -> Page:
        page = process_page(frame, self.settings)
        self.pages[index].wipe()
        self.pages[index] = page
        return page

    def remove(self, index: int) -> None:
        self.pages.pop(index).wipe()

    def pdf(self) -> bytes:
        if not self.pages:
            raise ValueError("no pages captured")
        return pages_to_pdf(self.pages)

    def wipe(self) -> None:
        for page in self.pages:
            page.wipe()
        self.pages = []
