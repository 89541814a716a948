"""Alembic's entry point: migrate over the connection ``parallax.store.migrate`` hands in.

The caller has begun the transaction (and, on PostgreSQL, taken the store's
lock), so two processes opening a new store never both create its tables.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
