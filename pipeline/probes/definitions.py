"""What a probe definition in ``claims/probes/*.yaml`` may say.

A probe names the subject and attribute it decides, a versioned ``kind`` (which decides
what runs in the child process), the kind's ``params``, the child ``env``, a ``timeout``,
the distributions whose versions stamp and key its result (``packages``) and, in
``maps_to``, how the observation becomes the attribute's value.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pipeline.records import ClaimValue

PROBE_ID_PATTERN = r"^[a-z0-9][a-z0-9_.\-]*$"


class Case(BaseModel):
    """One rule of a ``cases`` map: when every listed observed field equals, take ``value``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    when: dict[str, Any] = Field(description="Observed field path -> the value it must equal; all must hold.")
    value: ClaimValue = Field(description="The attribute value this case gives.")


class ValueMap(BaseModel):
    """Declarative mapping from the observation to the attribute's value; use exactly one form.

    - ``field: path`` takes the observed value at a dotted path as is.
    - ``tokens: {token: path | [paths]}`` keeps each token whose path (any of them) is truthy.
    - ``cases: [{when: {path: expected}, value: v}]`` takes the first matching case's value,
      else ``otherwise`` (when that is null too, the probe fails: nothing matched).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    field: str | None = Field(default=None, description="Dotted path into the observation.")
    tokens: dict[str, str | list[str]] | None = Field(default=None, description="Token -> observed path(s).")
    cases: list[Case] | None = Field(default=None, description="Rules tried in order.")
    otherwise: ClaimValue = Field(default=None, description="Value when no case matches.")

    @model_validator(mode="after")
    def _one_form(self) -> "ValueMap":
        forms = [name for name in ("field", "tokens", "cases") if getattr(self, name) is not None]
        if len(forms) != 1:
            raise ValueError("use exactly one of 'field', 'tokens' or 'cases'")
        if self.otherwise is not None and self.cases is None:
            raise ValueError("'otherwise' only goes with 'cases'")
        return self


class ProbeDef(BaseModel):
    """One probe as written in YAML (after the file's ``defaults`` are merged in)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=PROBE_ID_PATTERN, description="Unique id, e.g. 'pytorch.license'.")
    subject: str = Field(description="Framework id from the vocabulary.")
    attribute: str = Field(description="Attribute name from the vocabulary.")
    kind: str = Field(description="Versioned probe kind, e.g. 'python_expr.v1'.")
    description: str = Field(min_length=1, description="What the value means, token by token.")
    params: dict[str, Any] = Field(default_factory=dict, description="The kind's parameters.")
    env: dict[str, str | None] = Field(
        default_factory=dict, description="Child environment; null inherits the caller's value (or unsets it)."
    )
    timeout: float = Field(default=120.0, gt=0, le=3600, description="Seconds one run of this probe may take.")
    packages: list[str] = Field(
        default_factory=list, description="Distributions whose versions stamp the result and key the cache."
    )
    maps_to: ValueMap | None = Field(default=None, description="How the observation becomes the value.")
    isolated: bool = Field(default=False, description="Run in a process of its own instead of sharing one.")
    framework: str | None = Field(
        default=None,
        description="The framework its process imports (default: the subject); probes of one framework "
        "and environment share a process.",
    )

    @field_validator("env", mode="before")
    @classmethod
    def _numbers_as_text(cls, env: Any) -> Any:
        # YAML reads `TF_CPP_MIN_LOG_LEVEL: 3` as an int; environment values are text.
        if isinstance(env, dict):
            return {
                key: str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
                for key, value in env.items()
            }
        return env
