"""`satchel serve` under a bounded local load: it listens on the loopback address only, answers at least
20,000 requests from wrk (pages, a listing, an asset and a missing page) without a socket error or an
unexpected status, and afterwards is still alive, serves the same bytes, rebuilds after an edit and has not
grown without bound. The numbers wrk measured are printed (pytest -s shows them)."""
import http.client
import json
import pathlib
import re
import subprocess
import time

import pytest

from conftest import serving_bundled_copy

LOAD_SCRIPT = pathlib.Path(__file__).resolve().parent / "serve_load.lua"
REQUESTS = 20_000
DURATION = 20  # seconds: needs 1,000 requests a second, a fifth of what it answers on a busy 2-core machine
THREADS = 2
CONNECTIONS = 16
# Paths wrk requests in turn; the live-reload event stream is left alone (each request would stay open).
PATHS = {
    "/index.html": 200,
    "/materials/nylon.html": 200,
    "/materials/index.html": 200,
    "/assets/style.css": 200,
    "/materials/no-such-page.html": 404,
}
RELOAD_TAG = re.compile(rb'<script src="/__satchel/[^"]*" data-generation="[^"]*"></script>')


@pytest.fixture
def server():
    """`satchel serve --port 0` (default host) over a copy of the bundled content; yields (port, process, folder)."""
    with serving_bundled_copy("satchel-load-") as (process, port, folder):
        yield port, process, folder


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def listening_addresses(port):
    """The local addresses of the TCP sockets listening on `port`, from /proc/net/tcp and tcp6."""
    addresses = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as lines:
            next(lines)
            for line in lines:
                fields = line.split()
                address, port_hex = fields[1].split(":")
                if fields[3] == "0A" and int(port_hex, 16) == port:
                    addresses.append(address)
    return addresses


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def test_default_bind_is_loopback_only(server):
    port, _, _ = server
    # 127.0.0.1 in /proc/net/tcp's little-endian hex; no socket on any other address (0.0.0.0, ::).
    assert listening_addresses(port) == ["0100007F"]


def test_survives_bounded_load_and_serves_the_same_bytes(server):
    port, process, folder = server
    before = {path: fetch(port, path) for path in PATHS}
    for path, status in PATHS.items():
        assert before[path][0] == status, path
        served = RELOAD_TAG.sub(b"", before[path][1])
        on_disk = folder / "public" / ("404.html" if status == 404 else path.lstrip("/"))
        assert served == on_disk.read_bytes(), path
    resident_before = resident_kib(process.pid)

    run = subprocess.run(
        ["wrk", "--threads", str(THREADS), "--connections", str(CONNECTIONS), "--duration", f"{DURATION}s",
         "--timeout", "5s", "--script", str(LOAD_SCRIPT), f"http://127.0.0.1:{port}", "--", *PATHS],
        capture_output=True, text=True, timeout=DURATION + 60, check=True)
    result = json.loads(next(line for line in run.stdout.splitlines() if line.startswith("RESULT "))[len("RESULT "):])
    print(f"\nwrk: {result['requests']} requests in {result['duration_us'] / 1e6:.1f} s "
          f"({result['requests'] / (result['duration_us'] / 1e6):.0f} requests/s), latency mean "
          f"{result['latency_us']['mean'] / 1000:.2f} ms, p50 {result['latency_us']['p50'] / 1000:.2f} ms, "
          f"p99 {result['latency_us']['p99'] / 1000:.2f} ms, max {result['latency_us']['max'] / 1000:.2f} ms; "
          f"RSS {resident_before} KiB before, {resident_kib(process.pid)} KiB after")

    assert result["requests"] >= REQUESTS
    errors = result["errors"]
    assert (errors["connect"], errors["read"], errors["write"], errors["timeout"]) == (0, 0, 0, 0)
    # Every response has the status and the body length of one of the paths as served before the load.
    expected = {f"{status} {len(body)}" for status, body in before.values()}
    assert set(result["responses"]) <= expected
    assert sum(result["responses"].values()) == result["requests"]
    # Only the missing page answers 404 (wrk counts them as status errors), about one request in len(PATHS).
    missing = sum(count for key, count in result["responses"].items() if key.startswith("404 "))
    assert errors["status"] == missing
    assert abs(missing - result["requests"] / len(PATHS)) <= CONNECTIONS + THREADS

    assert process.poll() is None
    assert {path: fetch(port, path) for path in PATHS} == before
    # The heap may grow to its working size, but not with the number of requests.
    assert resident_kib(process.pid) < resident_before + 64 * 1024

    # It still watches and rebuilds: an edit shows up in the served page.
    page = folder / "content" / "materials" / "nylon.md"
    page.write_text(page.read_text().replace("title: Nylon", "title: Nylon after load", 1))
    for _ in range(200):
        status, body = fetch(port, "/materials/nylon.html")
        if b"Nylon after load" in body:
            break
        time.sleep(0.1)
    assert status == 200 and b"<h1>Nylon after load</h1>" in body
