"""Tests of the probe stage (pipeline/probes and claims/probes)."""
