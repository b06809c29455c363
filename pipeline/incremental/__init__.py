"""Incremental runs: fingerprints of inputs, a per-source extraction cache, and run stamps.

An unchanged re-run reads its answer from the stamp without loading spaCy or starting a
framework; a run where one article changed re-extracts that article alone.
"""
