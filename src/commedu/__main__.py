"""``python -m commedu``: the same as the ``commedu`` command."""

import sys

from commedu.cli import main

if __name__ == "__main__":
    sys.exit(main())
