"""``factcheck bench``: the performance figures, each printed next to its target.

One module per figure: ``extraction`` (throughput against bare spaCy), ``warm`` (an
unchanged re-run against the CLI's start-up), ``probes`` (cold probe wall time against the
ideal for the machine's cores) and ``scale`` (time and memory per article on generated
corpora of growing size, and the speed-up of ``--jobs``).
"""

from pipeline.bench.extraction import BenchResult, corpus, render_bench, run_bench

__all__ = ["BenchResult", "corpus", "render_bench", "run_bench"]
