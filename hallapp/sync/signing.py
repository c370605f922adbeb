"""Request signatures of the contract, shared by the client and the simulator.

String to sign (UTF-8, lines joined by \\n):
METHOD, path with query, X-Timestamp, X-Nonce, X-Content-SM3, X-Hall-Code, X-Key-Id.
"""

from __future__ import annotations

import secrets
import time

from hallapp.sync import crypto

HALL = "X-Hall-Code"
KEY_ID = "X-Key-Id"
TIMESTAMP = "X-Timestamp"
NONCE = "X-Nonce"
CONTENT_SM3 = "X-Content-SM3"
SIGNATURE = "X-Signature"
MAX_SKEW_S = 300


def string_to_sign(method: str, target: str, timestamp: str, nonce: str, content_sm3: str, hall: str, kid: str) -> bytes:
    return "\n".join((method.upper(), target, timestamp, nonce, content_sm3, hall, kid)).encode("utf-8")


def sign_headers(key: crypto.HallKey, hall_code: str, method: str, target: str, body: bytes) -> dict[str, str]:
    timestamp, nonce, digest = str(int(time.time())), secrets.token_hex(12), crypto.sm3_hex(body)
    signature = key.sign(string_to_sign(method, target, timestamp, nonce, digest, hall_code, key.key_id))
    return {HALL: hall_code, KEY_ID: key.key_id, TIMESTAMP: timestamp, NONCE: nonce, CONTENT_SM3: digest,
            SIGNATURE: signature}
