"""Child snippet for ``python_expr.v1``: run the probe's code, observe an expression."""

from typing import Any, Dict


def observe(params: Dict[str, Any]) -> Any:
    namespace = {"__name__": "factcheck_probe_code"}
    exec(compile(params.get("code") or "", "<probe code>", "exec"), namespace)
    if params.get("expr"):
        return eval(compile(params["expr"], "<probe expr>", "eval"), namespace)
    if "observed" not in namespace:
        raise NameError("the probe's code must assign 'observed' (or the probe must set params.expr)")
    return namespace["observed"]
