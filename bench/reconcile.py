#!/usr/bin/env python3
"""Acknowledged against stored, after a filing run of bench/filing.lua.

A filing that was stored but whose answer never came back (the run ended with it in flight, the
instance was killed, the connection was cut) is retried with the same form token, as a browser's
resubmit does; the app must lead that retry to the case it already stored. Then every
acknowledged case must be stored, every stored case acknowledged, and no beneficiary filed twice.

Prints one line: KEY=VALUE pairs (acked_raw stored_raw retried retry_failed acked stored lost
duplicates pass).
"""
import argparse
import glob
import http.client
import subprocess
import sys
import urllib.parse

BOUNDARY = "----ugdbench7MA4YWxkTrZu0gW"


def nik(n):  # as in filing.lua
    serial = n % 10000
    k = n // 10000
    return "351005%02d%02d%02d%04d" % (k % 28 + 1, (k // 28) % 12 + 1, (k // 336) % 100, serial)


def body(csrf, token, serial):
    fields = [("_csrf", csrf), ("submissionToken", token), ("desaCode", "35.10.05.2002"),
              ("address", "Dusun Krajan RT 3"), ("rt", "003"), ("rw", "001"), ("channel", "LANGSUNG"),
              ("categories", "KESEHATAN"), ("categories", "PENDIDIKAN"),
              ("description", "Anak putus sekolah, ibu sakit menahun; belum pernah menerima bantuan."),
              ("beneficiaryName", "Warga Uji %d" % serial), ("nik", nik(serial)),
              ("beneficiaryPhone", "081234567890"), ("vulnerabilities", "SAKIT_MENAHUN")]
    out = "".join('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (BOUNDARY, k, v)
                  for k, v in fields)
    return (out + "--%s--\r\n" % BOUNDARY).encode()


def psql(args, sql):
    return subprocess.run(["psql", "-X", "-q", "-At", "-F", " "] + args + ["-c", sql], check=True,
                          capture_output=True, text=True).stdout.split("\n")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--run", required=True)
    p.add_argument("--base", type=int, default=0)
    p.add_argument("--double", action="store_true")
    p.add_argument("--wrk-output", required=True, help="wrk's output (THREAD lines)")
    p.add_argument("--acked", required=True, help="prefix of the per-thread acknowledged ticket files")
    p.add_argument("--url", required=True)
    p.add_argument("--sessions", required=True)
    p.add_argument("--psql", required=True, help="psql connection arguments")
    a = p.parse_args()
    db = a.psql.split()
    sessions = [line.split() for line in open(a.sessions) if line.strip()]
    threads = {}
    for line in open(a.wrk_output):
        if line.startswith("THREAD "):
            _, tid, seq = line.split()
            threads[int(tid)] = int(seq)
    acked = set()
    for f in glob.glob(a.acked + ".*"):
        acked.update(t.strip() for t in open(f) if t.strip())
    acked_raw = len(acked)
    like = "form:%s-%%" % a.run
    stored = dict(r.split(" ", 1) for r in psql(db, "SELECT idempotency_key, ticket FROM case_file "
                                               "WHERE idempotency_key LIKE '%s'" % like) if r)
    stored_raw = len(stored)
    url = urllib.parse.urlsplit(a.url)
    retried = failed = 0
    for tid, seq in sorted(threads.items()):
        cookie, csrf = sessions[(tid - 1) % len(sessions)]
        tokens = (seq + 1) // 2 if a.double else seq
        for n in range(tokens):
            token = "%s-%d-%d" % (a.run, tid, n)
            ticket = stored.get("form:" + token)
            # Retry only what was stored without its answer reaching the client: a form that is
            # not stored was never acknowledged (wrk also counts connection attempts to a dead
            # instance as requests), and its operator saw an error and still has the form.
            if ticket is None or ticket in acked:
                continue
            retried += 1
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            try:
                conn.request("POST", "/kasus", body(csrf, token, a.base + tid * 100000 + n),
                             {"Cookie": "UGDSESSION=" + cookie,
                              "Content-Type": "multipart/form-data; boundary=" + BOUNDARY})
                r = conn.getresponse()
                r.read()
                location = r.getheader("Location") or ""
                if r.status == 302 and "/kasus/UGD-" in location:
                    acked.add(location.rsplit("/", 1)[1])
                else:
                    failed += 1
            except OSError:
                failed += 1
            finally:
                conn.close()
    tickets = set(t for t in psql(db, "SELECT ticket FROM case_file WHERE idempotency_key LIKE '%s'" % like) if t)
    duplicates = int(psql(db, "SELECT count(*) FROM (SELECT nik FROM case_file WHERE idempotency_key LIKE '%s' "
                              "GROUP BY nik HAVING count(*) > 1) d" % like)[0])
    lost = len(acked - tickets)
    ok = lost == 0 and duplicates == 0 and failed == 0 and len(acked) == len(tickets)
    print("acked_raw=%d stored_raw=%d retried=%d retry_failed=%d acked=%d stored=%d lost=%d duplicates=%d pass=%s"
          % (acked_raw, stored_raw, retried, failed, len(acked), len(tickets), lost, duplicates,
             "PASS" if ok else "FAIL"))


if __name__ == "__main__":
    sys.exit(main())
