"""Side-by-side benchmarks of rvirtd and libvirtd (see docs/performance.md)."""
