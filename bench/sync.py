"""Sync bench: drain an outbox of N accepted cases × 3 materials of ≈ 200 KB to the platform
simulator on loopback, against a bare httpx upload of the same bytes in the same run.

  setup     a demo hall in a temporary HALLAPP_HOME; N cases through the real intake
            (`cases.submit_intake`: encrypted material store + outbox entry in the case's
            transaction), each with 3 distinct random "PDFs" of --size bytes; the hall key registered.
  sync      `python -m hallapp.sync --once` in a child process (the same engine as `hallapp sync`):
            signed case PUT, material PUTs (SHA-256 checked by the simulator), commit, local confirm.
            Reported: wall time, MB/s of material bytes, the child's peak RSS (ru_maxrss, os.wait4).
  baseline  a bare httpx client (keep-alive) PUTs the same material bytes, one request per material,
            to the simulator's /_sim/sink (reads the body, stores nothing, no signature): MB/s.
  ratio     sync MB/s / bare MB/s.
  floor     the contract floor: what the contract itself costs a client, same cases, same simulator.
            A fresh hall key registered as its own hall (its materials are stored, not found held);
            `engine` lanes (options.lanes) of bare httpx keep-alive connections send each case as the
            document demands (record PUT, one PUT per material chunk, commit), every request with SM3
            of its body in X-Content-SM3 and the SM2 signature over the canonical lines, every answer's
            SM2 signature verified. Material bytes read before the clock starts; no database, outbox
            or sealed store. Reported: floor MB/s, ratio sync / floor, ratio floor / bare.
  idle run  the same child again with nothing left to send (start-up, probe, lane clients, pull):
            drain MB/s = material bytes / (sync wall − idle wall), ratio drain / floor.
  CPU       user + system seconds of each run: the sync child (os.wait4), this process for the bare
            upload and the floor (getrusage), the simulator (/proc/PID/stat) around each run.
  link      the county-link run: a second hall of --link-cases cases synced through
            bench/county_link.py (--link-mbit, --link-rtt-ms, --link-reset-rate), then the bare upload
            through it; link utilisation = bytes sent up the pipe / (bandwidth × sync wall time).

The simulator runs in its own process (`python -m hallapp.simulator.server --port 0`), so client and
server do not share a GIL.

    .venv/bin/python bench/sync.py [--cases 2000] [--size 200000] [--link-cases 40] [--json]

Exits 1 if an outbox is not fully confirmed or the simulator counts a duplicate or a hash mismatch.
Unknown options (those run_all.py passes to every bench) are ignored.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _make_cases(app, count: int, size: int) -> int:
    from datetime import date

    from hallapp.domain.cases import Decision, MaterialStatus
    from hallapp.domain.identity import manual_identity
    from hallapp.domain.idnumber import make_id_number
    from hallapp.services import cases, catalog
    from hallapp.services.hall import ensure_demo_hall

    info = ensure_demo_hall(app.db)
    with app.db.unit_of_work() as uow:  # every accepted case has a 受理人 (the record needs one)
        clerk = next(s for s in uow.staff.all(info.id) if s.username == "clerk1")
        clerk_id, clerk_name = clerk.id, clerk.username
    items = [c for c in (catalog.checklist(app.db, hit.code) for hit in catalog.search(app.db, "0", 200))
             if sum(line.required for line in c.lines) >= 3]
    rng, total = random.Random(2026), 0
    for index in range(count):
        item = items[index % len(items)]
        required = [line for line in item.lines if line.required]
        pdfs = [b"%PDF-1.4\n" + rng.randbytes(size - 9) if n < 3 else b"%PDF-1.4\n" for n in range(len(required))]
        total += sum(len(p) for p in pdfs[:3])
        id_number = make_id_number("110105", date(1980, 1, 1 + index % 28), 1 + index % 900)
        applicant = manual_identity(name="测试", id_number=id_number, today=date.today(), valid_to=date(2035, 1, 1))
        materials = [cases.MaterialInput(line.position, MaterialStatus.CAPTURED, pdf, 1)
                     for line, pdf in zip(required, pdfs, strict=True)]
        intake = cases.IntakeInput(applicant=applicant, item_code=item.code, handling_region_code="110105",
                                   materials=materials, decision=Decision.ACCEPT, counter_number=1, staff_id=clerk_id,
                                   staff_username=clerk_name)
        cases.submit_intake(app.db, app.home, info.id, intake)
    return total


def _start_sim(data_dir: Path) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "hallapp.simulator.server", "--port", "0", "--data-dir", str(data_dir)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    line = proc.stdout.readline()
    return proc, line.rsplit(" ", 1)[-1].strip()


def _bare(url: str, app, hashes: list[str]) -> float:
    """MB/s of a bare keep-alive upload of the same material bytes, one PUT per material (a PUT cut
    by the county link's reset is sent again, and its time counts)."""
    import httpx

    from hallapp.storage import material_store
    from hallapp.sync.http_client import NODELAY

    sent, elapsed = 0, 0.0
    with httpx.Client(transport=httpx.HTTPTransport(socket_options=NODELAY, retries=0), timeout=60) as client:
        for sha in hashes:
            data = material_store.load(app.home, sha)  # same bytes, read the same way, not timed
            if len(data) < 1024:  # the items' other (tiny) materials: not part of the measured bytes
                continue
            started = time.perf_counter()
            for _ in range(5):
                try:
                    client.put(url + "_sim/sink", content=data).raise_for_status()
                    break
                except httpx.TransportError:
                    continue
            elapsed += time.perf_counter() - started
            sent += len(data)
    return sent / elapsed / 1e6


# --- the contract floor: what the contract itself costs, with no local bookkeeping at all -------------

FLOOR_HALL = "FLOOR0000001"  # its own hall at the simulator: its materials are stored, not found held


def _no_cookies():
    import httpx

    class NoCookies(httpx.Cookies):
        def extract_cookies(self, response: httpx.Response) -> None:
            return None

    return NoCookies()


class _FloorLane:
    """One keep-alive connection sending whole cases as the contract demands of a client: every
    request with SM3 of its body and an SM2 signature over the canonical lines, every answer's SM2
    signature verified before it is believed. Nothing else: no database, outbox or sealed store."""

    def __init__(self, url: str, key, platform_key) -> None:
        import httpx

        from hallapp.sync.http_client import NODELAY

        self.base, self.key, self.platform_key = url.rstrip("/"), key, platform_key
        self.http = httpx.Client(transport=httpx.HTTPTransport(socket_options=NODELAY, retries=0), timeout=60)
        self.http._cookies = _no_cookies()  # the contract has none; parsing them is no cost of the contract

    def call(self, method: str, path: str, body: bytes, headers: dict[str, str]) -> dict:
        from hallapp.sync import signing

        signed = signing.sign_headers(self.key, FLOOR_HALL, method, path, body)
        answer = self.http.request(method, self.base + path, content=body, headers={**headers, **signed})
        if not signing.answer_is_signed(self.platform_key, answer.status_code, signed[signing.NONCE], answer.content,
                                        answer.headers.get(signing.ANSWER_SIGNATURE, "")):
            raise SystemExit(f"floor: unsigned answer to {method} {path}")
        if not 200 <= answer.status_code < 300:
            raise SystemExit(f"floor: {answer.status_code} {answer.content[:200]!r} to {method} {path}")
        return json.loads(answer.content)

    def send(self, case: tuple[str, bytes, str, list[str]], materials: dict[str, bytes], chunk: int) -> None:
        client_id, payload, payload_sha256, hashes = case
        as_json = {"Content-Type": "application/json"}
        self.call("PUT", f"/v1/cases/{client_id}", payload, as_json)
        for sha in hashes:
            data = materials[sha]
            for offset in range(0, len(data), chunk):
                self.call("PUT", f"/v1/materials/{sha}", data[offset:offset + chunk],
                          {"Content-Type": "application/octet-stream", "X-Upload-Offset": str(offset),
                           "X-Upload-Length": str(len(data))})
        commit = json.dumps({"payload_sha256": payload_sha256, "materials": hashes}).encode("utf-8")
        ack = self.call("POST", f"/v1/cases/{client_id}/commit", commit, as_json)
        if ack.get("state") != "committed" or not ack.get("receipt"):
            raise SystemExit(f"floor: case {client_id} not committed")


def _floor_cases(app) -> tuple[list[tuple[str, bytes, str, list[str]]], dict[str, bytes]]:
    """The outbox's cases as the floor sends them (own client ids and hall code), and every material's
    bytes read once, before the clock starts."""
    from hallapp.storage import material_store
    from hallapp.sync import records

    cases, materials = [], {}
    with app.db.unit_of_work() as uow:
        rows = [json.loads(row.payload) for row in uow.outbox.entries(limit=10**6)]
    for index, record in enumerate(rows):
        record["client_id"] = f"floor-{index:06d}"
        record["hall"]["code"] = FLOOR_HALL
        payload, hashes = records.canonical(record), records.material_hashes(record)
        cases.append((record["client_id"], payload, records.sha256_hex(payload), hashes))
        for sha in hashes:
            if sha not in materials:
                materials[sha] = material_store.load(app.home, sha)
    return cases, materials


def _floor_register(url: str):
    """A fresh hall key registered at the simulator (signed by the key it registers); the platform's
    answer key it names, pinned for the run."""
    import httpx

    from hallapp.sync import crypto, signing

    key = crypto.HallKey.generate()
    body = json.dumps({"hall_code": FLOOR_HALL, "hall_name": "contract floor", "region_code": "110105",
                       "public_key_pem": key.public_pem}).encode("utf-8")
    path = "/v1/halls/register"
    headers = {"Content-Type": "application/json", **signing.sign_headers(key, FLOOR_HALL, "POST", path, body)}
    answer = httpx.post(url.rstrip("/") + path, content=body, headers=headers)
    answer.raise_for_status()
    platform_key = crypto.PublicKey(answer.json()["platform_public_key_pem"])
    if not signing.answer_is_signed(platform_key, answer.status_code, headers[signing.NONCE], answer.content,
                                    answer.headers.get(signing.ANSWER_SIGNATURE, "")):
        raise SystemExit("floor: registration answer not signed")
    return key, platform_key


def _floor(url: str, app, lanes: int, chunk: int) -> tuple[float, float]:
    """(seconds, CPU seconds of this process) to send the outbox's cases as the contract demands, on
    `lanes` keep-alive connections at once (the engine's lanes), against the same simulator."""
    import threading

    cases, materials = _floor_cases(app)
    key, platform_key = _floor_register(url)
    pending, errors = list(reversed(cases)), []
    lock = threading.Lock()

    clients = [_FloorLane(url, key, platform_key) for _ in range(lanes)]  # made before the clock starts

    def lane(client: _FloorLane) -> None:
        try:
            while not errors:
                with lock:
                    if not pending:
                        return
                    case = pending.pop()
                client.send(case, materials, chunk)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)
        finally:
            client.http.close()

    threads = [threading.Thread(target=lane, args=(client,), name="floor-lane") for client in clients]
    cpu0, started = _cpu(resource.getrusage(resource.RUSAGE_SELF)), time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed, cpu = time.perf_counter() - started, _cpu(resource.getrusage(resource.RUSAGE_SELF)) - cpu0
    if errors:
        raise errors[0]
    return elapsed, cpu


def _cpu(usage) -> float:
    return usage.ru_utime + usage.ru_stime


def _proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far, from /proc (Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _sync(home: Path, url: str) -> tuple[float, Any, str]:
    """(wall seconds, the child's resource usage, its summary line)."""
    env = {**os.environ, "HALLAPP_HOME": str(home), "HALLAPP_PLATFORM_URL": url}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "hallapp.sync", "--once"], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    line = proc.stdout.read().strip()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"sync failed: {line}")
    return elapsed, usage, line


def _start_link(sim_url: str, args: argparse.Namespace) -> tuple[subprocess.Popen, str]:
    upstream = sim_url.split("//", 1)[1].rstrip("/")
    proc = subprocess.Popen([sys.executable, str(ROOT / "bench" / "county_link.py"), "--upstream", upstream,
                             "--mbit", str(args.link_mbit), "--rtt-ms", str(args.link_rtt_ms),
                             "--reset-rate", str(args.link_reset_rate), "--seed", "14"],
                            stdout=subprocess.PIPE, text=True)
    return proc, "http://" + proc.stdout.readline().rsplit(" ", 1)[-1].strip() + "/"


def _stop_link(proc: subprocess.Popen) -> dict:
    proc.terminate()
    out, _ = proc.communicate(timeout=30)
    return json.loads(out.strip().splitlines()[-1])


def _hashes(app) -> list[str]:
    from hallapp.sync import records

    with app.db.unit_of_work() as uow:
        return [h for row in uow.outbox.entries(limit=10**6) for h in records.material_hashes(json.loads(row.payload))]


def _link_run(tmp: Path, sim_url: str, args: argparse.Namespace) -> dict:
    """The county-link run: a second hall's backlog drained through the shaping proxy."""
    from hallapp.bootstrap import open_app
    from hallapp.sync import outbox_view, registration

    home = tmp / "link-home"
    os.environ["HALLAPP_HOME"] = str(home)
    app = open_app()
    material_bytes = _make_cases(app, args.link_cases, args.size)
    app.settings.platform.url = sim_url
    registration.register(app)
    capacity = args.link_mbit * 1e6 / 8  # bytes/s each way
    link, url = _start_link(sim_url, args)
    try:
        sync_s, _, line = _sync(home, url)
    finally:
        sync_link = _stop_link(link)
    link, url = _start_link(sim_url, args)
    try:
        bare_mbs = _bare(url, app, _hashes(app))
    finally:
        bare_link = _stop_link(link)
    confirmed = outbox_view.sync_status(app.db)["counts"]["confirmed"]
    app.close()
    busy = max(sync_link["up_busy_s"], 1e-9)
    return {"link": f"{args.link_mbit:g} Mbit/s, {args.link_rtt_ms:g} ms RTT, {args.link_reset_rate:.0%} resets",
            "link_cases": args.link_cases, "link_sync_s": round(sync_s, 1),
            "link_sync_MBps": round(material_bytes / sync_s / 1e6, 3),
            "link_utilisation": round(sync_link["up_bytes"] / (capacity * sync_s), 3),
            "link_utilisation_busy": round(sync_link["up_bytes"] / (capacity * busy), 3),
            "link_goodput": round(material_bytes / (capacity * sync_s), 3),
            "link_bare_MBps": round(bare_mbs, 3), "link_bare_utilisation": round(bare_mbs * 1e6 / capacity, 3),
            "link_ratio": round(material_bytes / sync_s / 1e6 / bare_mbs, 3),
            "link_resets": sync_link["resets"], "link_requests": sync_link["requests"],
            "link_connections": sync_link["connections"], "link_summary": line, "link_confirmed": confirmed,
            "_link_ok": confirmed == args.link_cases, "_bare_resets": bare_link["resets"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--size", type=int, default=200_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--link-cases", type=int, default=40, help="cases of the county-link run (0: no such run)")
    parser.add_argument("--link-mbit", type=float, default=4.0)
    parser.add_argument("--link-rtt-ms", type=float, default=100.0)
    parser.add_argument("--link-reset-rate", type=float, default=0.01)
    args, _ = parser.parse_known_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        home = Path(tmp) / "home"
        os.environ["HALLAPP_HOME"] = str(home)
        from hallapp.bootstrap import open_app
        from hallapp.sync import outbox_view, registration
        from hallapp.sync.options import from_settings

        app = open_app()
        t0 = time.perf_counter()
        material_bytes = _make_cases(app, args.cases, args.size)
        setup_s = time.perf_counter() - t0
        sim, url = _start_sim(Path(tmp) / "platform")
        try:
            app.settings.platform.url = url
            registration.register(app)
            sim0 = _proc_cpu(sim.pid)
            sync_s, usage, line = _sync(home, url)
            sim1 = _proc_cpu(sim.pid)
            idle_s, idle_usage, _ = _sync(home, url)  # nothing left to send: the child's start-up and probe
            sim2 = _proc_cpu(sim.pid)
            hashes, bare_cpu0 = _hashes(app), _cpu(resource.getrusage(resource.RUSAGE_SELF))
            bare_mbs = _bare(url, app, hashes)  # its CPU includes reading the sealed store (not timed)
            bare_cpu, sim3 = _cpu(resource.getrusage(resource.RUSAGE_SELF)) - bare_cpu0, _proc_cpu(sim.pid)
            floor_s, floor_cpu = _floor(url, app, from_settings(app.settings).lanes, app.settings.sync.chunk_bytes)
            sim4 = _proc_cpu(sim.pid)
            counts = outbox_view.sync_status(app.db)["counts"]
            app.close()
            link = _link_run(Path(tmp), url, args) if args.link_cases > 0 else {}
            import httpx

            stats = httpx.get(url + "_sim/stats").json()
        finally:
            sim.terminate()
            sim.wait()
    sync_mbs, floor_mbs = material_bytes / sync_s / 1e6, material_bytes / floor_s / 1e6
    drain_mbs = material_bytes / max(sync_s - idle_s, 1e-9) / 1e6
    result = {"cases": args.cases, "materials": 3 * args.cases, "material_bytes": material_bytes, "setup_s": round(setup_s, 1),
              "sync_s": round(sync_s, 1), "sync_MBps": round(sync_mbs, 1), "cases_per_s": round(args.cases / sync_s, 1),
              "bare_httpx_MBps": round(bare_mbs, 1), "ratio": round(sync_mbs / bare_mbs, 3),
              "floor_s": round(floor_s, 2), "floor_MBps": round(floor_mbs, 1),
              "ratio_sync_floor": round(sync_mbs / floor_mbs, 3), "ratio_floor_bare": round(floor_mbs / bare_mbs, 3),
              "idle_run_s": round(idle_s, 2), "drain_MBps": round(drain_mbs, 1),
              "ratio_drain_floor": round(drain_mbs / floor_mbs, 3),
              "sync_cpu_s": round(_cpu(usage), 2), "sync_sim_cpu_s": round(sim1 - sim0, 2),
              "idle_cpu_s": round(_cpu(idle_usage), 2), "idle_sim_cpu_s": round(sim2 - sim1, 2),
              "bare_cpu_s": round(bare_cpu, 2), "bare_sim_cpu_s": round(sim3 - sim2, 2),
              "floor_cpu_s": round(floor_cpu, 2), "floor_sim_cpu_s": round(sim4 - sim3, 2),
              "peak_rss_MiB": round(usage.ru_maxrss / 2**10, 1), "summary": line, "confirmed": counts["confirmed"],
              "duplicates": stats["duplicates"], "hash_mismatches": stats["hash_mismatches"],
              **{k: v for k, v in link.items() if not k.startswith("_")}}
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        for key, value in result.items():
            print(f"{key:>22}: {value}")
    ok = counts["confirmed"] == args.cases and stats["duplicates"] == 0 and stats["hash_mismatches"] == 0
    ok = ok and link.get("_link_ok", True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
