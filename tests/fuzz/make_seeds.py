#!/usr/bin/env python3
"""Writes the binary seed corpora and the issue-11 regression inputs of
tests/fuzz from a built dermasim (python3 tests/fuzz/make_seeds.py build).
Text seeds are written by hand; the scenarios and scripts under scenarios/
seed the YAML targets directly (scripts/fuzz.sh)."""
import os, struct, subprocess, sys, tempfile, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
DS = os.path.join(BUILD, "dermasim")
CORPUS = os.path.join(ROOT, "tests/fuzz/corpus")
REG = os.path.join(ROOT, "tests/fuzz/regressions")
OFFSET = 1469598103934665603  # tissue/fnv1a.hpp
SCEN = os.path.join(ROOT, "scenarios/postpartum_abdomen_rubra.yaml")

def fnv1a(b):
    h = OFFSET
    for x in b:
        h ^= x
        h = (h * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h

def put(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)

SHORT_SCRIPT = """dermasim_script: 1
scenario: postpartum_abdomen_rubra
trainee: fuzz seed
consultation: {ask: [breastfeeding], findings: [], decision: proceed, precautions: []}
plan: {needle_length_mm: 1.0, cartridge: round_12, stroke_rate_hz: 100, numbing: true, passes: 1}
procedure:
  - line: {from: [40, 30], to: [44, 30]}
    force_n: 2.0
    speed_mm_s: 20
aftercare: {instructions: [avoid_sun_week], sessions: 4, interval_weeks: 5, maintenance_months: 6}
"""

def main():
    work = tempfile.mkdtemp()
    try:
        script = os.path.join(work, "short.yaml")
        open(script, "w").write(SHORT_SCRIPT)
        rec = os.path.join(work, "short.dsrec")
        subprocess.run([DS, "simulate", "--scenario", SCEN, "--script", script, "--out", rec], check=True)
        deferred = os.path.join(work, "deferred.dsrec")
        subprocess.run([DS, "simulate", "--scenario", SCEN, "--script",
                        os.path.join(ROOT, "scenarios/scripts/postpartum_abdomen_rubra/deferred_a_candidate.yaml"),
                        "--out", deferred], check=True)
        short = open(rec, "rb").read()
        empty = open(deferred, "rb").read()
        # Recording target: a flag byte (odd: fix the checksum up) + the file.
        put(os.path.join(CORPUS, "recording_bytes"), "short_attempt", b"\x01" + short)
        put(os.path.join(CORPUS, "recording_bytes"), "deferred_attempt", b"\x01" + empty)
        # Journal: magic, header length, an empty recording, 25-byte runs.
        head = b"DSJRN\x01\r\n" + struct.pack("<I", len(empty)) + empty
        runs = b"".join(struct.pack("<I5iB", 16, 4000 + 10 * i, 3000, 2000, 0, 0, 3) for i in range(8))
        put(os.path.join(CORPUS, "journal_bytes"), "eight_frames", b"\x01" + head + runs)
        put(os.path.join(CORPUS, "journal_bytes"), "torn_last_run", b"\x01" + head + runs[:-7])
        # Progress database: one attempt stored by records add.
        db = os.path.join(work, "station.db")
        subprocess.run([DS, "records", "add", "--session", rec, "--scenario", SCEN, "--trainee", "Fuzz Seed",
                        "--db", db], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["sqlite3", db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; VACUUM;"],
                       check=True, stdout=subprocess.DEVNULL)
        put(os.path.join(CORPUS, "progress_import"), "one_attempt.db", open(db, "rb").read())

        # Regressions from issue 11, as the fuzz targets take them.
        meta = b'{"scenario_id":"x","scenario_hash":"0"}'
        body = b"DSREC\x01\r\n" + struct.pack("<I", 1) + struct.pack("<I", len(meta)) + meta
        body += struct.pack("<QQ", 720_000_000, 2) + b"\x00\x00"
        put(os.path.join(REG, "recording_bytes"), "claims_720M_commands_valid_checksum",
            b"\x00" + body + struct.pack("<Q", fnv1a(body)))
        huge_runs = b"".join(struct.pack("<I5iB", 10_000_000, 0, 0, 0, 0, 0, 3) for _ in range(20))
        put(os.path.join(REG, "journal_bytes"), "twenty_runs_of_10M", b"\x00" + head + huge_runs)
    finally:
        shutil.rmtree(work)

main()
