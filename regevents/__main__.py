"""``python -m regevents`` runs the command line.

The guard matters: worker processes started with the ``spawn`` method import
the main module again, and must not run the command a second time.
"""
from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
