"""`python -m kb <command>`: the contributor CLI (see kb/cli.py)."""
import sys

from kb.cli import main

sys.exit(main())
