"""Child snippet for ``import_symbol.v1``: which modules import and which attributes exist.

Each entry is ``module`` or ``module:attr.path``. A missing module is an observation here,
not a failure: "is ExecuTorch installed?" is exactly what such a probe asks. Only the
``requires`` module (the framework itself) missing makes the probe "not installed".
"""

import importlib
from typing import Any, Dict, Optional, Tuple


def _check(entry: str) -> Tuple[bool, Optional[str]]:
    module_name, _, attribute_path = entry.partition(":")
    try:
        target = importlib.import_module(module_name)
    except ImportError as exc:
        return False, "%s: %s" % (type(exc).__name__, exc)
    for part in [p for p in attribute_path.split(".") if p]:
        if not hasattr(target, part):
            return False, "%s has no attribute %r" % (module_name, attribute_path)
        target = getattr(target, part)
    return True, None


def observe(params: Dict[str, Any]) -> Dict[str, Any]:
    if params.get("requires"):
        importlib.import_module(params["requires"])  # absent: the probe is "not installed"
    present, errors = {}, {}
    for entry in params["imports"]:
        present[entry], error = _check(entry)
        if error:
            errors[entry] = error
    return {"imports": present, "errors": errors}
