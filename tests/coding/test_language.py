"""The cheap language check."""
from __future__ import annotations

import pytest

from jtbd.coding.language import is_english


@pytest.mark.parametrize("text", [
    "Die App stürzt ständig ab, wenn ich eine Rechnung exportieren möchte.",
    "La aplicación se cierra cada vez que intento exportar mis facturas.",
    "Super app, je recommande vivement, très pratique pour mes factures.",
    "アプリがクラッシュします。修正してください。",
])
def test_not_english(text: str) -> None:
    assert not is_english(text)


@pytest.mark.parametrize("text", [
    "Great app, love the invoicing templates, super quick setup.",
    "Crashes on export.",
    "I de facto use it a la carte and it is great for me.",
    "",
])
def test_english_or_too_short(text: str) -> None:
    assert is_english(text)
