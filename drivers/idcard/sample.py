"""Sample cards for the simulator: loading them from JSON, and stand-in photo and fingerprint bytes."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from drivers.idcard.layouts import CardText

SAMPLE_CARDS_PATH = Path(__file__).with_name("sample_cards.json")
PHOTO_SIZE = 1024
FINGERPRINT_SIZE = 1024


def load_cards(path: str | Path = SAMPLE_CARDS_PATH) -> list[dict[str, Any]]:
    """The card objects of a JSON file: CardText field names plus an optional "photo_seed"."""
    cards = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(cards, list) or not all(isinstance(c, dict) for c in cards):
        raise ValueError(f"{path}: expected a list of card objects")
    return cards


def card_from(value: CardText | dict[str, Any], default_seed: int = 0) -> tuple[CardText, int]:
    """A CardText and its photo seed from a CardText or a card object."""
    if isinstance(value, CardText):
        return value, default_seed
    fields = dict(value)
    seed = int(fields.pop("photo_seed", default_seed))
    try:
        return CardText(**fields), seed
    except TypeError as exc:  # an unknown field name
        raise ValueError(f"card object: {exc}") from None


def fake_photo(seed: int) -> bytes:
    """1024 stand-in bytes where a WLT photo goes (not a decodable image)."""
    return random.Random(f"photo-{seed}").randbytes(PHOTO_SIZE)


def fake_fingerprint(seed: int) -> bytes:
    return random.Random(f"fingerprint-{seed}").randbytes(FINGERPRINT_SIZE)
