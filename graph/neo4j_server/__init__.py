"""Launcher for a bundled Neo4j Community server built from Maven Central jars."""
