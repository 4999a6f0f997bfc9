"""ESC/POS receipt printer: transports (serial, USB printer class, network 9100) and DLE EOT status.

Encoding receipts is printing/'s job; this package moves bytes and asks the printer how it is.
"""
