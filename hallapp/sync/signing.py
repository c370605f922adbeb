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


# --- answers: the platform signs every /v1 answer, so only the platform can confirm -------------

ANSWER_SIGNATURE = "X-Platform-Signature"


def answer_to_sign(status: int, nonce: str, body: bytes) -> bytes:
    """Lines `hallapp-answer/1`, the status code, the request's X-Nonce, hex SM3 of the answer body."""
    return "\n".join(("hallapp-answer/1", str(int(status)), nonce, crypto.sm3_hex(body))).encode("utf-8")


def sign_answer(key: crypto.HallKey, status: int, nonce: str, body: bytes) -> dict[str, str]:
    return {ANSWER_SIGNATURE: key.sign(answer_to_sign(status, nonce, body))}


def answer_is_signed(public: crypto.PublicKey, status: int, nonce: str, body: bytes, signature: str) -> bool:
    return bool(signature) and public.verify(signature, answer_to_sign(status, nonce, body))
