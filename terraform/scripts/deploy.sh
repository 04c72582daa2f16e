#!/usr/bin/env bash
# Deploys one image tag to one environment with Terraform.
#   terraform/scripts/deploy.sh ENVIRONMENT IMAGE_TAG
# Needs: terraform, aws CLI with credentials, TF_STATE_BUCKET (and TF_STATE_REGION, default us-east-1).
# The image REPOSITORY:IMAGE_TAG must already be in the environment's ECR repository (deploy.yml
# pushes it). On the very first run, when the repository does not exist yet, the script creates
# only the repository and stops, so that the image can be pushed before the service is created.
# Prints the environment's URL as the last line of its output.
set -euo pipefail

usage() {
    echo "usage: $0 dev|staging|production IMAGE_TAG" >&2
    exit 2
}
[[ $# -eq 2 ]] || usage
environment=$1
image_tag=$2
[[ "$environment" =~ ^(dev|staging|production)$ ]] || usage
[[ "$image_tag" =~ ^[A-Za-z0-9._-]+$ ]] || { echo "invalid image tag: $image_tag" >&2; exit 2; }
: "${TF_STATE_BUCKET:?set TF_STATE_BUCKET to the state bucket (terraform/bootstrap output state_bucket)}"

dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../environments/$environment" && pwd)"
cd "$dir"

terraform init -input=false -reconfigure \
    -backend-config="bucket=$TF_STATE_BUCKET" \
    -backend-config="region=${TF_STATE_REGION:-us-east-1}"

repository=$(terraform output -raw ecr_repository_name 2>/dev/null || true)
if [[ -z "$repository" ]]; then
    echo "first deployment of $environment: creating the ECR repository only"
    terraform apply -input=false -auto-approve -var="image_tag=$image_tag" -target=module.stack.module.ecr
    echo "push the image to $(terraform output -raw ecr_repository_url):$image_tag, then run this script again"
    exit 3
fi

if ! aws ecr describe-images --repository-name "$repository" --image-ids "imageTag=$image_tag" >/dev/null 2>&1; then
    echo "image $repository:$image_tag not found in ECR" >&2
    exit 1
fi

terraform plan -input=false -out=tfplan -var="image_tag=$image_tag"
terraform apply -input=false tfplan
rm -f tfplan

terraform output -raw url
echo
