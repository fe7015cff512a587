#!/usr/bin/env bash
# Builds the service's container image with Quarkus' Jib, without a Docker daemon.
#
#   deploy/build-image.sh                      # image as a tarball: target/buergerassistent-image.tar
#   deploy/build-image.sh --push REGISTRY      # push to the city's registry, e.g. registry.leoben.at
#
# Options and variables:
#   --tag TAG            image tag (default: the project version)
#   --run-tests          run the test suite first (default: skipped; `bash .ci/run` is the test run)
#   -- ARGS              further Maven arguments, e.g. -- -Dquarkus.container-image.insecure=true
#                        for a registry without TLS
#   BASE_IMAGE           base image instead of registry.access.redhat.com/ubi9/openjdk-17-runtime:1.24,
#                        e.g. the city's mirror of it; tar:///path/base.tar or docker://name also work
#   QUARKUS_CONTAINER_IMAGE_USERNAME / _PASSWORD   registry login for --push (else ~/.docker/config.json)
#
# The tarball loads with `docker load -i` or `podman load -i` on the host that runs it, or goes to a
# registry with `skopeo copy docker-archive:<tar> docker://<registry>/buergerassistent:<tag>`.
set -euo pipefail
cd "$(dirname "$0")/.."

push_registry=""
tag=""
skip_tests=true
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --push) push_registry="${2:?--push needs a registry, e.g. registry.leoben.at}"; shift 2 ;;
    --tag) tag="${2:?--tag needs a value}"; shift 2 ;;
    --run-tests) skip_tests=false; shift ;;
    -h | --help) sed -n '2,19p' "$0"; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "Unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

args=(-B -ntp package
  "-DskipTests=$skip_tests"
  "-Dquarkus.container-image.labels.\"org.opencontainers.image.created\"=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  "-Dquarkus.container-image.labels.\"org.opencontainers.image.revision\"=$(git rev-parse HEAD 2>/dev/null || echo unknown)")
[[ -n "$tag" ]] && args+=("-Dquarkus.container-image.tag=$tag")
[[ -n "${BASE_IMAGE:-}" ]] && args+=("-Dquarkus.jib.base-jvm-image=$BASE_IMAGE")
args+=("${extra[@]}")

if [[ -n "$push_registry" ]]; then
  # Jib pushes layer by layer straight to the registry: no daemon, no local image.
  mvn "${args[@]}" -Dquarkus.container-image.push=true "-Dquarkus.container-image.registry=$push_registry"
  echo "Pushed; the image digest is in target/jib-image.digest: $(cat target/jib-image.digest 2>/dev/null)"
else
  # Jib's local mode hands the image to a docker executable's `load`; jib-tar-sink.sh writes it to a file.
  IMAGE_TAR="$PWD/target/buergerassistent-image.tar"
  rm -f "$IMAGE_TAR"
  IMAGE_TAR="$IMAGE_TAR" mvn "${args[@]}" -Dquarkus.container-image.build=true \
    "-Dquarkus.jib.docker-executable-name=$PWD/deploy/jib-tar-sink.sh"
  [[ -s "$IMAGE_TAR" ]] || { echo "No image was written to $IMAGE_TAR" >&2; exit 1; }
  echo "Image written to $IMAGE_TAR (image id in target/jib-image.id: $(cat target/jib-image.id 2>/dev/null))"
fi
