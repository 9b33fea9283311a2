"""Settings: the officer's preferences, and the organisation's layer that may lock them."""
