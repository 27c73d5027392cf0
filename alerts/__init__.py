"""Counts → spike decisions (detectors), alert payloads, and their delivery (sinks)."""
