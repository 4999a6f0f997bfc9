"""Cameras: capture workers, face verification with liveness, QR decoding and document capture.

Nothing here imports Qt: results reach the UI through the plain callback the wiring passes in.
Nothing of a face (frames, landmarks, embeddings) is written to disk or logged.
"""
