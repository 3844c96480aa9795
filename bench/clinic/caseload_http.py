"""The caseload request through HTTP for one clinician with N patients (default 300), each with a
program, a week of sessions, pain ratings and check-ins (some with a warning sign), on a real
`kneecoach clinic serve` and PostgreSQL. Prints the p50 and p99 of GET /api/v1/clinic/caseload.

    cmake --build --preset release --target kneecoach
    scripts/pg-cluster start /tmp/kc-bench-pg
    KNEECOACH_TEST_PG_URL="$(scripts/pg-cluster url /tmp/kc-bench-pg)" KNEECOACH_BIN=$PWD/build/release/src/app/kneecoach \\
      KNEECOACH_CONTENT=$PWD/content python3 bench/clinic/caseload_http.py [--patients 300] [--requests 200] \\
      [--rounds N] [--page]
    scripts/pg-cluster stop /tmp/kc-bench-pg

--rounds repeats the requests (one line each); --page then times the caseload page in chromium
(bench/clinic/caseload_page.mjs, needs web/dist).

Measured 2026-12-06 on this 2-core machine while other sessions compiled (load average about 17):
seeded 300 patients in 101 s; 264 flagged; reply 194 KB; 100 requests: p50 208.6 ms, p99 383.9 ms.
After the caseload's statements read through indexes (store schema 6; bench/clinic/README.md), the
same machine and load (15 to 17): 5 rounds of 100 requests, p50 68 to 127 ms, p99 128 to 657 ms.
"""
import argparse
import datetime
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "clinic"))
from clinic_support import (PASSWORD, ClinicServer, add_clinician, answers, init_clinic,  # noqa: E402
                            new_database)


def day(ago):
    return (datetime.datetime.now(datetime.timezone.utc).date() - datetime.timedelta(days=ago)).isoformat()


def enrol(server, clinician, i):
    """Patient i: invited, accepted, a program started 20 days ago, sessions, ratings, check-ins."""
    _, invite = clinician.json("POST", "/api/v1/clinic/invites", {"username": f"patient{i:04d}"}, expect=201)
    patient = server.client()
    token = re.search(r"invite=([A-Za-z0-9_-]+)", invite["link"]).group(1)
    patient.json("POST", "/api/v1/clinic/invites/accept", {"token": token, "password": PASSWORD}, expect=200)
    _, created = patient.json("POST", "/api/v1/people", {"answers": answers(), "start": day(20)}, expect=201)
    pid = created["person"]["id"]
    for ago in (6, 4, 2) if i % 5 else ():  # every fifth patient has stopped coming
        patient.json("POST", f"/api/v1/people/{pid}/sessions",
                     {"date": day(ago), "status": "finished", "exercises": [{"position": 0, "status": "done"}]},
                     expect=201)
    patient.json("POST", f"/api/v1/people/{pid}/measures", {"measure": "pain-now", "value": i % 9}, expect=201)
    for ago in (5, 3, 1):  # the last may stop the program (a warning sign): nothing after it
        patient.json("POST", f"/api/v1/people/{pid}/check-ins",
                     {"date": day(ago), "next_morning_pain": (i + ago) % 8,
                      **({"red_flags": ["calf_pain_or_swelling"]} if i % 17 == 0 and ago == 1 else {})},
                     expect=201)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=300)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=1, help="measure the requests this many times")
    parser.add_argument("--page", action="store_true",
                        help="then time the caseload page in chromium (bench/clinic/caseload_page.mjs)")
    args = parser.parse_args()
    db = new_database()
    folder = tempfile.mkdtemp()
    init_clinic(db, folder)
    add_clinician(db, "bench")
    web = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "web", "dist")
    server = ClinicServer(db, fake_time=None, web=web if args.page else None)
    try:
        clinician = server.client()
        clinician.login("bench")
        started = time.monotonic()
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda i: enrol(server, clinician, i), range(args.patients)))
        print(f"seeded {args.patients} patients in {time.monotonic() - started:.0f} s")
        _, got = clinician.json("GET", "/api/v1/clinic/caseload", expect=200)
        flagged = sum(1 for p in got["patients"] if p["flags"])
        print(f"caseload: {len(got['patients'])} patients, {flagged} flagged, first: {got['patients'][0]['flags']}")
        for _ in range(args.rounds):
            times = []
            for _ in range(args.requests):
                t0 = time.perf_counter()
                status, _, body = clinician.request("GET", "/api/v1/clinic/caseload")
                times.append((time.perf_counter() - t0) * 1000)
                assert status == 200, body[:200]
            times.sort()
            p50 = times[len(times) // 2]
            p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
            print(f"GET /api/v1/clinic/caseload, {args.patients} patients, {len(body)} bytes: "
                  f"{args.requests} requests, p50 {p50:.1f} ms, p99 {p99:.1f} ms (load average "
                  f"{os.getloadavg()[0]:.1f})", flush=True)
        if args.page:
            page = os.path.join(os.path.dirname(os.path.abspath(__file__)), "caseload_page.mjs")
            subprocess.run(["node", page, f"http://127.0.0.1:{server.port}", "bench", PASSWORD, str(args.patients)],
                           check=True)
    finally:
        server.stop()


if __name__ == "__main__":
    main()
