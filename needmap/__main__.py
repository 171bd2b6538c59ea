"""``python -m needmap``: the same as the ``needmap`` command."""

from needmap.cli import main

if __name__ == "__main__":
    main()
