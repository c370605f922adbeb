"""Conformance: the simulator against docs/platform-api.md, driven by the document's own examples.

The client here is written from the document alone (httpx + gmssl for SM2/SM3/SM4, HMAC and HKDF by
hand): nothing of hallapp's client, signing or crypto is used to talk to the platform, so a rule
both sides misread the same way still shows. hallapp's own serializer and key derivation are only
checked against the document's vectors.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import secrets
import socket
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

if os.environ.get("CI") == "true":
    import gmssl
gmssl = pytest.importorskip("gmssl")
from gmssl import func, sm2, sm3, sm4  # noqa: E402

DOC = Path(__file__).resolve().parents[2] / "docs" / "platform-api.md"
FENCE = re.compile(r"^```(\w+) (example|schema)=([\w-]+)\n(.*?)^```$", re.M | re.S)
SPKI_PREFIX = bytes.fromhex("3059301306072a8648ce3d020106082a811ccf5501822d034200")  # SM2 SubjectPublicKeyInfo


def _blocks() -> dict[str, str]:
    found = {name: body for _, _, name, body in FENCE.findall(DOC.read_text("utf-8"))}
    assert found, "no marked examples in docs/platform-api.md"
    return found


BLOCKS = _blocks()


def example(name: str) -> Any:
    return json.loads(BLOCKS[name])


# --- the independent client -----------------------------------------------------------------------


def sm3_hex(data: bytes) -> str:
    return sm3.sm3_hash(func.bytes_to_list(data))


def hmac_sm3(key: bytes, message: bytes) -> bytes:
    key = bytes.fromhex(sm3_hex(key)) if len(key) > 64 else key
    key = key.ljust(64, b"\0")
    inner = bytes.fromhex(sm3_hex(bytes(k ^ 0x36 for k in key) + message))
    return bytes.fromhex(sm3_hex(bytes(k ^ 0x5C for k in key) + inner))


def hkdf_sm3(ikm: bytes, info: bytes) -> bytes:
    """RFC 5869, no salt (HashLen zero bytes), 32 bytes out: one block of SM3."""
    prk = hmac_sm3(b"\0" * 32, ikm)
    return hmac_sm3(prk, info + b"\x01")


def sm4_ctr(key: bytes, counter0: bytes, data: bytes, offset: int) -> bytes:
    cipher = sm4.CryptSM4()
    cipher.set_key(key, sm4.SM4_ENCRYPT)
    start = int.from_bytes(counter0, "big") + offset // 16
    stream = b"".join(bytes(cipher.crypt_ecb(((start + i) % (1 << 128)).to_bytes(16, "big"))[:16])
                      for i in range((len(data) + 15) // 16))
    return bytes(a ^ b for a, b in zip(data, stream, strict=False))


def canonical(value: Any) -> str:
    escapes = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return '"' + "".join(escapes.get(c) or (f"\\u{ord(c):04x}" if ord(c) < 0x20 else c) for c in value) + '"'
    if isinstance(value, list):
        return "[" + ",".join(canonical(v) for v in value) + "]"
    return "{" + ",".join(canonical(k) + ":" + canonical(value[k]) for k in sorted(value)) + "}"


def _der_int(n: int) -> bytes:
    raw = n.to_bytes((n.bit_length() + 8) // 8, "big")  # one spare byte keeps the sign bit clear
    raw = raw.lstrip(b"\0") or b"\0"
    raw = b"\0" + raw if raw[0] & 0x80 else raw
    return b"\x02" + bytes([len(raw)]) + raw


def der_signature(rs_hex: str) -> str:
    body = _der_int(int(rs_hex[:64], 16)) + _der_int(int(rs_hex[64:], 16))
    return base64.b64encode(b"\x30" + bytes([len(body)]) + body).decode("ascii")


def rs_from_der(signature_b64: str) -> str:
    der = base64.b64decode(signature_b64, validate=True)
    assert der[0] == 0x30
    r_len = der[3]
    r = int.from_bytes(der[4:4 + r_len], "big")
    s_len = der[5 + r_len]
    s = int.from_bytes(der[6 + r_len:6 + r_len + s_len], "big")
    return f"{r:064x}{s:064x}"


class Key:
    """An SM2 key pair, its PEM and id as the document defines them."""

    def __init__(self) -> None:
        n = int(sm2.default_ecc_table["n"], 16)
        self.private = f"{secrets.randbelow(n - 2) + 1:064x}"
        probe = sm2.CryptSM2(private_key=self.private, public_key="")
        self.public = probe._kg(int(self.private, 16), sm2.default_ecc_table["g"])
        self.sm2 = gmssl_key(self.private, self.public)
        der = base64.b64encode(SPKI_PREFIX + b"\x04" + bytes.fromhex(self.public)).decode("ascii")
        lines = [der[i:i + 64] for i in range(0, len(der), 64)]
        self.pem = "-----BEGIN PUBLIC KEY-----\n" + "\n".join(lines) + "\n-----END PUBLIC KEY-----\n"
        self.key_id = sm3_hex(self.pem.strip().encode("ascii"))[:32]

    def sign(self, data: bytes) -> str:
        return der_signature(self.sm2.sign_with_sm3(data))


def platform_verifier(pem: str) -> sm2.CryptSM2:
    der = base64.b64decode("".join(pem.strip().splitlines()[1:-1]))
    assert der[:len(SPKI_PREFIX)] == SPKI_PREFIX and der[len(SPKI_PREFIX)] == 4
    return gmssl_key("", der[-64:].hex())


def gmssl_key(private: str, public: str) -> sm2.CryptSM2:
    """gmssl strips a leading "04" with lstrip("04"), eating every 0 and 4 after it too: a key whose
    x starts with 04 (1 in 256) would lose digits, so the public key is set after construction."""
    key = sm2.CryptSM2(private_key=private, public_key="")
    key.public_key = public
    return key


class Client:
    """Signs each request as the document says and checks every answer's signature."""

    def __init__(self, url: str, hall: str, key: Key) -> None:
        self.url, self.hall, self.key = url.rstrip("/"), hall, key
        self.platform: sm2.CryptSM2 | None = None
        self.check = True  # every answer's signature is verified (gmssl: ~50 ms each)

    def headers(self, method: str, target: str, body: bytes, **override: str) -> dict[str, str]:
        h = {"X-Hall-Code": self.hall, "X-Key-Id": self.key.key_id, "X-Timestamp": str(int(time.time())),
             "X-Nonce": secrets.token_hex(16), "X-Content-SM3": sm3_hex(body)}
        h.update({k: v for k, v in override.items() if k != "signer"})
        lines = [method, target, h["X-Timestamp"], h["X-Nonce"], h["X-Content-SM3"], h["X-Hall-Code"], h["X-Key-Id"]]
        h["X-Signature"] = override.get("signer", self.key).sign("\n".join(lines).encode("utf-8"))
        return h

    def send(self, method: str, target: str, body: bytes = b"", headers: dict[str, str] | None = None,
             **extra: str) -> httpx.Response:
        sent = headers if headers is not None else self.headers(method, target, body)
        answer = httpx.request(method, self.url + target, content=body, headers={**sent, **extra,
                               "Accept-Encoding": "identity"}, timeout=10)
        if self.check:
            self.check_signed(answer, sent.get("X-Nonce", ""))
        return answer

    def check_signed(self, answer: httpx.Response, nonce: str) -> None:
        verifier = self.platform or platform_verifier(answer.json()["platform_public_key_pem"])
        lines = ["hallapp-answer/1", str(answer.status_code), nonce, sm3_hex(answer.content)]
        signature = answer.headers.get("X-Platform-Signature", "")
        assert signature and verifier.verify_with_sm3(rs_from_der(signature), "\n".join(lines).encode("utf-8")), \
            f"answer {answer.status_code} {answer.content[:80]!r} not signed by the platform"

    def register(self, name: str = "锦江区政务服务中心（演示）", region: str = "510104") -> httpx.Response:
        body = {**example("register"), "hall_code": self.hall, "hall_name": name, "region_code": region,
                "public_key_pem": self.key.pem}
        answer = self.send("POST", "/v1/halls/register", json.dumps(body, ensure_ascii=False).encode("utf-8"))
        if answer.status_code == 200 and self.platform is None:
            self.platform = platform_verifier(answer.json()["platform_public_key_pem"])
        return answer

    def put_case(self, record: dict[str, Any], client_id: str | None = None) -> httpx.Response:
        return self.send("PUT", f"/v1/cases/{client_id or record['client_id']}", canonical(record).encode("utf-8"))

    def put_chunk(self, sha: str, offset: int, total: int, chunk: bytes, **extra: str) -> httpx.Response:
        return self.send("PUT", f"/v1/materials/{sha}", chunk, self.headers("PUT", f"/v1/materials/{sha}", chunk),
                         **{"X-Upload-Offset": str(offset), "X-Upload-Length": str(total), **extra})

    def commit(self, client_id: str, payload_sha256: str, materials: list[str]) -> httpx.Response:
        body = {**example("commit"), "payload_sha256": payload_sha256, "materials": materials}
        return self.send("POST", f"/v1/cases/{client_id}/commit", canonical(body).encode("utf-8"))


MATERIAL = BLOCKS["material"].encode("utf-8")
MATERIAL_SHA = hashlib.sha256(MATERIAL).hexdigest()


@pytest.fixture
def client(sim: Any) -> Client:
    c = Client(sim.url, example("put-case")["hall"]["code"], Key())
    assert c.register().status_code == 200
    return c


def _error(answer: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert (answer.status_code, answer.json().get("error")) == (status, code), answer.text
    return answer.json()


# --- the document's own examples and vectors ------------------------------------------------------


def test_examples_agree_with_each_other() -> None:
    record = example("put-case")
    assert record["materials"][0]["sha256"] == MATERIAL_SHA == example("commit")["materials"][0]
    assert set(example("put-case-answer")) == {"client_id", "state", "payload_sha256", "receipt"}
    assert example("status-updates-empty") == {"updates": [], "next": 0}


def test_canonical_json_is_what_the_document_shows() -> None:
    from hallapp.sync.records import canonical as hallapp_canonical

    value, shown = example("canonical-input"), BLOCKS["canonical-output"].rstrip("\n")
    assert canonical(value) == shown
    assert hallapp_canonical(value).decode("utf-8") == shown


def test_hkdf_and_ctr_vector() -> None:
    from hallapp.sync import crypto

    v = dict(line.split() for line in BLOCKS["hkdf-vector"].splitlines())
    assert hashlib.sha256(b"hallapp").hexdigest() == v["sha256"]
    okm = hkdf_sm3(bytes.fromhex(v["transport_key"]), b"hallapp-material|" + v["sha256"].encode("ascii"))
    assert (okm[:16].hex(), okm[16:].hex()) == (v["sm4_key"], v["counter0"])
    assert crypto.material_key(bytes.fromhex(v["transport_key"]), v["sha256"]) == (okm[:16], okm[16:])
    key, counter0, plain = okm[:16], okm[16:], bytes.fromhex(v["plain"])
    assert sm4_ctr(key, counter0, plain, 0).hex() == v["cipher"]
    assert sm4_ctr(key, counter0, plain[16:], 16).hex() == v["cipher"][32:]  # a chunk at offset 16
    wrapped = sm4_ctr(bytes.fromhex(v["wrap_key"]), bytes.fromhex(v["wrap_counter0"]), bytes.fromhex(v["wrap_plain"]), 0)
    assert wrapped.hex() == v["wrap_cipher"]


# --- registration and refusals -------------------------------------------------------------------


def test_registration_is_idempotent_and_signed(sim: Any) -> None:
    c = Client(sim.url, "DEMO510104", Key())
    first, again = c.register(), c.register()
    assert first.status_code == again.status_code == 200
    body = first.json()
    assert set(body) == set(example("register-answer"))
    assert body["key_id"] == c.key.key_id and len(base64.b64decode(body["transport_key"])) == 16
    assert again.json() == body
    assert c.send("GET", "/v1/ping").json()["ok"] is True
    other_hall = Client(sim.url, "OTHER0001", c.key)
    other_hall.platform = c.platform
    _error(other_hall.register(), 403, "hall_mismatch")
    mismatched = {**example("register"), "hall_code": "OTHER0001", "public_key_pem": c.key.pem}
    _error(c.send("POST", "/v1/halls/register", json.dumps(mismatched).encode()), 422, "invalid")


def _refusal_table() -> dict[str, int]:
    section = DOC.read_text("utf-8").split("### Refusals of a request")[1].split("\n### ")[0]
    return {code: int(status) for status, code in re.findall(r"^\| (\d{3}) \| `(\w+)` \|", section, re.M)}


def _provoke(c: Client, cause: str) -> tuple[httpx.Response, str]:
    target = "/v1/ping"
    if cause == "replayed":
        h = c.headers("GET", target, b"")
        assert c.send("GET", target, headers=h).status_code == 200
        return c.send("GET", target, headers=h), h["X-Nonce"]
    if cause == "content_mismatch":
        h = c.headers("PUT", "/v1/cases/case:x:r1", b"{}")
        return c.send("PUT", "/v1/cases/case:x:r1", b'{"x":1}', headers=h), h["X-Nonce"]
    override = {
        "missing_header": {}, "unknown_key": {"signer": Key()},
        "bad_timestamp": {"X-Timestamp": str(int(time.time()) - 1000)}, "bad_nonce": {"X-Nonce": "not-hex"},
        "bad_signature": {"signer": Key()}, "hall_mismatch": {"X-Hall-Code": "OTHER0001"},
    }[cause]
    h = c.headers("GET", target, b"", **override)
    if cause == "missing_header":
        del h["X-Nonce"]
    if cause == "unknown_key":
        h = Client(c.url, c.hall, override["signer"]).headers("GET", target, b"")
    return c.send("GET", target, headers=h), h.get("X-Nonce", "")


def test_every_refusal_has_its_own_code(client: Client, sim: Any) -> None:
    table = _refusal_table()
    assert set(table) == {"missing_header", "unknown_key", "bad_timestamp", "bad_nonce", "content_mismatch",
                          "bad_signature", "hall_mismatch", "replayed"}
    for cause, status in table.items():
        answer, _ = _provoke(client, cause)  # send() checked the answer's signature, over this nonce
        body = _error(answer, status, cause)
        if cause == "bad_timestamp":
            assert abs(body["time"] - time.time()) < 60
    assert sim.stats()["bad_signatures"] == len(table)
    assert client.send("GET", "/v1/ping").status_code == 200  # refusals did not lock the hall out


# --- a case, its materials, the commit ------------------------------------------------------------


def test_case_round_trip_from_the_examples(client: Client) -> None:
    record = example("put-case")
    body = canonical(record).encode("utf-8")
    cid, digest = record["client_id"], hashlib.sha256(body).hexdigest()
    first = client.put_case(record)
    assert first.status_code == 201 and set(first.json()) == set(example("put-case-answer"))
    assert first.json() == {"client_id": cid, "state": "open", "payload_sha256": digest, "receipt": ""}
    again = client.put_case(record)
    assert again.status_code == 200 and again.json() == first.json()
    changed = {**record, "delivery": {"method": "window", "address": ""}}
    _error(client.put_case(changed), 409, "conflict")
    assert _error(client.commit(cid, digest, [MATERIAL_SHA]), 409, "materials_missing")["missing"] == [MATERIAL_SHA]
    _error(client.commit(cid, "0" * 64, [MATERIAL_SHA]), 409, "conflict")
    _error(client.send("GET", f"/v1/materials/{MATERIAL_SHA}"), 404, "not_found")
    assert client.put_chunk(MATERIAL_SHA, 0, len(MATERIAL), MATERIAL[:32]).json()["received"] == 32
    assert _error(client.put_chunk(MATERIAL_SHA, 0, len(MATERIAL), MATERIAL[:32]), 409, "offset_mismatch")["received"] == 32
    done = client.put_chunk(MATERIAL_SHA, 32, len(MATERIAL), MATERIAL[32:]).json()
    assert done == {"sha256": MATERIAL_SHA, "size": len(MATERIAL), "received": len(MATERIAL), "complete": True}
    committed = client.commit(cid, digest, [MATERIAL_SHA])
    assert committed.status_code == 200 and committed.json()["state"] == "committed" and committed.json()["receipt"]
    assert client.commit(cid, digest, [MATERIAL_SHA]).json() == committed.json()
    assert client.send("GET", f"/v1/cases/{cid}").json() == committed.json()
    assert client.put_case(record).json() == committed.json()
    _error(client.send("GET", "/v1/cases/case:NOPE:r1"), 404, "not_found")


def test_client_id_must_match_the_address(client: Client) -> None:
    record = example("put-case")
    body = _error(client.put_case(record, client_id="case:DEMO510104-20261208-0002:r1"), 422, "invalid")
    assert body["fields"] == ["client_id"]


def _schema() -> dict[str, Any]:
    return yaml.safe_load(BLOCKS["case-record"])


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    return schema["$defs"][ref.rsplit("/", 1)[1]] if ref else node


def _wrong(prop: dict[str, Any]) -> Any:
    if "const" in prop or "enum" in prop:
        return "x-not-allowed"
    kind = prop.get("type")
    if kind == "integer":
        return -1
    if kind == "boolean":
        return "true"
    if "pattern" in prop:
        return " "
    return None


def _mutations(schema: dict[str, Any], node: dict[str, Any], value: Any, path: str):
    """(dotted field, mutated copy maker) for every required field and every rule of a property."""
    node = _resolve(schema, node)
    if node.get("type") == "array":
        yield from _mutations(schema, node["items"], value[0], f"{path}[0]")
        return
    for name in node.get("required", []):
        here = f"{path}.{name}" if path else name
        yield here, ("drop", name, None)
        prop = _resolve(schema, node["properties"][name])
        wrong = _wrong(prop)
        if wrong is not None:
            yield here, ("set", name, wrong)
        if prop.get("type") in ("object", "array") and isinstance(value.get(name), (dict, list)) and value[name]:
            for field, change in _mutations(schema, prop, value[name], here):
                yield field, ("in", name, change)


def _apply(value: Any, change: tuple) -> Any:
    action, name, arg = change
    value = json.loads(json.dumps(value))
    target = value[0] if isinstance(value, list) else value
    if action == "drop":
        del target[name]
    elif action == "set":
        target[name] = arg
    else:
        target[name] = _apply(target[name], arg)
    return value


def _refused_for(client: Client, record: dict[str, Any], field: str) -> None:
    body = _error(client.put_case(record, client_id=example("put-case")["client_id"]), 422, "invalid")
    assert field in body["fields"], (field, body)


def test_every_required_and_non_empty_rule_of_the_schema(client: Client) -> None:
    schema, record = _schema(), example("put-case")
    checked, client.check = 0, False  # signed error answers are checked by the other tests; here only the rules
    for field, change in _mutations(schema, schema, record, ""):
        _refused_for(client, _apply(record, change), field)
        checked += 1
    assert checked > 60  # every field of hall, application, applicant, acceptance, materials, delivery


def test_the_schema_s_conditional_rules(client: Client) -> None:
    base = example("put-case")

    def variant(**edits: Any) -> dict[str, Any]:
        record = json.loads(json.dumps(base))
        for dotted, value in edits.items():
            *parents, last = dotted.split("__")
            target = record
            for part in parents:
                target = target[int(part)] if part.isdigit() else target[part]
            if value is KeyError:
                del target[last]
            else:
                target[last] = value
        return record

    person = {**base["application"]["applicant"]}
    del person["name"]
    cases = [
        (variant(acceptance__gap_due_date=KeyError), "acceptance.gap_due_date"),
        (variant(acceptance__with_gap=False), "acceptance.gap_due_date"),
        (variant(materials__0__sha256=""), "materials[0].sha256"),
        (variant(materials__1__sha256=MATERIAL_SHA), "materials[1].sha256"),
        (variant(delivery__address="  "), "delivery.address"),
        (variant(application__agent=person), "application.agent.name"),
        (variant(application__agent=KeyError), "application.agent"),
    ]
    for record, field in cases:
        _refused_for(client, record, field)
    fine = variant(acceptance__with_gap=False, acceptance__gap_due_date=KeyError, delivery__method="window",
                   delivery__address="", application__agent={**person, "name": "王五"}, materials=[])
    assert client.put_case(fine).status_code == 201


def test_a_material_s_source_and_its_licence_fields(client: Client) -> None:
    """`source` window or licence (absent: window); a licence line names its issuer and number, a
    window line neither: anything else is `422 invalid` naming the line's field."""
    base = example("put-case")
    licence = {**example("licence-line"), "sha256": MATERIAL_SHA}

    def record(line: dict[str, Any], serial: int = 1) -> dict[str, Any]:
        value = json.loads(json.dumps(base))
        value["materials"].append(line)
        value["client_id"] = f"case:DEMO510104-20261208-01{serial:02d}:r1"
        return value

    window = {key: value for key, value in licence.items() if key not in ("issuer", "licence_number")}
    window["source"] = "window"
    where = f"materials[{len(base['materials'])}]"
    refused = [
        ({**licence, "source": "paper"}, "source"),
        ({key: v for key, v in licence.items() if key != "issuer"}, "issuer"),
        ({**licence, "issuer": "  "}, "issuer"),
        ({key: v for key, v in licence.items() if key != "licence_number"}, "licence_number"),
        ({**licence, "licence_number": 5315280132}, "licence_number"),
        ({**window, "issuer": "示例市公安局（模拟）"}, "issuer"),
        ({key: v for key, v in {**licence, "issuer": ""}.items() if key != "source"}, "issuer"),  # absent: window
    ]
    for line, field in refused:
        body = _error(client.put_case(record(line)), 422, "invalid")
        assert f"{where}.{field}" in body["fields"], (line, body)
    without = {key: value for key, value in window.items() if key != "source"}  # a record from before `source`
    for serial, line in enumerate((licence, window, without), start=1):
        answer = client.put_case(record(line, serial))
        assert answer.status_code == 201, (line, answer.text)


def test_encrypted_upload_decrypts_with_the_documented_key(client: Client, sim: Any) -> None:
    transport = base64.b64decode(client.register().json()["transport_key"])
    okm = hkdf_sm3(transport, b"hallapp-material|" + MATERIAL_SHA.encode("ascii"))
    cipher = sm4_ctr(okm[:16], okm[16:], MATERIAL, 0)
    enc = {"X-Encryption": "SM4-CTR"}
    _error(client.put_chunk(MATERIAL_SHA, 0, len(MATERIAL), cipher[:20], **enc), 422, "invalid")  # not on 16 bytes
    assert client.put_chunk(MATERIAL_SHA, 0, len(MATERIAL), cipher[:32], **enc).json()["received"] == 32
    _error(client.put_chunk(MATERIAL_SHA, 32, len(MATERIAL), cipher[32:], **{"X-Encryption": "AES"}), 422, "invalid")
    assert client.put_chunk(MATERIAL_SHA, 32, len(MATERIAL), cipher[32:], **enc).json()["complete"] is True
    stored = Path(sim.platform.store.dir) / "materials" / client.hall / f"{MATERIAL_SHA}.pdf"
    assert stored.read_bytes() == MATERIAL


def test_a_changed_length_restarts_only_at_zero(client: Client) -> None:
    wrong_total = len(MATERIAL) + 16
    assert client.put_chunk(MATERIAL_SHA, 0, wrong_total, MATERIAL[:32]).json()["size"] == wrong_total
    body = _error(client.put_chunk(MATERIAL_SHA, 32, len(MATERIAL), MATERIAL[32:]), 409, "length_mismatch")
    assert (body["size"], body["received"]) == (wrong_total, 32)
    assert client.put_chunk(MATERIAL_SHA, 0, len(MATERIAL), MATERIAL[:16]).json() == {
        "sha256": MATERIAL_SHA, "size": len(MATERIAL), "received": 16, "complete": False}
    _error(client.put_chunk(MATERIAL_SHA, 16, len(MATERIAL), MATERIAL[16:] + b"x"), 422, "invalid")  # past the end
    assert client.put_chunk(MATERIAL_SHA, 16, len(MATERIAL), MATERIAL[16:]).json()["complete"] is True
    again = client.put_chunk(MATERIAL_SHA, 0, 5, b"other")
    assert again.status_code == 200 and again.json()["complete"] is True and again.json()["size"] == len(MATERIAL)


def test_wrong_bytes_are_discarded_whole(client: Client) -> None:
    forged = MATERIAL.replace(b"1.4", b"1.7")
    _error(client.put_chunk(MATERIAL_SHA, 0, len(forged), forged), 422, "hash_mismatch")
    _error(client.send("GET", f"/v1/materials/{MATERIAL_SHA}"), 404, "not_found")


def test_a_chunk_cut_short_is_not_kept(client: Client) -> None:
    target = f"/v1/materials/{MATERIAL_SHA}"
    chunk = MATERIAL[:48]
    h = client.headers("PUT", target, chunk)
    host, port = client.url.split("//")[1].split(":")
    head = f"PUT {target} HTTP/1.1\r\nHost: {host}\r\nContent-Length: {len(chunk)}\r\nX-Upload-Offset: 0\r\n" \
           f"X-Upload-Length: {len(MATERIAL)}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in h.items()) + "\r\n"
    with socket.create_connection((host, int(port)), timeout=5) as raw:
        raw.sendall(head.encode("ascii") + chunk[:20])  # the link dies 20 bytes into the chunk
    time.sleep(0.5)  # the server has seen the connection end
    _error(client.send("GET", target), 404, "not_found")  # nothing of the cut chunk was kept
    assert client.put_chunk(MATERIAL_SHA, 0, len(MATERIAL), chunk).json()["received"] == 48


# --- key rotation and status updates ---------------------------------------------------------------


def test_key_rotation_keeps_the_hall_s_cases(client: Client, sim: Any) -> None:
    record = example("put-case")
    body = canonical(record).encode("utf-8")
    assert client.put_case(record).status_code == 201
    assert client.put_chunk(MATERIAL_SHA, 0, len(MATERIAL), MATERIAL[:32]).status_code == 200
    rotated = Client(client.url, client.hall, Key())
    assert rotated.register().status_code == 200
    assert rotated.send("GET", f"/v1/cases/{record['client_id']}").json()["state"] == "open"
    assert rotated.put_chunk(MATERIAL_SHA, 32, len(MATERIAL), MATERIAL[32:]).json()["complete"] is True
    digest = hashlib.sha256(body).hexdigest()
    assert rotated.commit(record["client_id"], digest, [MATERIAL_SHA]).json()["state"] == "committed"
    assert client.send("GET", "/v1/ping").status_code == 200  # the old key is still valid


def test_status_feed_per_hall(client: Client) -> None:
    record = example("put-case")
    assert client.put_case(record).status_code == 201
    empty = client.send("GET", "/v1/status-updates?since=0&limit=200")
    assert empty.json() == example("status-updates-empty")
    assert client.send("GET", "/v1/status-updates?since=12345&limit=200").json() == {"updates": [], "next": 12345}
    other = Client(client.url, "OTHER0001", Key())
    assert other.register(name="另一个大厅", region="110101").status_code == 200
    other_record = json.loads(canonical(record).replace("DEMO510104", "OTHER0001"))
    assert other.put_case(other_record).status_code == 201
    for rec, status in ((record, "received"), (other_record, "received"), (record, "in_process")):
        httpx.post(f"{client.url}/_sim/cases/{rec['client_id']}/status", json={"status": status}).raise_for_status()
    feed = client.send("GET", "/v1/status-updates?since=0&limit=200").json()
    seqs = [u["seq"] for u in feed["updates"]]
    assert [u["status"] for u in feed["updates"]] == ["received", "in_process"] and seqs == sorted(set(seqs))
    assert feed["next"] == seqs[-1] and all(u["client_id"] == record["client_id"] for u in feed["updates"])
    for u in feed["updates"]:
        assert set(u) == {"seq", "client_id", "case_number", "status", "reason", "waybill", "at"}
        assert re.fullmatch(r"[0-9]{8}T[0-9]{6}", u["at"]) and u["reason"] == "" and u["waybill"] == ""
    limited = client.send("GET", "/v1/status-updates?since=0&limit=1").json()
    assert [u["seq"] for u in limited["updates"]] == seqs[:1] and limited["next"] == seqs[0]
    after = client.send("GET", f"/v1/status-updates?since={feed['next']}&limit=200").json()
    assert after == {"updates": [], "next": feed["next"]}
    assert [u["client_id"] for u in other.send("GET", "/v1/status-updates?since=0&limit=5").json()["updates"]] == [
        other_record["client_id"]]
    _error(client.send("GET", "/v1/status-updates?since=-1&limit=5"), 422, "invalid")
    _error(client.send("GET", "/v1/status-updates?since=0&limit=0"), 422, "invalid")


def test_injected_503_carries_retry_after(tmp_path: Path) -> None:
    from hallapp.simulator import server as simulator

    with simulator.serve(0, data_dir=tmp_path / "p", fault_rate=1.0, retry_after="7", seed=1) as server:
        c = Client(server.url, "DEMO510104", Key())
        c.platform = platform_verifier(server.platform.key.public_pem)
        statuses = set()
        for _ in range(12):
            answer = c.send("GET", "/v1/ping")  # signed, even as a fault
            statuses.add(answer.status_code)
            assert answer.headers.get("Retry-After") == ("7" if answer.status_code == 503 else None)
    assert 503 in statuses
