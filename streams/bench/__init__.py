"""`flashpoint bench`: throughput, latency and memory on one input, in one run."""

from streams.bench.run import run_bench, run_soak

__all__ = ["run_bench", "run_soak"]
