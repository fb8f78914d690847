#!/usr/bin/env bash
# Builds sitrep in release mode and installs it as a systemd service.
#   sudo deploy/install.sh            build, install, enable and start
#   sudo deploy/install.sh --no-start install only
# Environment: PREFIX (default /usr/local), DESTDIR (staging root, implies --no-start).
set -euo pipefail
cd "$(dirname "$0")/.."

start=yes
[[ ${1:-} == --no-start ]] && start=no
PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
[[ -n $DESTDIR ]] && start=no

if ! pkg-config --exists libsystemd 2>/dev/null; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq libsystemd-dev
    else
        echo "install.sh: libsystemd-dev is missing (apt-get install libsystemd-dev)" >&2
        exit 1
    fi
fi

swift build -c release --product sitrep
bin=$(swift build -c release --show-bin-path)

install -d "$DESTDIR$PREFIX/lib/sitrep" "$DESTDIR$PREFIX/bin" "$DESTDIR$PREFIX/share/doc/sitrep"
install -m 0755 "$bin/sitrep" "$DESTDIR$PREFIX/lib/sitrep/sitrep"
# The built-in extraction data is found beside the binary.
for bundle in "$bin"/*.resources; do
    [[ -d $bundle ]] || continue
    rm -rf "$DESTDIR$PREFIX/lib/sitrep/$(basename "$bundle")"
    cp -R "$bundle" "$DESTDIR$PREFIX/lib/sitrep/"
    chmod -R a+rX "$DESTDIR$PREFIX/lib/sitrep/$(basename "$bundle")"
done
ln -sf "$PREFIX/lib/sitrep/sitrep" "$DESTDIR$PREFIX/bin/sitrep"
install -m 0644 README.md docs/event-schema.md "$DESTDIR$PREFIX/share/doc/sitrep/"

install -D -m 0644 deploy/sitrep.service "$DESTDIR/etc/systemd/system/sitrep.service"
install -D -m 0644 deploy/sitrep.sysusers.conf "$DESTDIR/usr/lib/sysusers.d/sitrep.conf"
install -D -m 0644 deploy/sitrep.tmpfiles.conf "$DESTDIR/usr/lib/tmpfiles.d/sitrep.conf"
install -D -m 0644 deploy/sitrep.logrotate "$DESTDIR/etc/logrotate.d/sitrep"
if [[ ! -e $DESTDIR/etc/sitrep/sitrep.conf ]]; then
    install -D -m 0644 deploy/sitrep.conf "$DESTDIR/etc/sitrep/sitrep.conf"
fi
if [[ $PREFIX != /usr/local ]]; then
    sed -i "s|/usr/local/|$PREFIX/|g" "$DESTDIR/etc/systemd/system/sitrep.service"
fi

if [[ $start == yes ]]; then
    systemd-sysusers sitrep.conf 2>/dev/null || systemd-sysusers
    systemd-tmpfiles --create sitrep.conf 2>/dev/null || systemd-tmpfiles --create
    systemctl daemon-reload
    systemctl enable --now sitrep.service
    echo "sitrep is running: drop articles into /var/spool/sitrep/inbox (group sitrep),"
    echo "events appear in /var/log/sitrep/events.jsonl:  tail -f /var/log/sitrep/events.jsonl"
fi
