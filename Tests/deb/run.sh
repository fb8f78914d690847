#!/usr/bin/env bash
# The Debian package under a real systemd: boots systemd as PID 1 in a container (a volatile tmpfs
# root, the host's /usr and dpkg database under writable overlays in a scratch directory, so dpkg
# changes nothing on the host), then installs the .deb, drops an article, upgrades to a second
# version, removes (the log and state stay) and purges (they go). Prints one summary line.
#
#   sudo Tests/deb/run.sh DEB [NEWER_DEB]
#
# Without NEWER_DEB the upgrade step reinstalls DEB. Exit status: 0 every check passed, 1 some check
# failed, 2 the test could not run here (not root, no systemd-nspawn, the container does not boot).
set -euo pipefail
deb=$(readlink -f "${1:?usage: Tests/deb/run.sh DEB [NEWER_DEB]}")
newer=$(readlink -f "${2:-$1}")
machine=sitrep-deb-$$
started=$SECONDS
passed=0
failed=0
nspawn_pid=""
leader=""
mounted=no
work=$(mktemp -d /tmp/sitrep-deb.XXXXXX)
chmod 0755 "$work"
cp "$deb" "$work/old.deb"
cp "$newer" "$work/new.deb"
chmod 0644 "$work"/*.deb

say() { printf '[%3ds] %s\n' $((SECONDS - started)) "$*" >&2; }
pass() { passed=$((passed + 1)); say "ok    $1"; }
fail() { failed=$((failed + 1)); say "FAIL  $1"; }
check() { # description command...
    local what=$1
    shift
    if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}
cleanup() {
    if [[ -n $nspawn_pid ]] && kill -0 "$nspawn_pid" 2>/dev/null; then
        kill -TERM "$nspawn_pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.2; done
        kill -KILL "$nspawn_pid" 2>/dev/null || true
        wait "$nspawn_pid" 2>/dev/null || true
    fi
    if [[ $mounted == yes ]]; then umount /run/systemd/nspawn 2>/dev/null || umount -l /run/systemd/nspawn || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
cannot_run() { echo "deb test: NOT RUN — $1"; exit 2; }

[[ $(id -u) -eq 0 ]] || cannot_run "needs root"
command -v systemd-nspawn >/dev/null || cannot_run "systemd-nspawn is missing (systemd-container)"
if ! mountpoint -q /run && ! mountpoint -q /run/systemd/nspawn; then
    mkdir -p /run/systemd/nspawn
    mount -t tmpfs -o mode=0755 tmpfs /run/systemd/nspawn || cannot_run "cannot mount /run/systemd/nspawn"
    mounted=yes
fi
say "booting systemd in container $machine"
mkdir -p "$work/upper-usr" "$work/upper-etc"
cp -a /var/lib/dpkg "$work/dpkg" # a copy of the package database, for dpkg in the container
systemd-nspawn -D / --volatile=yes -M "$machine" --register=no --keep-unit --link-journal=no -b --console=pipe \
    --overlay="/usr:$work/upper-usr:/usr" --overlay="/etc:$work/upper-etc:/etc" --bind="$work/dpkg:/var/lib/dpkg" \
    --bind-ro="$work:/mnt/sitrep-deb" -- systemd.mask=systemd-firstboot.service \
    </dev/null >"$work/nspawn.log" 2>&1 &
nspawn_pid=$!
for _ in $(seq 150); do
    kill -0 "$nspawn_pid" 2>/dev/null || break
    for child in $(ps -o pid= --ppid "$nspawn_pid" 2>/dev/null); do
        [[ $(cat "/proc/$child/comm" 2>/dev/null) == systemd ]] && leader=$child
    done
    [[ -n $leader ]] && break
    sleep 0.2
done
[[ -n $leader ]] || { tail -20 "$work/nspawn.log" >&2; cannot_run "the container did not start systemd"; }
ct() { nsenter -t "$leader" -a env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 SYSTEMD_PAGER=cat "$@"; }
wait_for() { # seconds command...
    local deadline=$((SECONDS + $1))
    shift
    until "$@" >/dev/null 2>&1; do ((SECONDS < deadline)) || return 1; sleep 0.3; done
}
wait_for 60 ct sh -c 'systemctl is-system-running | grep -qE "^(running|degraded)"' || true
# A package of the same name may be on the host (and so in the overlay): start from none.
ct dpkg --purge sitrep >/dev/null 2>&1 || true

say "installing $(basename "$deb")"
if ct dpkg -i /mnt/sitrep-deb/old.deb >"$work/install.log" 2>&1; then pass "dpkg -i installs the package"; else
    cat "$work/install.log" >&2
    fail "dpkg -i installs the package"
fi
check "the service is enabled and active" wait_for 30 ct systemctl is-active sitrep.service
check "the sitrep user and the setgid inbox exist" ct test -g /var/spool/sitrep/inbox -a "$(ct id -u sitrep 2>/dev/null || echo x)" != x
check "man sitrep is installed" ct test -s /usr/share/man/man1/sitrep.1.gz
check "bash completion is installed" ct test -s /usr/share/bash-completion/completions/sitrep
# Written beside the inbox and renamed in, as a delivering program would (the daemon may move it at once).
ct sh -c 'printf "Gunmen attacked a police checkpoint south of Mosul on 3 March 2021, killing three police officers.\n" >/var/spool/sitrep/a.txt && chown sitrep:sitrep /var/spool/sitrep/a.txt && mv /var/spool/sitrep/a.txt /var/spool/sitrep/inbox/a.txt' || true
check "an article dropped in the inbox gives events in the log" \
    wait_for 30 ct sh -c 'test -s /var/log/sitrep/events.jsonl'
check "the metrics file is written under the state directory" wait_for 15 ct test -s /var/lib/sitrep/metrics.prom
check "sitrep status says running" ct /usr/bin/sitrep status --state /var/lib/sitrep \
    --log /var/log/sitrep/events.jsonl --inbox /var/spool/sitrep/inbox
lines=$(ct sh -c 'wc -l < /var/log/sitrep/events.jsonl' 2>/dev/null || echo 0)
pid=$(ct systemctl show -P MainPID sitrep.service)

say "upgrading to $(basename "$newer")"
check "dpkg -i of the newer package upgrades" ct dpkg -i /mnt/sitrep-deb/new.deb
check "the upgraded service runs" wait_for 30 ct sh -c "systemctl is-active sitrep.service && [ \"\$(systemctl show -P MainPID sitrep.service)\" != $pid ]"
check "the upgrade kept the log" ct sh -c "[ \$(wc -l < /var/log/sitrep/events.jsonl) -ge $lines ] && [ $lines -gt 0 ]"

say "removing"
check "dpkg -r removes the package" ct dpkg -r sitrep
check "the service is gone" ct sh -c '! systemctl is-active sitrep.service'
check "remove keeps the log, the state and the configuration" \
    ct sh -c 'test -s /var/log/sitrep/events.jsonl && test -d /var/lib/sitrep && test -f /etc/sitrep/sitrep.conf && ! test -e /usr/lib/sitrep/sitrep'
check "dpkg -P purges" ct dpkg -P sitrep
check "purge deletes the log, the state and the configuration" \
    ct sh -c '! test -e /var/log/sitrep && ! test -e /var/lib/sitrep && ! test -e /etc/sitrep'

echo "deb test: $passed passed, $failed failed ($((SECONDS - started)) s)"
((failed == 0))
