"""The index engine: pure NumPy over units × indicators × replications.

Imports nothing from the store or the web; `chiso.runs` is the edge that feeds it stored data.
"""

from chiso.compute.build import BuildResult, build
from chiso.compute.method import Method
from chiso.compute.structure import Dataset, Structure
from chiso.compute.uncertainty import UncertaintyResult, UncertaintySpec, uncertainty

__all__ = ["BuildResult", "Dataset", "Method", "Structure", "UncertaintyResult", "UncertaintySpec",
           "build", "uncertainty"]
