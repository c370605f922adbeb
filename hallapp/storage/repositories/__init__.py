"""Repositories: every query the services need, by family."""
