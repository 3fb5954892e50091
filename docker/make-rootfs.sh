#!/bin/sh
# Writes the root file system of the Dynamo Double image into DIR: a jlink'ed Java runtime holding
# only the modules the server jar uses (found with jdeps), the shared libraries that runtime links
# against (found with ldd, copied from the machine running this), a passwd file naming the non-root
# user the server runs as, and the jar. The image is then `FROM scratch` + this directory: nothing is
# pulled from a registry. Run on a glibc Linux with a JDK 17+ that has jmods (JAVA_HOME or `java` on
# PATH). Used by docker/build-image.sh (on the host) and docker/Dockerfile (in a JDK image).
#
#   make-rootfs.sh DIR path/to/dynamo-double-core-VERSION-all.jar
set -eu

dir=$1
jar=$2
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi
[ -f "$jar" ] || { echo "make-rootfs.sh: no jar at $jar (build it: mvn -B -q -pl core -am package -DskipTests)" >&2; exit 2; }
[ -d "$JAVA_HOME/jmods" ] || { echo "make-rootfs.sh: $JAVA_HOME has no jmods; jlink needs a full JDK" >&2; exit 2; }

rm -rf "$dir"
mkdir -p "$dir/app" "$dir/etc" "$dir/tmp"
chmod 1777 "$dir/tmp"

# jdeps cannot see service providers: jdk.crypto.ec holds the EC ciphers TLS (--tls) negotiates.
modules=$("$JAVA_HOME/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps "$jar"),jdk.crypto.ec
# Java debug attributes only: --strip-debug would also strip native symbols with objcopy, which a
# JDK image or a fresh machine may lack (distribution JDKs ship their libraries stripped already).
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --output "$dir/opt/java" \
  --strip-java-debug-attributes --no-header-files --no-man-pages --compress=2 --generate-cds-archive
# The archive for heaps over 32 GB (no compressed oops) is 11 MB no test server needs.
rm -f "$dir/opt/java/lib/server/classes_nocoops.jsa"

# Every library the runtime's executables and libraries need, at the path the loader looks for it.
find "$dir/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} + 2>/dev/null \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }' | sort -u \
  | while read -r lib; do
      case "$lib" in "$dir"/*) continue ;; esac
      mkdir -p "$dir$(dirname "$lib")"
      cp -L "$lib" "$dir$lib"
    done

cp "$jar" "$dir/app/dynamo-double.jar"
printf 'root:x:0:0:root:/:/sbin/nologin\ndynamo:x:10001:10001:Dynamo Double:/tmp:/sbin/nologin\n' > "$dir/etc/passwd"
printf 'root:x:0:\ndynamo:x:10001:\n' > "$dir/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$dir/etc/nsswitch.conf"
