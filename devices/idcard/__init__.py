"""Resident ID card reader (GA 467 SAM over serial): codec, reader worker, card text, photo adapter."""
