"""One module per area with wire(ctx): builds that area's services at start (see kiosk.context)."""
