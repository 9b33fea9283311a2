"""The law as data and rules: registries, requirements, deadlines, calendars, costs and the compliance check."""
