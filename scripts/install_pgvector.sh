#!/usr/bin/env bash
# Installs the pgvector extension into the machine's PostgreSQL server. Idempotent and quiet; fails loudly.
#
# Debian 12 ships no pgvector for PostgreSQL 15, so this builds Debian's own `pgvector` source package
# (from the newer suite's deb-src, read through a private apt configuration: the system's sources and
# package lists stay untouched) against postgresql-server-dev pinned to the installed server's version
# (unpinned, apt would upgrade and restart the running server). OPTFLAGS="" keeps the build portable
# (no -march=native). Skips everything when the server already offers the extension.
set -euo pipefail

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
SOURCE_SUITE="${PGVECTOR_SOURCE_SUITE:-trixie}"
MIRROR="${PGVECTOR_MIRROR:-http://deb.debian.org/debian}"

available() {
  psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -tAqc \
    "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'" 2>/dev/null | grep -q 1
}

if available; then
  exit 0
fi

major="$(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -tAqc 'SHOW server_version_num' | cut -c1-2)"
server_pkg="postgresql-${major}"
server_version="$(dpkg-query -W -f='${Version}' "$server_pkg")"
echo "pgvector: building Debian's source package for PostgreSQL ${major} (${server_version})"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/src"
echo "deb-src ${MIRROR} ${SOURCE_SUITE} main" > "$work/sources.list"
private_apt=(
  -o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
  -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives"
  -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache=" -o "APT::Sandbox::User=root"
)
log="$work/build.log"
quietly() {
  if ! "$@" >>"$log" 2>&1; then
    echo "pgvector: failed: $*" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
}

export DEBIAN_FRONTEND=noninteractive
quietly apt-get -qq update
quietly apt-get -qq install -y --no-install-recommends \
  "postgresql-server-dev-${major}=${server_version}" build-essential dpkg-dev
quietly apt-get -qq "${private_apt[@]}" update
(cd "$work/src" && quietly apt-get -qq "${private_apt[@]}" source pgvector)

tree="$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n1)"
if [ -z "$tree" ]; then
  echo "pgvector: could not fetch the pgvector source package from ${SOURCE_SUITE}" >&2
  exit 1
fi
pg_config="/usr/lib/postgresql/${major}/bin/pg_config"
quietly make -C "$tree" USE_PGXS=1 PG_CONFIG="$pg_config" OPTFLAGS=""
quietly make -C "$tree" USE_PGXS=1 PG_CONFIG="$pg_config" install

if ! available; then
  echo "pgvector: built and installed, but the server does not offer the extension" >&2
  exit 1
fi
echo "pgvector: installed $(basename "$tree")"
