#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only WITH Classpath-exception-2.0
#
# Builds target/autosa_<version>_amd64.deb from the shaded autosa.jar (run by `mvn -Pdeb package`):
#   1. jlink: a runtime with only the modules autosa needs (no JDK on the target);
#   2. two class lists, of what the daemon loads and of what the quick CLI commands load, made by
#      running them on that runtime (postinst dumps a class-data sharing archive from each, see
#      DEBIAN/postinst);
#   3. dpkg-deb: the tree below, owned by root, with the maintainer scripts and the conffile.
#
#   build-deb.sh VERSION TARGET_DIR [TIMESTAMP]   (TIMESTAMP: ISO 8601, the time of every file)
set -euo pipefail

version=$1
target=$(cd "$2" && pwd)
timestamp=${3:-}
src=$(cd "$(dirname "$0")" && pwd)
examples=$(cd "$src/../.." && pwd)
jar=$target/autosa.jar
# The modules autosa.jar uses: the JMX MXBean, Unix-socket peer credentials, the metrics
# endpoint's HTTP server, Jackson's XML types (autosa mcp: its serializer factory links them),
# Unsafe for gson and Reactor, and java.logging so the runtime's default CDS archive resolves every
# class it lists. jdeps --print-module-deps also names java.sql, java.compiler, java.desktop and
# java.net.http: gson, Jackson and error-prone's annotations only probe for the first three, and
# only the MCP SDK's HTTP client transports, which autosa mcp (stdio) never loads, use the last.
modules=java.base,java.logging,java.management,java.xml,jdk.httpserver,jdk.net,jdk.unsupported
# Debian's package version: a Maven SNAPSHOT sorts before the release (0.1.0~SNAPSHOT < 0.1.0).
debversion=${version/-SNAPSHOT/\~SNAPSHOT}

[[ -f $jar ]] || { echo "build-deb: $jar not found (run the package phase first)" >&2; exit 1; }
jdk=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
for tool in "$jdk/bin/jlink" dpkg-deb gzip; do
    command -v "$tool" >/dev/null || { echo "build-deb: $tool not found (needs a JDK 17+ and dpkg-deb)" >&2; exit 1; }
done

work=$target/deb
root=$work/root
rm -rf "$work"
mkdir -p "$root"

# 1. The runtime: stripped, no man pages or headers, with its own default CDS archive.
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive --output "$root/usr/lib/autosa/runtime" >"$work/jlink.log" 2>&1 \
    || { cat "$work/jlink.log" >&2; exit 1; }
rm -f "$root/usr/lib/autosa/runtime/lib/server/classes_nocoops.jsa"   # only for heaps over 32 GiB
runtime=$root/usr/lib/autosa/runtime/bin/java

install -D -m 0644 "$jar" "$root/usr/lib/autosa/autosa.jar"
install -D -m 0755 "$examples/src/main/dist/autosa" "$root/usr/bin/autosa"
install -d -m 0755 "$root/usr/lib/autosa/plugins"
install -D -m 0644 "$src/autosa.conf" "$root/etc/autosa/autosa.conf"
# The unit names the launcher where a hand install puts it; the package puts it in /usr/bin.
install -d "$root/lib/systemd/system"
sed 's|/usr/local/bin/autosa|/usr/bin/autosa|g' "$examples/src/main/packaging/autosa.service" \
    >"$root/lib/systemd/system/autosa.service"
chmod 0644 "$root/lib/systemd/system/autosa.service"
install -d "$root/usr/share/man/man1" "$root/usr/share/doc/autosa"
sed "s|@VERSION@|$version|" "$src/autosa.1" | gzip -9n >"$root/usr/share/man/man1/autosa.1.gz"
{
    echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
    echo "Upstream-Name: autosa"
    echo
    echo "Files: *"
    echo "Copyright: AutoSA developers"
    echo "License: GPL-2.0-only WITH Classpath-exception-2.0"
    echo " On Debian systems the GPL 2 is in /usr/share/common-licenses/GPL-2."
    echo " The runtime in /usr/lib/autosa/runtime is OpenJDK, under the same license; its notices are"
    echo " in /usr/lib/autosa/runtime/legal."
} >"$root/usr/share/doc/autosa/copyright"

# 2. The class lists, each run on the packaged runtime. The daemon's: start, a few ticks, SIGTERM,
# as it runs when nobody asks it anything (what it loads to answer a client is loaded then). The
# CLI's: status (running, not running, JSON), list, stop and --version against a second daemon, not
# recommend (which loads the whole engine for seconds of sampling anyway). Two archives, not one,
# and no more in each than it needs: the JVM rewrites the pointers of every page of the archive it
# maps (at a random address), so each page is private memory of the daemon and start-up work of
# every CLI call.
lists=$work/classlists
mkdir -p "$lists"
train() {
    local name=$1; shift
    "$runtime" -Xshare:auto -XX:DumpLoadedClassList="$lists/$name" -cp "$root/usr/lib/autosa/autosa.jar" \
        dev.autosa.examples.cli.Main "$@"
}
idle=$work/idle.sock
# Not through train(): $! must be the JVM's pid, which SIGTERM stops.
"$runtime" -Xshare:auto -XX:DumpLoadedClassList="$lists/start" -cp "$root/usr/lib/autosa/autosa.jar" \
    dev.autosa.examples.cli.Main start --mode recommend --socket "$idle" >"$work/train-daemon.log" 2>&1 &
trained=$!
sock=$work/train.sock
"$runtime" -Xshare:auto -cp "$root/usr/lib/autosa/autosa.jar" dev.autosa.examples.cli.Main \
    start --mode recommend --socket "$sock" >"$work/train-server.log" 2>&1 &
server=$!
trap 'kill -TERM "$trained" "$server" 2>/dev/null || true' EXIT   # a failed training leaves no daemon
for _ in $(seq 100); do [[ -S $sock && -S $idle ]] && break; sleep 0.1; done
train status-down status --socket "$work/none.sock" >/dev/null || true
train status status --socket "$sock" >/dev/null
train status-json status --json --socket "$sock" >/dev/null
train list list --socket "$sock" >/dev/null
train stop stop --socket "$sock" >/dev/null
wait "$server" || true
sleep 3   # ticks of the idle daemon: the loop, the window, the classifier, a decision
kill -TERM "$trained"
wait "$trained" || true
trap - EXIT
train version --version >/dev/null
# In the order of loading (a lambda's line after its class), each line once; the lambda proxies
# and method-handle forms are archived too, or every start spins them up again.
union() {
    local out=$1; shift
    cat "$@" | sed 's/ id: [0-9]*$//' | grep -v ' super: ' | awk '!seen[$0]++' >"$out"
    chmod 0644 "$out"
}
union "$root/usr/lib/autosa/autosa.classlist" "$lists/start"
union "$root/usr/lib/autosa/autosa-cli.classlist" "$lists"/status* "$lists/list" "$lists/stop" "$lists/version"

# 3. The package.
mkdir -p "$root/DEBIAN"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s|@VERSION@|$debversion|" -e "s|@INSTALLED_SIZE@|$size|" "$src/DEBIAN/control" >"$root/DEBIAN/control"
install -m 0644 "$src/DEBIAN/conffiles" "$root/DEBIAN/conffiles"
install -m 0755 "$src/DEBIAN/postinst" "$src/DEBIAN/prerm" "$src/DEBIAN/postrm" "$root/DEBIAN/"
(cd "$root" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
# A fixed time on every file (the Maven build's outputTimestamp) keeps the package reproducible.
if [[ -n $timestamp ]]; then
    find "$root" -exec touch -h -d "$timestamp" {} +
fi
deb=$target/autosa_${version}_amd64.deb
# xz at level 1: 5x less CPU than the default level 6 for a package about 10 % larger (24.5
# against 22.2 MB), which keeps `mvn -Pdeb verify` short on a 2-core CI machine.
dpkg-deb --root-owner-group -Zxz -z1 --build "$root" "$deb" >/dev/null
echo "build-deb: $deb ($(du -h "$deb" | cut -f1), installed $((size / 1024)) MiB)"
