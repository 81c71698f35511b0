"""`python -m eventwire` runs the CLI."""

from eventwire.cli.app import main

main()
