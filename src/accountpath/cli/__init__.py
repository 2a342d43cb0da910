"""The command line: one argparse group (`main`) and one module per command."""
