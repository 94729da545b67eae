#!/usr/bin/env bash
# scripts/package builds the .deb (from the build that ctest runs in), and it holds what the
# README's "Installing the package" says: the executables, desktop file, icon, systemd units,
# example environment file and README, Depends computed by dpkg-shlibdeps; unpacked into a
# temporary root, its knowledgectl runs and the units' ExecStart lines name it.
#   package.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src="$(cd "$1" && pwd)"; build="$(cd "$2" && pwd)"
fail() { echo "package: $1" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

KE_BUILD_DIR="$build" KE_PACKAGE_NO_BUILD=1 "$src/scripts/package" >"$work/package.txt" 2>&1 \
  || { cat "$work/package.txt" >&2; fail "scripts/package failed"; }
deb=$(ls "$build"/knowledge-explorer_*.deb 2>/dev/null | head -1)
[ -f "$deb" ] || fail "no knowledge-explorer_*.deb in $build"

dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's#^\./#/#' >"$work/files.txt"
for f in /usr/bin/knowledge-explorer /usr/bin/knowledgectl /usr/bin/knowledge-bench \
         /usr/share/applications/knowledge-explorer.desktop \
         /usr/share/icons/hicolor/scalable/apps/knowledge-explorer.svg \
         /usr/lib/systemd/system/knowledge-worker.service \
         /usr/lib/systemd/system/knowledge-serve.service \
         /etc/knowledge-explorer/knowledge.env.example \
         /usr/share/doc/knowledge-explorer/README.md; do
  grep -qx "$f" "$work/files.txt" || { cat "$work/files.txt" >&2; fail "$f is missing"; }
done

[ "$(dpkg-deb -f "$deb" Package)" = knowledge-explorer ] || fail "wrong package name"
arch=$(dpkg-deb -f "$deb" Architecture); [ "$arch" = "$(dpkg --print-architecture)" ] || fail "architecture $arch"
depends=$(dpkg-deb -f "$deb" Depends)
# Computed from the executables: Qt, libpqxx, libpq, SQLite, Snowball — with versions.
for lib in libqt6core6 libqt6widgets6 libqt6charts6 libpqxx-6.4 libpq5 libsqlite3-0 libstemmer0d libc6; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
grep -q "(>= " <<<"$depends" || fail "Depends has no versions (not computed?): $depends"
conffiles=$(dpkg-deb -I "$deb" conffiles)
grep -qx /etc/knowledge-explorer/knowledge.env.example <<<"$conffiles" \
  || fail "the example environment file is not a conffile"

mkdir "$work/root"
dpkg-deb -x "$deb" "$work/root"
env -i PATH=/usr/bin:/bin "$work/root/usr/bin/knowledgectl" --version >"$work/version.txt" \
  || fail "knowledgectl --version failed"
grep -q "^knowledgectl [0-9]" "$work/version.txt" || fail "knowledgectl --version: $(cat "$work/version.txt")"
# No secret in the example environment file: no password in the URL, no key set.
env_example="$work/root/etc/knowledge-explorer/knowledge.env.example"
if grep -Ei '^[^#]*(password|api_key)=|://[^@/]*:[^@/]*@' "$env_example"; then fail "a secret in knowledge.env.example"; fi
grep -q '^KNOWLEDGE_DATABASE_URL=' "$env_example" || fail "knowledge.env.example sets no KNOWLEDGE_DATABASE_URL"
# The units run what the package installs.
grep -qx 'ExecStart=/usr/bin/knowledgectl worker' "$work/root/usr/lib/systemd/system/knowledge-worker.service" \
  || fail "knowledge-worker.service's ExecStart"
grep -qx 'ExecStart=/usr/bin/knowledgectl serve --listen ${KNOWLEDGE_LISTEN}' \
  "$work/root/usr/lib/systemd/system/knowledge-serve.service" || fail "knowledge-serve.service's ExecStart"
# The worker's ExecStart line, as systemd would run it, from the unpacked package, once,
# against a throwaway schema of the private server.
[ -n "${KNOWLEDGE_DATABASE_URL:-}" ] || fail "KNOWLEDGE_DATABASE_URL is not set — run scripts/postgres start and eval \"\$(scripts/postgres env)\""
schema="ke_package_$$"
cleanup_schema() {
  psql -X -q "$KNOWLEDGE_DATABASE_URL" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  for level in reader member service; do
    psql -X -q "$KNOWLEDGE_DATABASE_URL" -c "DROP ROLE IF EXISTS ${schema}_$level" >/dev/null 2>&1 || true
  done
}
trap 'cleanup_schema; rm -rf "$work"' EXIT
exec_start=$(sed -n 's/^ExecStart=//p' "$work/root/usr/lib/systemd/system/knowledge-worker.service")
ctl="$work/root/usr/bin/knowledgectl"
KNOWLEDGE_SCHEMA=$schema "$ctl" migrate >/dev/null || fail "migrate with the packaged knowledgectl"
KNOWLEDGE_SCHEMA=$schema "$ctl" tenant add pkg >/dev/null || fail "tenant add"
KNOWLEDGE_SCHEMA=$schema LANGUAGE=en "$work/root${exec_start%% *}" ${exec_start#* } --once >"$work/worker.txt" 2>&1 \
  || { cat "$work/worker.txt" >&2; fail "the worker's ExecStart line failed"; }
grep -q "job=aggregate_dataset_knowledge tenant=pkg .*outcome=ok" "$work/worker.txt" \
  || { cat "$work/worker.txt" >&2; fail "the worker's ExecStart line did not aggregate"; }
# The serve unit's ExecStart runs knowledgectl's serve command (read whole first: `grep -q`
# stopping early would kill knowledgectl with SIGPIPE, which pipefail turns into a failure).
help=$("$ctl" --help)
grep -q '^  serve ' <<<"$help" || fail "knowledgectl of the package has no serve command"
serve=$(sed -n 's/^ExecStart=//p' "$work/root/usr/lib/systemd/system/knowledge-serve.service")
[ "${serve%% *}" = /usr/bin/knowledgectl ] || fail "knowledge-serve.service's ExecStart runs ${serve%% *}"
[[ "$serve" == *" serve --listen "* ]] || fail "knowledge-serve.service's ExecStart is not 'serve --listen': $serve"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$work/root/usr/share/applications/knowledge-explorer.desktop" \
    || fail "the desktop file does not validate"
fi
if command -v xmllint >/dev/null; then
  xmllint --noout "$work/root/usr/share/icons/hicolor/scalable/apps/knowledge-explorer.svg" || fail "the icon is not XML"
fi
echo "package: $(basename "$deb") $(du -h "$deb" | cut -f1), $(wc -l <"$work/files.txt") entries; Depends: $depends"
