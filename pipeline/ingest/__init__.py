"""Ingest: turn the files of a sources folder into Source records (text, metadata, boilerplate)."""
