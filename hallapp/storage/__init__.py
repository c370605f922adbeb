"""Storage: the only package that imports SQLAlchemy and Alembic.

Services reach the database through `Database.unit_of_work()`, which hands out repositories;
nothing above this package builds a query.
"""

from hallapp.storage.database import Database, DatabaseError
from hallapp.storage.uow import UnitOfWork

__all__ = ["Database", "DatabaseError", "UnitOfWork"]
