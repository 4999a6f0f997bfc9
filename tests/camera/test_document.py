"""Document capture: page found, flattened to A4 at the configured dpi, deskewed, evenly lit, JPEG
with the dpi in its header, pages bound into one PDF; retake and wipe."""
from __future__ import annotations

import subprocess

import cv2
import numpy as np
import pytest

from devices.camera import document
from devices.camera.document import DocumentBatch, PageSettings
from devices.virtual.camera_twin import document_page, document_scene_image


@pytest.fixture(scope="module")
def scenes():
    return [document_scene_image(0), document_scene_image(1)]


def test_the_page_outline_is_found(scenes):
    corners = document.find_page(scenes[0])
    assert corners is not None
    tl, tr, br, bl = corners
    assert tl[0] < tr[0] and bl[0] < br[0] and tl[1] < bl[1] and tr[1] < br[1]
    width = np.linalg.norm(tr - tl)
    height = np.linalg.norm(bl - tl)
    assert 1.2 < height / width < 1.6                      # A4-ish, seen slightly foreshortened
    assert document.find_page(np.full((480, 640, 3), 60, np.uint8)) is None


def test_processed_page_is_a4_at_the_configured_dpi(scenes):
    page = document.process_page(scenes[0], PageSettings(dpi=150, jpeg_quality=80))
    assert page.found_outline
    assert page.size == (1240, 1754)                       # 210 x 297 mm at 150 dpi
    assert document.jpeg_dpi(page.jpeg) == 150
    image = cv2.imdecode(np.frombuffer(bytes(page.jpeg), np.uint8), cv2.IMREAD_GRAYSCALE)
    assert image.shape == (1754, 1240)
    # the lamp gradient is gone: the paper margins are evenly white, left to right, top to bottom
    margins = [image[20:60, 20:200].mean(), image[20:60, -200:-20].mean(),
               image[-60:-20, 20:200].mean(), image[-60:-20, -200:-20].mean()]
    assert min(margins) > 225 and max(margins) - min(margins) < 12
    raw_margins = scenes[0][60:80, 200:260].mean(), scenes[0][420:440, 350:420].mean()
    assert abs(raw_margins[0] - raw_margins[1]) > 20       # while the camera saw a gradient


def test_residual_skew_is_measured_and_removed():
    page = cv2.cvtColor(document_page(0), cv2.COLOR_GRAY2BGR)
    for angle in (-5.0, 3.0):
        assert document.estimate_skew(document.rotate(page, angle)) == pytest.approx(-angle, abs=0.5)
    assert abs(document.estimate_skew(page)) < 0.5


def test_batch_retake_pdf_and_wipe(scenes, tmp_path):
    batch = DocumentBatch(PageSettings(dpi=100, jpeg_quality=70))
    batch.add(scenes[0])
    batch.add(scenes[0])                                   # oops: the same page twice
    first_copy = batch.pages[1].jpeg
    batch.retake(1, scenes[1])
    assert len(first_copy) > 1000 and not any(first_copy)  # the replaced page is zeroed
    assert batch.pages[1].jpeg != batch.pages[0].jpeg
    assert batch.pages[0].thumbnail[:2] == b"\xff\xd8"
    pdf = batch.pdf()
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "materials.pdf"                      # synthetic pages; written to inspect
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           2" in info and "(A4)" in info
    pages = batch.pages
    batch.wipe()
    assert batch.pages == [] and all(not p.jpeg and not p.thumbnail for p in pages)
    with pytest.raises(ValueError):
        batch.pdf()
