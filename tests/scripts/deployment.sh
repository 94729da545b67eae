#!/usr/bin/env bash
# The README's deployment block, run as it stands against the private test server
# (scripts/postgres): only db.example is pointed at that server, `worker` runs once, the
# orchestrator gets one investigation to emit, and the window renders with --screenshot.
#   deployment.sh README.md BUILD_BIN_DIR
set -euo pipefail
readme="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; bin="$(cd "$2" && pwd)"
if [ -z "${KNOWLEDGE_DATABASE_URL:-}" ]; then
  echo "deployment: KNOWLEDGE_DATABASE_URL is not set — run scripts/postgres start and eval \"\$(scripts/postgres env)\"" >&2
  exit 1
fi
host=$(sed -n 's/.*host=\([^&]*\).*/\1/p' <<<"$KNOWLEDGE_DATABASE_URL")
port=$(sed -n 's/.*port=\([0-9]*\).*/\1/p' <<<"$KNOWLEDGE_DATABASE_URL")
export PGHOST="$host" PGPORT="$port"
work=$(mktemp -d)
cleanup() {
  psql -X -q -U postgres -d postgres -c "DROP DATABASE IF EXISTS ke_deploy" >/dev/null 2>&1 || true
  for r in alice bob worker orchestrator knowledge_owner; do
    psql -X -q -U postgres -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
for r in alice bob worker orchestrator knowledge_owner; do
  if [ "$(psql -X -At -U postgres -d postgres -c "SELECT count(*) FROM pg_roles WHERE rolname = '$r'")" != 0 ]; then
    echo "deployment: a role $r exists on this server already — the README's block creates it; use a fresh private server" >&2
    trap - EXIT; rm -rf "$work"; exit 1
  fi
done
psql -X -q -U postgres -d postgres -c "DROP DATABASE IF EXISTS ke_deploy"

# The block, with db.example pointed at the private server.
awk '/^A deployment, word for word/{f=1} f&&/^```$/{n++; if(n==2) exit; next} f&&n==1' "$readme" > "$work/block.sh"
[ -s "$work/block.sh" ] || { echo "deployment: no deployment block found in $readme" >&2; exit 1; }
sed -i \
  -e "s#postgresql://\([a-z_]*\)@db.example/ke_deploy#postgresql:///ke_deploy?host=$host\&port=$port\&user=\1#g" \
  -e "s#knowledgectl worker\$#knowledgectl worker --once#" \
  -e "s#knowledge-explorer --tenant acme\$#knowledge-explorer --tenant acme --screenshot $work/alice.png --view knowledge#" \
  "$work/block.sh"
inv=$(python3 -c 'import uuid; print(uuid.uuid4())')
printf '{"investigation_id": "%s", "event_type": "investigation.started", "actor_type": "system", "event_data": {"dataset_id": "public.orders"}}\n' "$inv" > "$work/events.jsonl"
(cd "$work" && PATH="$bin:$PATH" QT_QPA_PLATFORM=offscreen KNOWLEDGE_CACHE_DIR="$work/cache" \
   bash -euo pipefail block.sh > "$work/out.txt" 2>&1) || { cat "$work/out.txt" >&2; echo "deployment: the README's block failed" >&2; exit 1; }

owner="postgresql:///ke_deploy?host=$host&port=$port&user=knowledge_owner"
fail() { cat "$work/out.txt" >&2; echo "deployment: $1" >&2; exit 1; }
grep -q "granted alice: member of acme as alice" "$work/out.txt" || fail "alice's grant is not as documented"
grep -q "bob: reader of acme as bob.smith" "$work/out.txt" || fail "access list lacks bob"
grep -q "worker: service of every tenant" "$work/out.txt" || fail "access list lacks the worker"
[ "$(psql -X -At "$owner" -c "SELECT count(*) FROM knowledge.feedback_events WHERE investigation_id = '$inv'")" = 1 ] \
  || fail "the orchestrator's event is not stored once"
[ "$(psql -X -At "$owner" -c "SELECT investigation_count FROM knowledge.dataset_knowledge")" = 1 ] \
  || fail "the worker did not aggregate the investigation"
[ -s "$work/alice.png" ] || fail "alice's window did not render"
# alice is a member of acme only; bob (a reader) may not write.
alice="postgresql:///ke_deploy?host=$host&port=$port&user=alice"
bob="postgresql:///ke_deploy?host=$host&port=$port&user=bob"
KNOWLEDGE_CACHE_DIR="$work/cache" "$bin/knowledgectl" --database "$alice" --tenant acme feedback \
  --target-type investigation --investigation "$inv" --rating 1 >/dev/null || fail "alice could not rate"
if KNOWLEDGE_CACHE_DIR="$work/cache" "$bin/knowledgectl" --database "$bob" --tenant acme comment \
     --investigation "$inv" "bob tries" > "$work/bob.txt" 2>&1; then fail "bob (a reader) wrote a comment"; fi
grep -q "does not allow it" "$work/bob.txt" || { cat "$work/bob.txt" >&2; fail "bob's refusal does not say why"; }
echo "deployment: the README's block works as written"
