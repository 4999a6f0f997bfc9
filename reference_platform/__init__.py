"""The stand-in central service platform for demo and tests (left out of the production build).

server.PlatformServer runs it (FastAPI on uvicorn, 127.0.0.1); routes_*.py hold the endpoints,
models.py the JSON shapes, data/ the demo catalog. The kiosk finds it through the
"kiosk.embedded_platform" entry point and `kiosk platform serve` through "kiosk.commands"; the
product never imports it by name.
"""
