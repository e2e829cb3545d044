"""``python -m presswire``: the ``presswire`` command, for an environment whose scripts folder
is not on the PATH."""

import sys

from presswire.cli import main

if __name__ == "__main__":  # spawned worker processes import this module again: no rerun
    sys.exit(main())
