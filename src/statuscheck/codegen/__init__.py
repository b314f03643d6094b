"""Generated code: the reference enum and ``client`` module, written from the snapshot.

``statuscheck generate`` writes them and ``--check`` demands the committed
bytes. Imports only the registry, so generating never loads a table or a check.
"""
