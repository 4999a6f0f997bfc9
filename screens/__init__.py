"""Qt views: one module per screen, the theme, shared widgets and the navigation shell."""
