"""Wiring of the steps: intake, reading pool, the one pipeline function, the CLI."""
from importlib.metadata import PackageNotFoundError, version

try:
    PIPELINE_VERSION = version("dossiers")
except PackageNotFoundError:  # running from a source tree that was not installed
    PIPELINE_VERSION = "0+source"
