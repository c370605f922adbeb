"""Use cases, one module each. They talk to storage through a unit of work only."""
