#!/usr/bin/env bash
# Builds sitrep in release mode and installs it as a systemd service.
#   sudo deploy/install.sh            build, install, create the user and directories, enable and start
#   sudo deploy/install.sh --no-start the same without enabling and starting the service
# Environment: PREFIX (default /usr/local), DESTDIR (staging root: files only, nothing is started),
# SITREP_BIN_DIR (a directory holding an already built `sitrep` and its *.resources: no build).
# The Swift runtime is linked statically, so the installed service does not need the toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."

start=yes
[[ ${1:-} == --no-start ]] && start=no
PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
bin=${SITREP_BIN_DIR:-}

if [[ -n $bin ]]; then
    [[ -x $bin/sitrep ]] || { echo "install.sh: no executable sitrep in SITREP_BIN_DIR=$bin" >&2; exit 1; }
elif ! pkg-config --exists libsystemd 2>/dev/null; then
    if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq libsystemd-dev
    else
        echo "install.sh: libsystemd-dev is missing (apt-get install libsystemd-dev)" >&2
        exit 1
    fi
fi
if [[ -z $bin ]]; then
    swift build -c release --product sitrep --static-swift-stdlib
    bin=$(swift build -c release --static-swift-stdlib --show-bin-path)
fi

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
for doc in README.md docs/*.md; do
    if [[ -f $doc ]]; then install -m 0644 "$doc" "$DESTDIR$PREFIX/share/doc/sitrep/"; fi
done
# Man pages and completions, made by scripts/make-man-pages from the command definitions.
install -d "$DESTDIR$PREFIX/share/man/man1"
for page in docs/man/*.1; do install -m 0644 "$page" "$DESTDIR$PREFIX/share/man/man1/"; done
install -D -m 0644 deploy/completions/sitrep.bash "$DESTDIR$PREFIX/share/bash-completion/completions/sitrep"
install -D -m 0644 deploy/completions/_sitrep "$DESTDIR$PREFIX/share/zsh/site-functions/_sitrep"

install -D -m 0644 deploy/sitrep.service "$DESTDIR/etc/systemd/system/sitrep.service"
# Shipping to a central store (docs/scaleout.md): installed, started only when configured.
for unit in sitrep-ship.service sitrep-sink.service; do
    install -D -m 0644 "deploy/$unit" "$DESTDIR/etc/systemd/system/$unit"
done
# A local installation, so the administrator's directories (/etc), not the vendor's (/usr/lib).
install -D -m 0644 deploy/sitrep.sysusers.conf "$DESTDIR/etc/sysusers.d/sitrep.conf"
install -D -m 0644 deploy/sitrep.tmpfiles.conf "$DESTDIR/etc/tmpfiles.d/sitrep.conf"
install -D -m 0644 deploy/sitrep.logrotate "$DESTDIR/etc/logrotate.d/sitrep"
if [[ ! -e $DESTDIR/etc/sitrep/sitrep.conf ]]; then
    install -D -m 0644 deploy/sitrep.conf "$DESTDIR/etc/sitrep/sitrep.conf"
else
    # Older units set the paths with Environment=; the unit no longer does, so a kept configuration
    # file without them gets them (an administrator's own values are left alone).
    for setting in 'inbox = "/var/spool/sitrep/inbox"' 'log = "/var/log/sitrep/events.jsonl"' 'state = "/var/lib/sitrep"'; do
        key=${setting%% *}
        if ! grep -Eq "^[[:space:]]*$key[[:space:]]*=" "$DESTDIR/etc/sitrep/sitrep.conf"; then
            printf '%s\n' "$setting" >>"$DESTDIR/etc/sitrep/sitrep.conf"
        fi
    done
fi
if [[ $PREFIX != /usr/local ]]; then
    for unit in sitrep.service sitrep-ship.service sitrep-sink.service; do
        sed -i "s|/usr/local/|$PREFIX/|g" "$DESTDIR/etc/systemd/system/$unit"
    done
fi

[[ -n $DESTDIR ]] && exit 0
systemd-sysusers sitrep.conf
systemd-tmpfiles --create sitrep.conf
systemctl daemon-reload
if [[ $start == yes ]]; then
    systemctl enable --now sitrep.service
    echo "sitrep is running: drop articles into /var/spool/sitrep/inbox (group sitrep),"
    echo "events appear in /var/log/sitrep/events.jsonl:  tail -f /var/log/sitrep/events.jsonl"
fi
