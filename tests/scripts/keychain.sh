#!/usr/bin/env bash
# tst_keychain against a real Secret Service: a private D-Bus session bus (dbus-run-session)
# that starts no service by itself, a throwaway HOME, no display; tst_keychain starts
# gnome-keyring-daemon on it (its login keyring unlocked with a throwaway password) and
# reaches it as the application does — QtKeychain, which dlopens libsecret-1.so.0. Fails
# (never skips) when the session cannot be set up, saying what is missing.
#   keychain.sh TST_KEYCHAIN [test function…]
set -euo pipefail
binary=${1:?usage: keychain.sh TST_KEYCHAIN [test function…]}
shift

missing=()
command -v dbus-run-session >/dev/null || missing+=("dbus-run-session (Debian package dbus-daemon)")
command -v gnome-keyring-daemon >/dev/null || missing+=("gnome-keyring-daemon (gnome-keyring)")
command -v secret-tool >/dev/null || missing+=("secret-tool (libsecret-tools)")
# (Read whole first: `grep -q` stopping early would kill ldconfig with SIGPIPE, which
# pipefail turns into a false "missing".)
libraries="$(ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true)"
if ! grep -q 'libsecret-1\.so\.0' <<<"$libraries"; then
  missing+=("libsecret-1.so.0 (libsecret-1-0; without it QtKeychain has no Secret Service backend)")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "keychain: cannot set up the private keychain session — missing:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  echo "keychain: install them with scripts/setup" >&2
  exit 1
fi
[ -x "$binary" ] || { echo "keychain: no test binary at $binary (build tst_keychain)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A session bus like the standard one, without its service directories: nothing is started
# on demand (no second keychain daemon behind the test's back, no password prompter).
cat > "$work/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$work</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
mkdir -m 0700 "$work/home" "$work/run"

status=0
env -u DISPLAY -u WAYLAND_DISPLAY -u XDG_CURRENT_DESKTOP -u DESKTOP_SESSION \
    -u GNOME_DESKTOP_SESSION_ID -u KDE_FULL_SESSION -u KDE_SESSION_VERSION \
    -u GNOME_KEYRING_CONTROL -u DBUS_SESSION_BUS_ADDRESS \
    HOME="$work/home" XDG_RUNTIME_DIR="$work/run" \
  dbus-run-session --config-file="$work/session.conf" -- "$binary" "$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "keychain: tst_keychain failed (exit $status) in the private session" >&2
fi
exit "$status"
