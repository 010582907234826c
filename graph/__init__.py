"""Actorgraph: graph."""
