"""Actorgraph: api."""
