"""Browser-side benchmarks and load tests of the running app (need requirements-dev.txt)."""
