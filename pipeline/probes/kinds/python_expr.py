"""``python_expr.v1``: run a short piece of Python in the framework's interpreter.

``code`` holds statements (imports, a tiny model, a check); ``expr`` is an expression whose
value is the observation, or ``code`` assigns ``observed`` itself. The code is compiled
when the YAML is loaded, so a syntax error is reported with its file and field.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pipeline.probes.registry import ProbeKind, register_kind


def _compiles(source: str, mode: str) -> str:
    try:
        compile(source, "<probe>", mode)
    except SyntaxError as exc:
        raise ValueError(f"does not compile: {exc.msg} (line {exc.lineno} of the snippet)") from None
    return source


class PythonExprParams(BaseModel):
    """Parameters of ``python_expr.v1``."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(default="", description="Statements run first; may assign 'observed'.")
    expr: str | None = Field(default=None, description="Expression whose value is the observation.")

    @field_validator("code")
    @classmethod
    def _code_compiles(cls, code: str) -> str:
        return _compiles(code, "exec")

    @field_validator("expr")
    @classmethod
    def _expr_compiles(cls, expr: str | None) -> str | None:
        return None if expr is None else _compiles(expr, "eval")

    @model_validator(mode="after")
    def _something_to_observe(self) -> "PythonExprParams":
        if not self.expr and "observed" not in self.code:
            raise ValueError("set 'expr', or assign 'observed' in 'code'")
        return self


@register_kind
class PythonExpr(ProbeKind):
    """Observation = the value of ``expr`` (or of ``observed``) after running ``code``."""

    name = "python_expr.v1"
    params_model = PythonExprParams
    child_file = "python_expr.py"
