"""PC/SC smart cards (social security card) through pcscd and pyscard; no Qt here.

Modules: pcsc (contexts, readers, connections with time limits), apdu (commands, 61xx/6Cxx),
tlv (records, GBK, BCD), ssc (the social security card read), pin (PIN entry interface),
atr (first look at a card), service (the device worker and its events), errors (typed errors),
daemon (pcscd with the vpcd driver for tests, benchmarks and the demo).
"""
