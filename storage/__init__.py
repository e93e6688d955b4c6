"""Keeping what the pipeline receives and produces."""
