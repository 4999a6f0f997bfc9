"""Benchmarks: each bench_*.py module here has main() that prints its figures."""
