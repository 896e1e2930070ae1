"""The workflow layer: every write chiso makes, with its audit record, for an explicit principal.

Faces (the CLI and the web) parse input, open a `Work` (a transaction, the catalog, who acts,
from where) and call one operation here; they never write to the store themselves.
"""

from chiso.workflow.principal import Principal
from chiso.workflow.work import Work

__all__ = ["Principal", "Work"]
