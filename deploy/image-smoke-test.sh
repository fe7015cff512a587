#!/usr/bin/env bash
# Builds the container image on a machine without Docker and starts it the way compose.yaml runs it:
# read-only root filesystem, writable tmpfs /tmp only, user 185, no capabilities (bubblewrap).
# Not part of .ci/run (it packages the jar and takes a few minutes); run it after changing the
# image configuration (application.properties, deploy/build-image.sh). Needs root, a JDK with
# jlink, PostgreSQL on 127.0.0.1:5432 (trust) and Debian's bubblewrap (installed if missing).
#
# The real base image (registry.access.redhat.com/ubi9/openjdk-17-runtime) cannot be pulled here,
# so the test builds a stand-in base from this machine's JDK (jlink) and its libraries: the image
# layout, user, labels, port, read-only start and the health probe are the real ones; the base
# image's own run-java.sh launcher is not (Jib starts `java -jar` on a stand-in base).
set -euo pipefail
cd "$(dirname "$0")/.."

work="$PWD/target/image-smoke"
port="${SMOKE_PORT:-18490}"
database=ba_image_smoke
rm -rf "$work" && mkdir -p "$work/base/fs" "$work/image" "$work/rootfs"
command -v bwrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap >/dev/null; }

echo "== 1. stand-in base image from this machine's JDK"
fs="$work/base/fs"
jlink --add-modules ALL-MODULE-PATH --output "$fs/opt/java" --strip-debug --no-header-files --no-man-pages >/dev/null 2>&1
mkdir -p "$fs/bin" "$fs/etc" "$fs/tmp" "$fs/home/jboss" "$fs/proc" "$fs/dev"
chmod 1777 "$fs/tmp"
cp /bin/bash "$fs/bin/bash"
{ ldd /bin/bash "$fs/opt/java/bin/java"; find "$fs/opt/java" -name '*.so' -exec ldd {} \; ; } 2>/dev/null \
  | grep -o '/[^ ]*' | grep -v "^$fs" | sort -u | while read -r lib; do
    [[ -f "$lib" ]] && install -D "$(readlink -f "$lib")" "$fs$lib"
  done
printf 'root:x:0:0:root:/root:/bin/bash\njboss:x:185:0:jboss:/home/jboss:/bin/bash\n' >"$fs/etc/passwd"
printf 'root:x:0:\n' >"$fs/etc/group"
printf '127.0.0.1 localhost\n' >"$fs/etc/hosts"
tar --owner=0 --group=0 --numeric-owner -C "$fs" -cf "$work/base/layer.tar" .
diff_id="sha256:$(sha256sum "$work/base/layer.tar" | cut -d' ' -f1)"
printf '{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java"],"User":"185","WorkingDir":"/home/jboss"},"rootfs":{"type":"layers","diff_ids":["%s"]}}' \
  "$diff_id" >"$work/base/config.json"
printf '[{"Config":"config.json","RepoTags":["local/smoke-base:17"],"Layers":["layer.tar"]}]' >"$work/base/manifest.json"
tar -C "$work/base" -cf "$work/base.tar" manifest.json config.json layer.tar

echo "== 2. the service's image with Jib, no daemon (deploy/build-image.sh)"
BASE_IMAGE="tar://$work/base.tar" deploy/build-image.sh >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; exit 1; }
tar --warning=no-unknown-keyword -C "$work/image" -xf target/buergerassistent-image.tar

echo "== 3. image configuration"
node - "$work/image" <<'JS'
const fs = require('fs');
const dir = process.argv[2];
const manifest = JSON.parse(fs.readFileSync(`${dir}/manifest.json`))[0];
const config = JSON.parse(fs.readFileSync(`${dir}/${manifest.Config}`)).config;
const fail = [];
if (config.User !== '185') fail.push(`user is ${config.User}, not 185`);
if (!config.ExposedPorts?.['8080/tcp']) fail.push('port 8080 not exposed');
for (const l of ['title', 'description', 'vendor', 'version', 'created', 'revision']) {
  if (!config.Labels?.[`org.opencontainers.image.${l}`]) fail.push(`label org.opencontainers.image.${l} missing`);
}
console.log(`image ${manifest.RepoTags}: user ${config.User}, ${manifest.Layers.length} layers, entrypoint ${config.Entrypoint.join(' ')}`);
if (fail.length) { console.error(fail.join('\n')); process.exit(1); }
JS
for layer in $(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1]))[0].Layers.join(" "))' "$work/image/manifest.json"); do
  tar --warning=no-unknown-keyword -C "$work/rootfs" -xzf "$work/image/$layer"
done

echo "== 4. start it on a read-only root as user 185 (database $database)"
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $database" -c "create database $database"
healthcheck="exec 3<>/dev/tcp/127.0.0.1/$port && printf 'GET /q/health/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3 && read -r status <&3 && [[ \$status == \"HTTP/1.1 200\"* ]]"
in_image() {
  bwrap --ro-bind "$work/rootfs" / --tmpfs /tmp --proc /proc --dev /dev --unshare-user --uid 185 --gid 0 \
    --cap-drop ALL --die-with-parent --chdir /home/jboss --clearenv \
    --setenv PATH /opt/java/bin:/usr/bin:/bin --setenv JAVA_HOME /opt/java "$@"
}
in_image --setenv QUARKUS_HTTP_PORT "$port" \
  --setenv QUARKUS_DATASOURCE_JDBC_URL "jdbc:postgresql://127.0.0.1:5432/$database" \
  --setenv QUARKUS_DATASOURCE_USERNAME postgres --setenv QUARKUS_DATASOURCE_PASSWORD "" \
  --setenv ASSISTANT_LLM_BASE_URL http://127.0.0.1:11434 --setenv ASSISTANT_LLM_MODEL leoben-assistent:1.0 \
  --setenv ASSISTANT_RESPONSIBLE_NAME "Smoke test" --setenv ASSISTANT_RESPONSIBLE_ROLE "Digital.Team" \
  --setenv ASSISTANT_RESPONSIBLE_CONTACT "digital@leoben.at" \
  java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -Djava.io.tmpdir=/tmp -jar quarkus-run.jar \
  >"$work/service.log" 2>&1 &
service_pid=$!
trap 'kill "$service_pid" 2>/dev/null || true' EXIT
ready=false
for _ in $(seq 1 90); do
  if in_image bash -c "$healthcheck" 2>/dev/null; then ready=true; break; fi
  kill -0 "$service_pid" 2>/dev/null || break
  sleep 2
done
if [[ "$ready" != true ]]; then
  echo "Not ready: compose's health probe failed" >&2
  tail -30 "$work/service.log" >&2
  exit 1
fi
echo "ready: compose's health probe (bash /dev/tcp, /q/health/ready) answered 200"
reply="$(curl -s "localhost:$port/api/v1/chat" -H 'Content-Type: application/json' -d '{"message":"Wann hat das Bürgerservice geöffnet?"}')"
kind="$(node -e 'console.log(JSON.parse(process.argv[1]).kind)' "$reply")"
[[ -n "$kind" && "$kind" != undefined ]] || { echo "No reply: $reply" >&2; exit 1; }
echo "a citizen's question got a reply of kind $kind"
if grep -E "Read-only file system|AccessDenied|Permission denied" "$work/service.log"; then
  echo "The service tried to write outside /tmp" >&2
  exit 1
fi
kill "$service_pid"; wait "$service_pid" 2>/dev/null || true
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $database"

echo "== 5. the approved-model registry is in the image"
found=""
for jar in "$work"/rootfs/home/jboss/app/*.jar "$work"/rootfs/home/jboss/lib/main/*.jar; do
  if unzip -l "$jar" 2>/dev/null | grep -q 'approved-models\.yaml'; then found="$jar"; fi
done
[[ -n "$found" ]] || { echo "No approved-models.yaml in the image's jars" >&2; exit 1; }
echo "approved-models.yaml packaged in $(basename "$found")"
echo "Image smoke test passed."
