#!/usr/bin/env python3
"""Median, p99, max of the `line<TAB>milliseconds` lines that `tessera lookup --timings` prints."""
import statistics
import sys

times = sorted(float(line.split("\t")[1]) for line in open(sys.argv[1]) if "\t" in line)
p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
print(f"{len(times)} lookups: median {statistics.median(times):.2f} ms, p99 {p99:.2f} ms, max {times[-1]:.2f} ms, "
      f"sum {sum(times) / 1000:.2f} s")
