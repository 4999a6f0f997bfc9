"""Typed camera errors: a stable `code` the screens map to citizen messages, and a technician message."""
from __future__ import annotations


class CameraError(Exception):
    """A camera-area failure. `code` is stable (screens and the CLI switch on it)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


# codes used across the package, listed once so screens can map each of them
SOURCE_INVALID = "source_invalid"        # the configured source cannot be understood
OPEN_FAILED = "open_failed"              # the camera/file/stream did not open
MODEL_MISSING = "model_missing"          # dlib or the face model files are not installed
NO_FACE = "no_face"                      # an image without a usable face (reference or probe)
IMAGE_UNREADABLE = "image_unreadable"    # bytes/path that are not a decodable image
VENDOR_LIVENESS = "vendor_liveness"      # the vendor liveness adapter is missing or failed
