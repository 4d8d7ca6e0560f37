#!/usr/bin/env bash
# A full disk, a read-only data folder and a locked database, on a small
# tmpfs mounted in a private mount namespace (root or user namespaces needed;
# where mounting is not allowed the test says so and is skipped: exit 77).
#   bash tests/faults/disk_full.sh BUILD_DIR
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: disk_full.sh BUILD_DIR}" && pwd)
if [ -z "${DERMASIM_IN_NAMESPACE:-}" ]; then
  # A private mount namespace: the tmpfs vanishes with this script, whatever happens.
  if ! DERMASIM_IN_NAMESPACE=1 unshare -m --propagation private true 2>/dev/null; then
    echo "disk_full: cannot create a mount namespace here (not root, no user namespaces): skipped"
    exit 77
  fi
  exec env DERMASIM_IN_NAMESPACE=1 unshare -m --propagation private bash "$0" "$@"
fi
ds=$build/dermasim
scen=$root/scenarios/postpartum_abdomen_rubra.yaml
good=$root/scenarios/scripts/postpartum_abdomen_rubra/good.yaml
short=$root/tests/fuzz/corpus/script_text/short_attempt.yaml
work=$(mktemp -d /tmp/dermasim-full-XXXXXX)
trap 'umount "$work/disk" 2>/dev/null; rm -rf "$work"' EXIT
export XDG_DATA_HOME=$work/xdg XDG_CONFIG_HOME=$work/config
mkdir -p "$work/disk"
mount -t tmpfs -o size=2m tmpfs "$work/disk" || { echo "disk_full: mount is not allowed here: skipped"; exit 77; }
disk=$work/disk
fail() { echo "disk_full: FAILED: $*"; exit 1; }
expect_fail() {  # expect_fail "what" "message part" command...
  local what=$1 part=$2
  shift 2
  out=$("$@" 2>&1) && fail "$what succeeded"
  grep -q -- "$part" <<<"$out" || fail "$what: no '$part' in: $out"
  echo "  $what: exit 1: $(grep -m1 -- "$part" <<<"$out")"
}

"$ds" simulate --scenario "$scen" --script "$short" --out "$work/short.dsrec" >/dev/null || fail "simulate"
"$ds" records add --session "$work/short.dsrec" --scenario "$scen" --trainee first --db "$disk/p.db" >/dev/null ||
  fail "records add with room"
dd if=/dev/zero of="$disk/filler" bs=4k 2>/dev/null
echo "full disk ($(df -h --output=avail "$disk" | tail -1 | tr -d ' ') left):"
expect_fail "simulate to a full disk" "No space left on device" \
  "$ds" simulate --scenario "$scen" --script "$good" --out "$disk/attempt.dsrec"
expect_fail "grade --json to a full disk" "No space left on device" \
  "$ds" grade --scenario "$scen" --session "$work/short.dsrec" --json "$disk/grade.json"
[ -z "$(ls "$disk" | grep -v '^p.db\|^filler$')" ] || fail "files left behind: $(ls "$disk")"
cp "$work/short.dsrec" "$work/second.dsrec"
expect_fail "records add to a full disk" "p.db" \
  "$ds" records add --session "$work/second.dsrec" --scenario "$scen" --trainee second --db "$disk/p.db"
rm -f "$disk/filler"  # SQLite cannot even open a WAL database on a full disk
[ "$(sqlite3 "$disk/p.db" 'PRAGMA integrity_check')" = ok ] || fail "the database is damaged"
[ "$(sqlite3 "$disk/p.db" "SELECT count(*) FROM attempts WHERE status = 'completed'")" = 1 ] || fail "an attempt was lost"
echo "  the database, once there is room: integrity ok, its attempt kept"
DERMASIM_FULL_DIR=$disk "$build/dermasim_tests" -tc="a journal on a disk that fills*" >"$work/journal.log" 2>&1 ||
  { cat "$work/journal.log"; fail "journal on a full disk"; }
echo "  journal: a frame that does not fit fails alone, whole frames stay, and it is written once there is room"
rm -f "$disk"/attempt.dsrec.journal

echo "read-only data folder:"
mount -o remount,ro "$disk" || fail "remount read-only"
"$ds" records export --csv "$work/export.csv" --db "$disk/p.db" >/dev/null || fail "records export from a read-only folder"
[ "$(grep -c first "$work/export.csv")" = 1 ] || fail "the export lost the attempt"
echo "  records export: exit 0, the attempt exported"
expect_fail "records add" "readonly\|read-only\|Read-only" \
  "$ds" records add --session "$work/second.dsrec" --scenario "$scen" --trainee second --db "$disk/p.db"
expect_fail "simulate" "Read-only file system" \
  "$ds" simulate --scenario "$scen" --script "$short" --out "$disk/attempt.dsrec"
mount -o remount,rw "$disk"

echo "locked database:"
(echo "BEGIN EXCLUSIVE; SELECT count(*) FROM attempts;"; sleep 13; echo "COMMIT;") | sqlite3 "$disk/p.db" >/dev/null &
locker=$!
sleep 1
expect_fail "records add while another program holds the lock" "locked" \
  "$ds" records add --session "$work/second.dsrec" --scenario "$scen" --trainee second --db "$disk/p.db"
wait $locker
[ "$(sqlite3 "$disk/p.db" 'PRAGMA integrity_check')" = ok ] || fail "the database is damaged"
echo "disk_full: passed"
