"""The ``statuscheck`` command: one module per sub-command, each a short script.

A command parses its options, calls down into the stages, prints a renderer's
output and returns an exit status (0 clean, 1 findings or drift, 2 could not
tell). Each imports only what it needs, lazily, so ``statuscheck check`` never
pays for the matrix or the network.
"""
