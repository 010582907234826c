"""Actorgraph: viz."""
