"""CLI command modules, one per area. Each exposes ``register(app)``."""
