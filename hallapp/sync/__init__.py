"""Offline-first sync to the national platform's inter-provincial channel.

Modules stay small and never import Qt or SQLAlchemy: the database is reached through
`db.unit_of_work()` and `uow.outbox`. `outbox` is imported by the intake service and must stay
light (no HTTP, no services).
"""
