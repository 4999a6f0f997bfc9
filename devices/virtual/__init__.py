"""Virtual twins of the kiosk devices, swapped in when a port or source says `virtual:...`."""
