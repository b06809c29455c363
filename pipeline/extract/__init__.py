"""Extract: find check-worthy claims about frameworks in Source texts."""

from pipeline.extract.extractor import extract_claims

__all__ = ["extract_claims"]
