"""Reference photos of identified persons, for the kiosk's 1:1 face verification (人证比对).

When the kiosk cannot decode the ID card photo (no vendor WLT decoder) it asks the platform for the
photo on file. The ID number travels in a POST body, never in a URL, since URLs end up in logs.

Demo identities: every well-formed ID number in the fictitious 99xxxx regions (what the virtual card
reader and the demo data issue) has a photo on file, made from scikit-image's astronaut sample, the
only real face a package here ships. Other numbers have none (404).
"""
from __future__ import annotations

import re

from sync.reference_platform.server import HttpError, Request, Response

SCHEMA_SQL = ""        # photos are synthesised on request, nothing is stored

ID_SHAPE = re.compile(r"\d{17}[\dX]")


def demo_photo_jpeg() -> bytes:
    """The astronaut framed like a certificate photo (head and shoulders, 3:4, 358x441)."""
    try:
        import cv2
        from skimage import data
    except ImportError as exc:
        raise HttpError(503, f"demo photos need scikit-image ({exc})") from None
    rgb = data.astronaut()
    crop = rgb[20:260, 120:315]               # head and shoulders around the face at (222, 126)
    bgr = cv2.cvtColor(crop, cv2.COLOR_RGB2BGR)
    bgr = cv2.resize(bgr, (358, 441), interpolation=cv2.INTER_AREA)
    ok, jpeg = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, 90])
    if not ok:
        raise HttpError(500, "could not encode the photo")
    return jpeg.tobytes()


def register(router, store) -> None:
    def photo(request: Request):
        body = request.json() or {}
        id_number = str(body.get("id_number", "")).upper()
        if not ID_SHAPE.fullmatch(id_number):
            raise HttpError(400, "id_number must be 17 digits and a check character")
        if not id_number.startswith("99"):
            raise HttpError(404, "no photo on file for this person")
        return Response(200, demo_photo_jpeg(), {"Cache-Control": "no-store"},
                        content_type="image/jpeg")

    router.add("POST", "/api/v1/persons/photo", photo)
