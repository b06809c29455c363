"""Extract: find check-worthy claims about frameworks in Source texts."""

import sys


def _import_thinc_without_torch() -> None:
    """Import thinc (spaCy's backend) without torch.

    thinc imports torch whenever it is installed, only to offer torch layers and GPU
    support; that costs one to two seconds per process. The English pipeline runs on
    numpy, and factcheck probes torch in separate processes, so thinc is imported with
    torch hidden; the entry is removed right after, so ``import torch`` still works.
    """
    if "torch" in sys.modules or "thinc.compat" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]
    try:
        import thinc.compat  # noqa: F401
    finally:
        del sys.modules["torch"]


_import_thinc_without_torch()

from pipeline.extract.extractor import extract_claims  # noqa: E402

__all__ = ["extract_claims"]
