#!/usr/bin/env bash
# Rolls an environment back to the commit that last passed its smoke test: that commit's Terraform and
# that commit's image (tagged with the commit), not today's Terraform with yesterday's image.
#   terraform/scripts/rollback.sh ENVIRONMENT [COMMIT]
# Without COMMIT it reads /liminal-transit/ENVIRONMENT/last-good-commit (SSM), which deploy.yml writes
# after every smoke test that passes. Needs the git history of that commit (deploy.yml checks out with
# fetch-depth 0) and what deploy.sh needs.
# The database is not rolled back: Flyway migrations must stay compatible with the previous release
# (expand first, contract in a later release).
set -euo pipefail

usage() {
    echo "usage: $0 dev|staging|production [COMMIT]" >&2
    exit 2
}
[[ $# -ge 1 && $# -le 2 ]] || usage
environment=$1
target=${2:-}
[[ "$environment" =~ ^(dev|staging|production)$ ]] || usage

if [[ -z "$target" ]]; then
    target=$(aws ssm get-parameter --name "/liminal-transit/$environment/last-good-commit" \
        --query 'Parameter.Value' --output text)
fi
if ! [[ "$target" =~ ^[0-9a-f]{40}$ ]]; then
    echo "no good commit recorded for $environment ($target): nothing to roll back to" >&2
    exit 1
fi

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
checkout=$(mktemp -d)
trap 'git -C "$repo" worktree remove --force "$checkout" >/dev/null 2>&1 || rm -rf "$checkout"' EXIT
git -C "$repo" worktree add --detach "$checkout" "$target" >/dev/null

echo "rolling $environment back to $target (its Terraform and its image)"
"$checkout/terraform/scripts/deploy.sh" "$environment" "$target"
