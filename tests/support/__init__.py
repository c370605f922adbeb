"""Shared helpers for tests: requirement checks and throwaway system services."""
