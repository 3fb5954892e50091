#!/bin/sh
# Builds the Dynamo Double image with no registry: make-rootfs.sh on this machine (a glibc Linux with
# a JDK 17+ that has jmods), then the final stage of docker/Dockerfile on that directory.
#
#   docker/build-image.sh [JAR [TAG]]
#
# JAR defaults to core/target/dynamo-double-core-VERSION-all.jar, TAG to dynamo-double:VERSION.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
jar=${1:-}
if [ -z "$jar" ]; then
  jar=$(ls "$root"/core/target/dynamo-double-core-*-all.jar 2>/dev/null | head -1)
  [ -n "$jar" ] || { echo "build-image.sh: no core/target/dynamo-double-core-*-all.jar; build it: mvn -B -q -pl core -am package -DskipTests" >&2; exit 2; }
fi
version=$(basename "$jar" | sed -n 's/^dynamo-double-core-\(.*\)-all\.jar$/\1/p')
tag=${2:-dynamo-double:${version:-latest}}

context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
"$root/docker/make-rootfs.sh" "$context/rootfs" "$jar"
# The Dockerfile's last stage, reading the directory just made instead of the JDK stage's output.
sed -n '/^FROM scratch$/,$p' "$root/docker/Dockerfile" \
  | sed 's|^COPY --from=rootfs /rootfs /$|COPY rootfs /|' > "$context/Dockerfile"
grep -q '^COPY rootfs /$' "$context/Dockerfile" \
  || { echo "build-image.sh: docker/Dockerfile no longer ends with 'FROM scratch' + 'COPY --from=rootfs /rootfs /'" >&2; exit 2; }
docker build -q -t "$tag" "$context" >/dev/null
echo "built $tag ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{ printf "%.0f MB", $1 / 1e6 }'))"
