"""Requests per second of POST /lessons and GET /lessons/{id} next to a bare Litestar hello-world.

Run: .venv/bin/python -m benchmarks.load_ratio [--seconds 10] [--connections 32] [--rounds 1] [--users 100]
Needs wrk (apt-get install wrk), PostgreSQL at 127.0.0.1:5432 and Redis at 127.0.0.1:6379. Each app runs as
one uvicorn process (uvloop + httptools) on 127.0.0.1; the lesson API uses the production profile
(Postgres + Redis) and a worker process completes the lesson that GET reads.

Every POST goes through the checks production runs by default: the per-user rate limit and the token's
deny-list entry (one Redis script), the daily quota and the daily budget (the user's counter row for the day,
raised in the INSERT's statement). Their thresholds are set high enough that no request is refused, and the
POSTs rotate over `--users` students.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.faults.servers import free_port, wait_for_port
from tests.postgres_support import fresh_database

POST_LUA = """wrk.method = "POST"
wrk.body = '{"student_query": "How do plants make food?", "grade_level": 4, "requested_modalities": ["text"]}'
wrk.headers["Content-Type"] = "application/json"
local tokens = {TOKENS}
local sent = 0
request = function()
  sent = sent + 1
  wrk.headers["Authorization"] = "Bearer " .. tokens[sent % #tokens + 1]
  return wrk.format()
end
"""
# Production defaults are 30 a minute, 200 a day and $5 a day per user; these only make sure nothing is refused.
NEVER_REFUSED = {"LESSONSMITH_RATE_LIMIT_PER_MINUTE": "1000000", "LESSONSMITH_DAILY_LESSON_QUOTA": "1000000",
                 "LESSONSMITH_DAILY_BUDGET_USD": "1000000"}


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used (Linux /proc; 0 where there is none)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wrk(
    url: str, seconds: int, connections: int, pid: int, token: str | None = None, script: Path | None = None
) -> dict[str, float]:
    """One wrk load: req/s, p50/p99 (ms), non-2xx answers, and the server process's CPU µs per request (a
    figure that moves less than req/s when other work shares the machine)."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if token:
        command[1:1] = ["-H", f"Authorization: Bearer {token}"]
    if script:
        command[1:1] = ["-s", str(script)]
    cpu_before = _cpu_seconds(pid)
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    cpu = _cpu_seconds(pid) - cpu_before
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    def pct(name: str) -> float:
        value, unit = re.search(rf"\s{name}\s+([\d.]+)(us|ms|s)", out).groups()  # type: ignore[union-attr]
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": pct("50%"), "p99": pct("99%"), "non2xx": float(non2xx.group(1)) if non2xx else 0.0,
            "cpu_us": 1e6 * cpu / max(1.0, rps * seconds)}


def _uvicorn(target: str, port: int, env: dict[str, str], *extra: str) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", target, *extra, "--port", str(port), "--loop",
                                "uvloop", "--http", "httptools", "--log-level", "warning", "--no-access-log"],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port, 30)
    return process


def _serve(port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """The API as production starts it (`lessonsmith serve`: uvicorn with uvloop + httptools when installed,
    structlog access lines at info level, here written to /dev/null)."""
    process = subprocess.Popen([sys.executable, "-m", "presentation.cli.main", "serve", "--port", str(port)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port, 60)
    return process


def _cli(env: dict[str, str], *args: str) -> str:
    return subprocess.run([sys.executable, "-m", "presentation.cli.main", *args], env=env, capture_output=True,
                          text=True, check=True).stdout.strip()


def _call(method: str, url: str, token: str, body: dict[str, object] | None = None) -> dict[str, object]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={  # noqa: S310 - loopback http only
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:  # noqa: S310 - loopback http only
        result: dict[str, object] = json.loads(response.read())
        return result


def main() -> None:
    """Run the three loads and print req/s, p50/p99 and the ratios to hello-world."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--users", type=int, default=100, help="students the POSTs rotate over")
    parser.add_argument("--rounds", type=int, default=1,
                        help="repeat the three loads, interleaved, and print each round and the median ratios "
                             "(the machine is shared: one round can catch a burst of other work)")
    args = parser.parse_args()
    with fresh_database() as database_url, tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "LESSONSMITH_DATABASE_URL": database_url, "LESSONSMITH_REDIS_URL": "redis://127.0.0.1:6379/0",
               "LESSONSMITH_REDIS_PREFIX": f"bench-{os.getpid()}", "LESSONSMITH_JWT_SECRET": "bench-" + "s" * 40,
               "LESSONSMITH_HOME": home, "LESSONSMITH_EMBEDDED_WORKERS": "false", **NEVER_REFUSED}
        _cli(env, "users", "create", "bench", "--role", "student", "--password", "bench-password")
        token = _cli(env, "token", "bench")
        post_tokens = subprocess.run([sys.executable, "-m", "benchmarks.bench_users", "bench", str(args.users)],
                                     env=env, capture_output=True, text=True, check=True).stdout.split()
        hello_port, api_port = free_port(), free_port()
        hello = _uvicorn("benchmarks.hello_app:app", hello_port, env)
        api = _serve(api_port, env)
        worker = subprocess.Popen([sys.executable, "-m", "presentation.cli.main", "worker"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{api_port}"
            lesson = _call("POST", f"{base}/api/v1/lessons", token, {
                "student_query": "How do plants make food?", "grade_level": 4, "requested_modalities": ["text"]})
            for _ in range(200):
                if _call("GET", f"{base}/api/v1/lessons/{lesson['id']}", token)["status"] == "completed":
                    break
                time.sleep(0.05)
            worker.terminate()
            worker.wait(30)
            script = Path(home) / "post.lua"
            script.write_text(POST_LUA.replace("{TOKENS}", "{" + ", ".join(f'"{t}"' for t in post_tokens) + "}"))
            rounds = []
            for number in range(1, args.rounds + 1):
                results = {
                    "hello-world": _wrk(f"http://127.0.0.1:{hello_port}/hello", args.seconds, args.connections,
                                        hello.pid),
                    "GET /lessons/{id}": _wrk(f"{base}/api/v1/lessons/{lesson['id']}", args.seconds,
                                              args.connections, api.pid, token),
                    "POST /lessons": _wrk(f"{base}/api/v1/lessons", args.seconds, args.connections, api.pid, None,
                                          script),
                }
                _print_round(number, results)
                rounds.append(results)
        finally:
            for process in (hello, api, worker):
                process.terminate()
                process.wait(30)
    if len(rounds) > 1:
        for name in ("GET /lessons/{id}", "POST /lessons"):
            ratios = [r[name]["rps"] / r["hello-world"]["rps"] for r in rounds]
            by_cpu = [r["hello-world"]["cpu_us"] / r[name]["cpu_us"] for r in rounds if r[name]["cpu_us"] > 0]
            print(f"median ratio {name:<18} {statistics.median(ratios):6.1%}  "
                  f"(rounds: {', '.join(f'{x:.1%}' for x in ratios)})"
                  + (f"; by server CPU per request {statistics.median(by_cpu):6.1%}" if by_cpu else ""))


def _print_round(number: int, results: dict[str, dict[str, float]]) -> None:
    print(f"round {number}, load average {os.getloadavg()[0]:.2f}")
    bare = results["hello-world"]["rps"]
    for name, r in results.items():
        print(f"{name:<18} {r['rps']:>9.0f} req/s  p50 {r['p50']:6.2f} ms  p99 {r['p99']:7.2f} ms  "
              f"non-2xx {r['non2xx']:.0f}  ratio {r['rps'] / bare:6.1%}  cpu {r['cpu_us']:5.0f} µs/req", flush=True)


if __name__ == "__main__":
    main()
