"""`kiosk devices camera-check | verify-face | scan-qr`: camera tools for technicians.

Exit codes: camera-check 0 delivering, 1 not; verify-face 0 same person, 1 different, 2 a photo
without a usable face or unreadable; scan-qr 0 decoded, 2 no code found, 1 unreadable image.
Faces are compared in memory; nothing of them is saved or logged (the score is not personal data).
"""
from __future__ import annotations

import argparse
import json
import sys
import time

from kiosk import config


def register(groups) -> None:
    check = groups.devices.add_parser("camera-check", help="open a camera, report resolution and fps")
    check.add_argument("--source", help="override the source: index, device path, video file, "
                       "stream URL or virtual:SCENE")
    check.add_argument("--role", choices=("face", "document", "qr"), default="face",
                       help="which configured camera (default: face)")
    check.add_argument("--seconds", type=float, default=3.0, help="how long to measure")
    check.set_defaults(func=_camera_check)

    verify = groups.devices.add_parser("verify-face", help="compare the faces in two photos (1:1)")
    verify.add_argument("--reference", required=True, metavar="IMG", help="reference photo")
    verify.add_argument("--probe", required=True, metavar="IMG", help="photo to check")
    verify.add_argument("--threshold", type=float, help="override face.threshold")
    verify.add_argument("--json", action="store_true", help="print the decision as JSON")
    verify.set_defaults(func=_verify_face)

    scan = groups.devices.add_parser("scan-qr", help="decode the QR codes in an image")
    scan.add_argument("image", metavar="IMAGE")
    scan.set_defaults(func=_scan_qr)


def _camera_check(args: argparse.Namespace) -> int:
    from devices.camera.capture import CaptureSettings, CaptureWorker, public_source
    from devices.camera.errors import CameraError
    cfg = config.load(args.config)
    settings = CaptureSettings.from_config(cfg.camera[args.role], args.source)
    import devices.virtual
    devices.virtual.register_all()
    events: list[tuple[str, dict]] = []
    try:
        worker = CaptureWorker(args.role, settings, lambda kind, payload=None: events.append((kind, payload)))
    except CameraError as exc:
        print(f"camera {args.role}: {exc}", file=sys.stderr)
        return 1
    worker.start()
    try:
        # a camera may take seconds to open; one that already failed twice is not coming
        started_at = time.monotonic()
        while not worker.wait_running(timeout=0.25):
            if time.monotonic() - started_at > 8.0 or (
                    worker.state == "lost" and time.monotonic() - started_at > 1.5):
                break
        if worker.latest() is None:
            reason = worker.last_error.message if worker.last_error else "no frame within 8 s"
            print(f"camera {args.role} ({public_source(settings.source)}): not delivering: {reason}",
                  file=sys.stderr)
            return 1
        started = worker.latest()
        time.sleep(max(0.5, args.seconds))
        ended = worker.latest()
        frames = ended.seq - started.seq
        fps = frames / max(ended.timestamp - started.timestamp, 1e-6)
        width, height = worker.frame_size
        print(f"camera {args.role}: {public_source(settings.source)}")
        print(f"  resolution {width}x{height} (configured {settings.width}x{settings.height}, "
              f"rotation {settings.rotation}, mirror {'on' if settings.mirror else 'off'})")
        print(f"  measured {fps:.1f} fps over {frames} frames (configured {settings.fps})")
        return 0
    finally:
        worker.stop()


def _read_image(path: str):
    import cv2
    image = cv2.imread(path, cv2.IMREAD_COLOR)
    if image is None:
        from devices.camera import errors
        from devices.camera.errors import CameraError
        raise CameraError(errors.IMAGE_UNREADABLE, f"{path} is not a readable image")
    return image


def _verify_face(args: argparse.Namespace) -> int:
    from devices.camera.errors import CameraError
    from devices.camera.face import FaceAnalyzer, FaceModels
    from devices.camera.verify import compare_images
    cfg = config.load(args.config)
    threshold = args.threshold if args.threshold is not None else cfg.face.threshold
    try:
        reference, probe = _read_image(args.reference), _read_image(args.probe)
        decision = compare_images(FaceAnalyzer(FaceModels.shared()), reference, probe, threshold)
    except CameraError as exc:
        if args.json:
            print(json.dumps({"match": False, "score": None, "threshold": threshold,
                              "reason": exc.code, "message": exc.message}))
        else:
            print(f"cannot compare: {exc.message} ({exc.code})", file=sys.stderr)
        return 2
    if args.json:
        out = decision.to_dict()
        print(json.dumps({k: out[k] for k in ("match", "score", "threshold", "reason")}))
    else:
        print(f"{'same person' if decision.match else 'different person'}: distance "
              f"{decision.score:.3f} (accepted up to {threshold:.3f}), reason {decision.reason}")
    return 0 if decision.match else 1


def _scan_qr(args: argparse.Namespace) -> int:
    from devices.camera.errors import CameraError
    from devices.camera.qr import decode
    try:
        image = _read_image(args.image)
    except CameraError as exc:
        print(f"scan-qr: {exc.message}", file=sys.stderr)
        return 1
    codes = decode(image)
    if not codes:
        print("scan-qr: no QR code found", file=sys.stderr)
        return 2
    for code in codes:
        print(code.text)
    return 0
