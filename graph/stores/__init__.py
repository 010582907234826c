"""Graph store implementations."""
