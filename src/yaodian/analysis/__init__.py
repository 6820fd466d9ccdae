"""Analyses of parsed notices: per-office task lists, the responsibility matrix, year-over-year diff."""
