#!/usr/bin/env bash
# Stands in for the docker CLI when Quarkus' Jib builds a "local" image, so that no Docker daemon is
# needed: Jib asks `info` for the platform and pipes the finished image (a `docker save` style
# tarball) into `load`; this writes it to $IMAGE_TAR. Used by deploy/build-image.sh only.
set -euo pipefail
case "${1:-}" in
  info)
    case "$(uname -m)" in
      aarch64 | arm64) arch=aarch64 ;;
      *) arch=x86_64 ;;
    esac
    printf '{"OSType":"linux","Architecture":"%s"}\n' "$arch"
    ;;
  load)
    : "${IMAGE_TAR:?IMAGE_TAR must name the file to write}"
    cat >"$IMAGE_TAR.part"
    mv "$IMAGE_TAR.part" "$IMAGE_TAR"
    echo "Loaded image: written to $IMAGE_TAR"
    ;;
  *)
    echo "jib-tar-sink: '$*' is not supported (only info and load)" >&2
    exit 1
    ;;
esac
