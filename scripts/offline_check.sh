#!/usr/bin/env bash
# Proves the Google Cloud tests never reach the internet: runs them in a fresh network namespace whose only
# interface is loopback (unshare -n; needs root or CAP_SYS_ADMIN, and iproute2's `ip`), after checking that
# a public address is unreachable there. Extra arguments go to pytest instead of the default test selection.
# The shared PostgreSQL and Redis live in the host's namespace and cannot be reached from inside, so tests
# marked postgres/redis cannot run here.
set -euo pipefail
cd "$(dirname "$0")/.."
TESTS=(tests/unit/vertex tests/integration/vertex tests/integration/storage tests/e2e/test_vertex_gcs_profile.py
       tests/faults/test_vertex_outages.py)
if [ "$#" -gt 0 ]; then TESTS=("$@"); fi
for tool in unshare ip; do
  command -v "$tool" >/dev/null || { echo "offline_check: '$tool' is missing (apt-get install util-linux iproute2)" >&2; exit 2; }
done
exec unshare --net -- bash -c '
  set -euo pipefail
  ip link set lo up
  .venv/bin/python - <<PY
import socket
for address in (("8.8.8.8", 53), ("142.250.0.1", 443)):
    probe = socket.socket()
    probe.settimeout(2)
    assert probe.connect_ex(address) != 0, f"{address} is reachable: this is not an offline namespace"
print("offline_check: no route to the internet; loopback up")
PY
  .venv/bin/pytest -q -p no:cacheprovider "$@"
' offline_check "${TESTS[@]}"
