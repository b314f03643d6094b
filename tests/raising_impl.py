"""An implementation module that raises while being imported."""

from __future__ import annotations

raise RuntimeError("this status table is broken on import")
