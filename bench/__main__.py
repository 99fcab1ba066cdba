"""`python -m bench`: the core benchmark (see bench/core.py)."""

from .core import cli

raise SystemExit(cli())
