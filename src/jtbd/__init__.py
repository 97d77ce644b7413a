"""jtbd: an offline workbench for Jobs-to-be-Done research.

Library first: ``import jtbd`` and use :class:`jtbd.services.Workbench` (the service layer the
CLI and the web app call), or the pipeline parts in ``jtbd.ingest``, ``jtbd.coding``,
``jtbd.synthesis`` and ``jtbd.survey`` directly.
"""
from jtbd.model import CODES, FORCES

__version__ = "0.1.0"
__all__ = ["CODES", "FORCES", "__version__"]
