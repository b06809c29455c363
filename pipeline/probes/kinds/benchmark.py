"""``benchmark.v1``: training speed of the same small MLP and CNN across frameworks.

One run per variant (``pytorch``, ``tensorflow``, ``keras[tensorflow]``, ``keras[jax]``,
``keras[torch]``), each in the process of the other probes of its framework and Keras
backend, so no framework is imported twice. Every probe process is pinned to one CPU
thread, so a variant timed while a probe runs on the other core keeps a core of its own;
the medians and interquartile ranges over repeated blocks absorb what noise is left. The
observation holds per-variant statistics (see ``pipeline.probes.speed``); the value is a
one-line summary, fastest first.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline.probes.definitions import ProbeDef, ValueMap
from pipeline.probes.registry import (
    ChildRun,
    Observation,
    Outcome,
    ProbeKind,
    backend_framework,
    read_child,
    register_kind,
)
from pipeline.probes.speed import summarise_variants, summary_line
from pipeline.probes.subprocess_runner import SINGLE_THREAD

Variant = Literal["pytorch", "tensorflow", "keras[tensorflow]", "keras[jax]", "keras[torch]"]
SIZE_FIELDS = ("steps", "warmup", "repeats", "batch_size", "features", "hidden", "image_size", "filters", "classes")


def thread_environment(threads: int) -> dict[str, str | None]:
    """Environment that pins every framework's CPU thread pools to ``threads``.

    One thread, the default, is what every probe process gets anyway (see
    ``SINGLE_THREAD``): tiny models gain nothing from more, and an OpenMP pool as wide as
    the machine stalls whenever another process takes a core, which made PyTorch look
    several times slower than it is on a busy two-core machine. 0 leaves each framework
    its own default.
    """
    if threads == 0:
        return {key: None for key in SINGLE_THREAD}
    xla = f"--xla_cpu_multi_thread_eigen={'false' if threads == 1 else 'true'} intra_op_parallelism_threads={threads}"
    count = str(threads)
    return {
        "OMP_NUM_THREADS": count,
        "MKL_NUM_THREADS": count,
        "TF_NUM_INTRAOP_THREADS": count,
        "TF_NUM_INTEROP_THREADS": count,
        "XLA_FLAGS": xla,
    }


class BenchmarkParams(BaseModel):
    """Parameters of ``benchmark.v1``."""

    model_config = ConfigDict(extra="forbid")

    variants: list[Variant] = Field(min_length=1, description="Implementations to time.")
    models: list[Literal["mlp", "cnn"]] = Field(default=["mlp", "cnn"], min_length=1)
    steps: int = Field(default=20, ge=1, le=10000, description="Timed steps per block.")
    warmup: int = Field(default=5, ge=0, le=1000, description="Untimed steps first (tracing, JIT).")
    repeats: int = Field(default=5, ge=1, le=100, description="Timed blocks; median and IQR over them.")
    batch_size: int = Field(default=64, ge=1, le=4096)
    features: int = Field(default=64, ge=1, le=4096, description="MLP input width.")
    hidden: int = Field(default=128, ge=1, le=4096, description="MLP hidden width.")
    image_size: int = Field(default=16, ge=4, le=256, description="CNN input is image_size x image_size x 1.")
    filters: int = Field(default=8, ge=1, le=256)
    classes: int = Field(default=10, ge=2, le=1000)
    threads: int = Field(default=1, ge=0, le=256, description="CPU threads per framework; 0 = its own default.")
    tolerance: float = Field(default=0.15, ge=0, le=10, description="Relative difference counted as noise.")
    aliases: dict[str, str] = Field(default_factory=dict, description="Claim names -> variant, e.g. keras.")


@register_kind
class Benchmark(ProbeKind):
    """Value = ``fastest first: ...`` summary; ``observed.variants`` holds the numbers."""

    name = "benchmark.v1"
    params_model = BenchmarkParams
    child_file = "benchmark.py"
    default_map = ValueMap(field="summary")
    expected_seconds = 3.0  # builds, compiles and times two models

    def runs(self, probe: ProbeDef) -> list[ChildRun]:
        source = read_child(self.child_file)
        shared = {key: probe.params[key] for key in (*SIZE_FIELDS, "models")}
        threads = thread_environment(probe.params["threads"])
        runs = []
        for variant in probe.params["variants"]:
            backend = variant[len("keras[") : -1] if variant.startswith("keras[") else None
            env = {**threads, "KERAS_BACKEND": backend} if backend else threads
            framework = backend_framework(backend) if backend else variant
            runs.append(ChildRun(variant, source, {**shared, "variant": variant}, env, framework))
        return runs

    def interpret(self, probe: ProbeDef, observations: dict[str, Observation]) -> Outcome:
        timed = {name: obs.observed for name, obs in observations.items() if obs.status == "ok"}
        failed = {
            name: f"{obs.status}: {obs.reason}" for name, obs in sorted(observations.items()) if obs.status != "ok"
        }
        if not timed:
            first = observations[sorted(observations)[0]]
            return Outcome(first.status, {"failed": failed}, f"no variant ran ({first.reason})")
        variants = summarise_variants({name: data["step_seconds"] for name, data in timed.items()})
        tolerance = float(probe.params["tolerance"])
        observed: dict[str, Any] = {
            "variants": variants,
            "ranking": sorted(variants, key=lambda name: (variants[name]["score_s"], name)),
            "failed": failed,
            "tolerance": tolerance,
            "aliases": dict(probe.params["aliases"]),
            "config": {key: probe.params[key] for key in (*SIZE_FIELDS, "models", "threads")},
            "machine": next(iter(timed.values()))["machine"],
            "elapsed_s": {name: data.get("elapsed_s") for name, data in sorted(timed.items())},
            "summary": summary_line(variants, tolerance),
        }
        return Outcome("ok", observed, "; ".join(f"{name} {reason}" for name, reason in failed.items()))
