"""tox's in-repository plugin: let tox find every pyenv-installed interpreter.

pyenv puts only its global version's ``python3.X`` on ``PATH``; tox looks for
``python3.9`` … ``python3.13`` there. Appending each pyenv version's ``bin``
makes a plain ``tox`` work on a machine with several pyenv Pythons, and changes
nothing elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from tox.config.sets import ConfigSet
from tox.plugin import impl
from tox.session.state import State


@impl
def tox_add_core_config(core_conf: ConfigSet, state: State) -> None:
    root = Path(os.environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    path = os.environ.get("PATH", "").split(os.pathsep)
    extra = [str(bin_dir) for bin_dir in sorted(root.glob("versions/*/bin"))]
    os.environ["PATH"] = os.pathsep.join(path + [d for d in extra if d not in path])
