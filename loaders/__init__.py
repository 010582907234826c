"""Actorgraph: loaders."""
