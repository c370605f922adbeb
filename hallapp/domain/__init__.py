"""Domain rules with no UI or storage dependency: codes, regions, ID numbers."""
