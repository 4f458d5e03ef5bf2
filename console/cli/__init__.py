"""Command line: the console, the demo, and tools for scripts and station tooling.

One module per command (`console_cmd`, `db_cmd`, `station_cmd`, `receiver_cmd`), each registering
its parsers with their handler; `common` holds the argument types and the one error exit's type.
"""

from console.cli.common import SIMULATION_SCENARIOS, CliError
from console.cli.console_cmd import relaunch_argv
from console.cli.main import build_parser, main

__all__ = ["SIMULATION_SCENARIOS", "CliError", "build_parser", "main", "relaunch_argv"]
