"""The letter as HTML for the live preview, laid out like the Word letter."""
