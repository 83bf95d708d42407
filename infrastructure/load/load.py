#!/usr/bin/env python3
"""A bounded load test of the local runtime, on loopback only (`make load`).

Starts the local jar on a free 127.0.0.1 port, warms it up, then runs each scenario with N
concurrent clients for a fixed time and prints, per request type: requests/s, p50/p99 latency and
the count of each status. Any answer other than 2xx or 429 (or a failed connection) makes the run
exit 1. Then times Argon2id alone (Argon2Cost.java) in the same JVM setting.

Scenarios:
  signups        POST /v1/signups, each with a fresh email (no limit is per IP locally)
  verifications  POST /v1/signups, GET /_local/outbox for the code, POST /v1/signups/{id}/verify
  signins        POST /v1/sessions for accounts made beforehand, each account used at most
                 9 times (the limit is 10 tries per email per 15 minutes)

Standard library only.
"""

import argparse
import http.client
import itertools
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid

PASSWORD = "correct horse battery staple"
SIGNINS_PER_ACCOUNT = 9
HERE = os.path.dirname(os.path.abspath(__file__))


class Failure(Exception):
  """An answer the run does not allow (not 2xx, not 429)."""


class Recorder:
  """Latencies and statuses per request type, shared by the clients of one scenario."""

  def __init__(self):
    self.lock = threading.Lock()
    self.latencies = {}
    self.statuses = {}
    self.unexpected = []

  def add(self, name, status, seconds):
    with self.lock:
      self.latencies.setdefault(name, []).append(seconds)
      counts = self.statuses.setdefault(name, {})
      counts[status] = counts.get(status, 0) + 1
      if not (200 <= status < 300 or status == 429):
        self.unexpected.append((name, status))


class Client:
  """One keep-alive connection to the local runtime."""

  def __init__(self, port):
    self.port = port
    self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

  def call(self, method, path, body=None):
    payload = None if body is None else json.dumps(body).encode()
    headers = {"Content-Type": "application/json"} if body is not None else {}
    started = time.perf_counter()
    try:
      self.conn.request(method, path, body=payload, headers=headers)
      response = self.conn.getresponse()
      data = response.read()
    except (OSError, http.client.HTTPException):
      self.conn.close()
      raise
    elapsed = time.perf_counter() - started
    if response.getheader("Connection", "").lower() == "close":
      self.conn.close()
    return response.status, data, elapsed

  def close(self):
    self.conn.close()


def fresh_email():
  return "load-" + uuid.uuid4().hex + "@example.com"


def signup_body(email):
  return {
    "country": "US",
    "email": email,
    "password": PASSWORD,
    "passwordConfirmation": PASSWORD,
    "termsAccepted": True,
    "verificationChannel": "EMAIL",
  }


def sign_up(client, rec, email):
  status, data, elapsed = client.call("POST", "/v1/signups", signup_body(email))
  if rec is not None:
    rec.add("POST /v1/signups", status, elapsed)
  return status, (json.loads(data) if status == 201 else None)


def verify(client, rec, email, signup):
  code = None
  for _ in range(50):
    status, data, _ = client.call("GET", "/_local/outbox?to=" + email.replace("@", "%40"))
    if status != 200:
      raise Failure("outbox answered %d" % status)
    messages = json.loads(data)["messages"]
    if messages and messages[-1].get("code"):
      code = messages[-1]["code"]
      break
    time.sleep(0.05)
  if code is None:
    raise Failure("no code in the outbox for a sign-up")
  path = "/v1/signups/%s/verify" % signup["signupId"]
  status, _, elapsed = client.call("POST", path, {"code": code})
  if rec is not None:
    rec.add("POST /v1/signups/{id}/verify", status, elapsed)
  return status


def run_clients(port, clients, duration, step):
  """Runs `step(client, rec)` in `clients` threads until `duration` seconds pass."""
  rec = Recorder()
  deadline = time.monotonic() + duration
  errors = []

  def loop():
    client = Client(port)
    try:
      while time.monotonic() < deadline:
        step(client, rec)
    except Exception as e:  # reported below: the run fails on any of them
      errors.append("%s: %s" % (type(e).__name__, e))
    finally:
      client.close()

  threads = [threading.Thread(target=loop) for _ in range(clients)]
  started = time.monotonic()
  for t in threads:
    t.start()
  for t in threads:
    t.join()
  return rec, time.monotonic() - started, errors


def percentile(sorted_values, p):
  index = max(0, min(len(sorted_values) - 1, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
  return sorted_values[index]


def report(scenario, rec, seconds):
  rows = []
  for name, values in rec.latencies.items():
    values.sort()
    statuses = ", ".join("%d: %d" % kv for kv in sorted(rec.statuses[name].items()))
    rows.append(
      "| %s | %s | %.1f | %.0f | %.0f | %s |"
      % (scenario, name, len(values) / seconds, percentile(values, 50) * 1000,
         percentile(values, 99) * 1000, statuses))
  return rows


def free_port():
  with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    return s.getsockname()[1]


def wait_ready(port, server, timeout=120):
  deadline = time.monotonic() + timeout
  while time.monotonic() < deadline:
    if server.poll() is not None:
      raise SystemExit("the local runtime exited (%d) before it answered" % server.returncode)
    try:
      client = Client(port)
      status, _, _ = client.call("GET", "/_local/outbox?to=ready%40example.com")
      client.close()
      if status == 200:
        return
    except OSError:
      time.sleep(0.2)
  raise SystemExit("the local runtime did not answer within %d s" % timeout)


def make_accounts(port, count, clients):
  """Accounts for the sign-in scenario: sign-up and verify, `clients` at a time."""
  accounts = []
  errors = []
  lock = threading.Lock()
  todo = iter(range(count))

  def worker():
    client = Client(port)
    try:
      while True:
        with lock:
          if next(todo, None) is None:
            return
        email = fresh_email()
        status, signup = sign_up(client, None, email)
        if status != 201 or verify(client, None, email, signup) != 201:
          raise Failure("making an account for the sign-ins failed (%s)" % status)
        with lock:
          accounts.append(email)
    except Exception as e:  # reported below with the count of accounts made
      errors.append("%s: %s" % (type(e).__name__, e))
    finally:
      client.close()

  threads = [threading.Thread(target=worker) for _ in range(clients)]
  for t in threads:
    t.start()
  for t in threads:
    t.join()
  if len(accounts) < count:
    raise Failure("could make only %d of %d accounts for the sign-ins (%s)"
                  % (len(accounts), count, "; ".join(errors[:3])))
  return accounts


def argon2_cost(jar, jvm_flags, runs):
  """Milliseconds of one Argon2id hash alone (p50, p99), in a fresh JVM with `jvm_flags`."""
  out = subprocess.run(
    ["java", *jvm_flags, "-cp", jar, os.path.join(HERE, "Argon2Cost.java"), str(runs)],
    check=True, capture_output=True, text=True).stdout
  return out.strip()


def main():
  parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
  parser.add_argument("--jar", default="functions/local/target/local.jar")
  parser.add_argument("--jvm-flags", default="", help="flags of the local runtime's JVM")
  parser.add_argument("--clients", type=int, default=8)
  parser.add_argument("--duration", type=float, default=30, help="seconds per scenario")
  parser.add_argument("--warmup", type=float, default=20, help="seconds of unmeasured sign-ups")
  parser.add_argument("--signin-accounts", type=int, default=150,
                      help="accounts the sign-ins spread over (9 sign-ins each before a 429)")
  parser.add_argument("--argon2-runs", type=int, default=200)
  args = parser.parse_args()
  jvm_flags = args.jvm_flags.split()

  port = free_port()
  log = tempfile.NamedTemporaryFile(prefix="load-local-", suffix=".log", delete=False)
  server = subprocess.Popen(["java", *jvm_flags, "-jar", args.jar],
                            env={**os.environ, "PORT": str(port)}, stdout=log,
                            stderr=subprocess.STDOUT)
  rows = []
  failures = []
  try:
    wait_ready(port, server)
    print("local runtime on 127.0.0.1:%d, JVM flags: %s; %d clients x %g s per scenario"
          % (port, args.jvm_flags or "(none: full tiered compilation)", args.clients,
             args.duration), flush=True)

    def signup_step(client, rec):
      sign_up(client, rec, fresh_email())

    def verification_step(client, rec):
      email = fresh_email()
      status, signup = sign_up(client, rec, email)
      if status == 201:
        verify(client, rec, email, signup)

    if args.warmup > 0:
      print("warm-up: %g s of sign-ups, not measured" % args.warmup, flush=True)
      rec, _, errors = run_clients(port, args.clients, args.warmup, signup_step)
      failures += errors + ["warm-up %s -> %d" % u for u in rec.unexpected]

    accounts = make_accounts(port, args.signin_accounts, args.clients)
    tries = itertools.chain.from_iterable(itertools.repeat(accounts, SIGNINS_PER_ACCOUNT))
    tries_lock = threading.Lock()

    def signin_step(client, rec):
      with tries_lock:
        # once every account has had its tries, the next one's 11th would be a 429 anyway
        email = next(tries, accounts[0])
      status, _, elapsed = client.call("POST", "/v1/sessions",
                                       {"email": email, "password": PASSWORD})
      rec.add("POST /v1/sessions", status, elapsed)

    for scenario, step in (("sign-ups", signup_step), ("sign-ins", signin_step),
                           ("code verifications", verification_step)):
      rec, seconds, errors = run_clients(port, args.clients, args.duration, step)
      failures += errors + ["%s %s -> %d" % ((scenario,) + u) for u in rec.unexpected]
      rows += report(scenario, rec, seconds)
      print("%s: done" % scenario, flush=True)
  except Failure as e:
    failures.append(str(e))
  finally:
    if server.poll() is not None:
      failures.append("the local runtime exited (%d) during the run" % server.returncode)
    server.terminate()
    try:
      server.wait(timeout=20)
    except subprocess.TimeoutExpired:
      server.kill()
    log.close()

  print()
  print("| scenario | request | requests/s | p50 ms | p99 ms | statuses |")
  print("|---|---|---:|---:|---:|---|")
  for row in rows:
    print(row)
  print()
  if not failures:
    print("Argon2id alone, one thread, same JVM flags: "
          + argon2_cost(args.jar, jvm_flags, args.argon2_runs))
  if failures:
    print("FAILED: %d answers other than 2xx/429 or errors (local log: %s):"
          % (len(failures), log.name), file=sys.stderr)
    for f in failures[:20]:
      print("  " + f, file=sys.stderr)
    return 1
  os.unlink(log.name)
  return 0


if __name__ == "__main__":
  sys.exit(main())
