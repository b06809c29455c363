"""``import_symbol.v1``: which modules import and which attributes they have.

``imports`` lists ``module`` or ``module:attr.path`` entries; the observation is
``{"imports": {entry: bool}, "errors": {entry: message}}``. When the ``requires`` module
(the framework the probe is about) does not import, the probe is "not installed".
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from pipeline.probes.registry import ProbeKind, register_kind


class ImportSymbolParams(BaseModel):
    """Parameters of ``import_symbol.v1``."""

    model_config = ConfigDict(extra="forbid")

    imports: list[str] = Field(min_length=1, description="'module' or 'module:attr.path' entries.")
    requires: str | None = Field(default=None, description="Module that must import, else 'not installed'.")


@register_kind
class ImportSymbol(ProbeKind):
    """Observation = importability of each entry."""

    name = "import_symbol.v1"
    params_model = ImportSymbolParams
    child_file = "import_symbol.py"
