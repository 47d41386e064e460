"""`python -m amendtrack`: the same command line as the installed `amendtrack` script."""

from amendtrack.cli import main

if __name__ == "__main__":
    main()
