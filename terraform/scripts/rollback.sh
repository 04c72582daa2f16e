#!/usr/bin/env bash
# Rolls an environment back to an earlier image.
#   terraform/scripts/rollback.sh ENVIRONMENT [IMAGE_TAG]
# Without IMAGE_TAG it takes the image pushed to the environment's ECR repository just before the
# one that runs now (the repository is IMMUTABLE, so a tag names exactly the image that ran before).
# The database is not rolled back: Flyway migrations are expected to stay backward compatible for
# one release (expand first, contract in a later release).
set -euo pipefail

usage() {
    echo "usage: $0 dev|staging|production [IMAGE_TAG]" >&2
    exit 2
}
[[ $# -ge 1 && $# -le 2 ]] || usage
environment=$1
target=${2:-}
[[ "$environment" =~ ^(dev|staging|production)$ ]] || usage
: "${TF_STATE_BUCKET:?set TF_STATE_BUCKET to the state bucket}"

scripts="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$scripts/../environments/$environment"
terraform init -input=false -reconfigure \
    -backend-config="bucket=$TF_STATE_BUCKET" \
    -backend-config="region=${TF_STATE_REGION:-us-east-1}" >/dev/null

current=$(terraform output -raw image_tag)
repository=$(terraform output -raw ecr_repository_name)

if [[ -z "$target" ]]; then
    # tagged images, oldest first; the previous one is the tag just before the current one
    mapfile -t tags < <(aws ecr describe-images --repository-name "$repository" --filter tagStatus=TAGGED \
        --query 'sort_by(imageDetails, &imagePushedAt)[].imageTags[0]' --output text | tr '\t' '\n')
    for i in "${!tags[@]}"; do
        if [[ "${tags[$i]}" == "$current" && $i -gt 0 ]]; then
            target=${tags[$((i - 1))]}
        fi
    done
    [[ -n "$target" ]] || { echo "no image before $current in $repository" >&2; exit 1; }
fi

if [[ "$target" == "$current" ]]; then
    echo "$environment already runs $current"
    exit 0
fi

echo "rolling $environment back from $current to $target"
"$scripts/deploy.sh" "$environment" "$target"
