"""Storage: the schema, its migrations and the gateway that owns every SQL statement."""
from jtbd.store.gateway import Store
from jtbd.store.records import CodeRecord, DocumentRecord, ExcerptRecord, SpeakerRecord, TurnRecord

__all__ = ["CodeRecord", "DocumentRecord", "ExcerptRecord", "SpeakerRecord", "Store", "TurnRecord"]
