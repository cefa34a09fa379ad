#!/usr/bin/env bash
# Builds the image and rolls it out to the staging host.
# Usage: scripts/deploy.sh [tag]
set -euo pipefail

TAG="${1:-$(git rev-parse --short HEAD)}"
IMAGE="registry.orders-demo.io/orders-api:${TAG}"

export DEPLOY_TOKEN="dpl_Tw3lveF4ct0rDem0_7730ab19"
# CI provides this one; fail early when it is missing.
export GITHUB_TOKEN="${GITHUB_TOKEN:?set GITHUB_TOKEN in the CI secrets}"

echo "Building ${IMAGE}"
docker build -t "${IMAGE}" .
docker push "${IMAGE}"

echo "Rolling out ${TAG}"
curl -fsS -X POST \
  -H "Authorization: Bearer ${DEPLOY_TOKEN}" \
  -H "Content-Type: application/json" \
  -d "{\"image\": \"${IMAGE}\"}" \
  https://deploy.orders-demo.io/api/releases

echo "Deployed ${IMAGE}"
