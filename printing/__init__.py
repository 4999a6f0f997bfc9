"""Documents and spooling: certificate PDFs (reportlab), receipt layouts (ESC/POS), CUPS jobs (pycups).

No Qt and no imports from sync/ or kiosk/: the kiosk layer hands in the platform data, the config
values and the places records go (see kiosk/wiring/printing.py).
"""
