"""Built-in probe kinds; importing this package registers every one of them.

To add a kind: write a module here with a ``ProbeKind`` subclass decorated with
``@register_kind`` and a child snippet under ``pipeline/probes/child/``, then import the
module below.
"""

from pipeline.probes.kinds import (  # noqa: F401 - imported for their registration
    benchmark,
    distribution_files,
    import_symbol,
    index_wheel_tags,
    keras_backend,
    package_metadata,
    python_expr,
)
