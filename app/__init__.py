"""FOI Response Drafter: draft UK Freedom of Information responses offline."""
