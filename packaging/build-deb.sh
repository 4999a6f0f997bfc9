#!/usr/bin/env bash
# Wraps a PyInstaller one-folder bundle in the kiosk's two Debian 12 (amd64) packages:
#   hall-kiosk-VERSION  the bundle under /opt/hall-kiosk/VERSION/ (one package per version, so
#                       versions sit side by side and an update never overwrites the running one)
#   hall-kiosk          what stays across versions: /etc/kiosk/config.toml (a conffile), the kiosk
#                       user, /var/lib/kiosk, udev rules, the units, the session, kiosk-update
# usage: packaging/build-deb.sh BUNDLE_DIR VERSION OUT_DIR [CONFIG.toml]
set -euo pipefail
bundle=$1 version=$2 out=$3 config=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[[ -x "$bundle/kiosk" ]] || { echo "build-deb: $bundle/kiosk is not an executable bundle" >&2; exit 2; }

fill() {   # copy a control template, filling in @VERSION@ and @SIZE@
    sed -e "s/@VERSION@/$version/g" -e "s/@SIZE@/$2/g" "$1"
}

# ---- hall-kiosk-VERSION: the bundle -------------------------------------------------------------
pkg=$work/versioned
mkdir -p "$pkg/DEBIAN" "$pkg/opt/hall-kiosk"
cp -a "$bundle" "$pkg/opt/hall-kiosk/$version"
size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
fill "$here/debian/versioned.control" "$size" > "$pkg/DEBIAN/control"
for script in postinst prerm; do
    fill "$here/debian/versioned.$script" "$size" > "$pkg/DEBIAN/$script"
    chmod 0755 "$pkg/DEBIAN/$script"
done
dpkg-deb --root-owner-group -Zzstd --build "$pkg" "$out/hall-kiosk-${version}_${version}_amd64.deb" >/dev/null

# ---- hall-kiosk: the installation around the versions --------------------------------------------
pkg=$work/common
install -d "$pkg/DEBIAN" "$pkg/etc/kiosk" "$pkg/etc/pam.d" "$pkg/lib/systemd/system" \
    "$pkg/lib/udev/rules.d" "$pkg/usr/lib/hall-kiosk" "$pkg/usr/sbin" "$pkg/usr/bin" \
    "$pkg/usr/lib/sysusers.d" "$pkg/usr/lib/tmpfiles.d" "$pkg/usr/lib/systemd/journald.conf.d" \
    "$pkg/usr/share/doc/hall-kiosk"
if [[ -n "$config" ]]; then
    install -m 0640 "$config" "$pkg/etc/kiosk/config.toml"
else
    "$repo/.venv/bin/python" "$here/production_config.py" "$pkg/etc/kiosk/config.toml"
    chmod 0640 "$pkg/etc/kiosk/config.toml"
fi
install -m 0644 "$here/pam/kiosk" "$pkg/etc/pam.d/kiosk"
install -m 0644 "$here"/systemd/*.service "$pkg/lib/systemd/system/"
install -m 0644 "$here/udev/60-hall-kiosk.rules" "$pkg/lib/udev/rules.d/"
install -m 0644 "$here/sysusers/hall-kiosk.conf" "$pkg/usr/lib/sysusers.d/"
install -m 0644 "$here/tmpfiles/hall-kiosk.conf" "$pkg/usr/lib/tmpfiles.d/"
install -m 0644 "$here/journald/hall-kiosk.conf" "$pkg/usr/lib/systemd/journald.conf.d/"
install -m 0755 "$here/bin/kiosk-session" "$pkg/usr/lib/hall-kiosk/kiosk-session"
# the update judge runs on the system's python3, never on the version it judges
install -m 0644 "$repo/kiosk/commands/update.py" "$pkg/usr/lib/hall-kiosk/kiosk_update.py"
install -m 0755 "$here/bin/kiosk-update" "$pkg/usr/sbin/kiosk-update"
ln -s /opt/hall-kiosk/current/kiosk "$pkg/usr/bin/kiosk"
install -m 0644 "$repo/README.md" "$pkg/usr/share/doc/hall-kiosk/README.md"
size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
fill "$here/debian/common.control" "$size" > "$pkg/DEBIAN/control"
(cd "$pkg" && find etc -type f | sed 's|^|/|' | sort) > "$pkg/DEBIAN/conffiles"
for script in postinst prerm postrm; do
    fill "$here/debian/common.$script" "$size" > "$pkg/DEBIAN/$script"
    chmod 0755 "$pkg/DEBIAN/$script"
done
dpkg-deb --root-owner-group -Zzstd --build "$pkg" "$out/hall-kiosk_${version}_amd64.deb" >/dev/null
ls -l "$out"/hall-kiosk*"${version}"*.deb | awk '{print $5, $9}'
