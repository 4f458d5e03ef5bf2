"""`python -m console` runs the same command line as `vigie`."""

from console.cli import main

raise SystemExit(main())
