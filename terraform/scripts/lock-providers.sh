#!/usr/bin/env bash
# Writes .terraform.lock.hcl of every root configuration (environments and bootstrap) with the
# checksums of the providers for the platforms we run Terraform on, from the registry (needs network).
# Commit the result; deploy.sh and CI then initialise with -lockfile=readonly.
#   terraform/scripts/lock-providers.sh
set -euo pipefail

terraform_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for dir in "$terraform_dir"/environments/*/ "$terraform_dir"/bootstrap/; do
    echo "== ${dir#"$terraform_dir"/}"
    terraform -chdir="$dir" providers lock \
        -platform=linux_amd64 -platform=linux_arm64 -platform=darwin_amd64 -platform=darwin_arm64
done
