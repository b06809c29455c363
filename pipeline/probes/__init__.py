"""The probe stage: executable checks of claims against the installed frameworks.

Probe definitions are data (``claims/probes/*.yaml``); each names a registered kind whose
child-side snippet runs in a subprocess of the probed interpreter. Results are
``ProbeResult`` records, cached per interpreter and framework versions.
"""

from pipeline.probes.definitions import ProbeDef, ValueMap
from pipeline.probes.environment import describe_environment
from pipeline.probes.loader import load_probes
from pipeline.probes.runner import run_probes
from pipeline.probes.speed import compare_speed
from pipeline.probes.table import render_probe_table

__all__ = [
    "ProbeDef",
    "ValueMap",
    "compare_speed",
    "describe_environment",
    "load_probes",
    "render_probe_table",
    "run_probes",
]
