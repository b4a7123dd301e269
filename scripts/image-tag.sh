#!/usr/bin/env bash
# Prints the content hash that tags an image: the first 12 hex characters of sha256 over
# "BASE_IMAGE=<base>\n" and, for every file of the build context sorted by path in byte order,
# "<relative path>\0<sha256 of the file>\n". src/sandbox/images.ts computes the same.
#   image-tag.sh CONTEXT_DIR BASE_IMAGE
set -euo pipefail
context=$1
base=$2
cd "$context"
{
  printf 'BASE_IMAGE=%s\n' "$base"
  find . -type f | sed 's|^\./||' | LC_ALL=C sort | while IFS= read -r f; do
    printf '%s\0%s\n' "$f" "$(sha256sum "$f" | cut -d' ' -f1)"
  done
} | sha256sum | cut -c1-12
