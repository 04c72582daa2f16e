#!/usr/bin/env bash
# Deploys one image tag to one environment with Terraform, from this checkout's terraform/.
#   terraform/scripts/deploy.sh ENVIRONMENT IMAGE_TAG
# Needs: terraform, aws CLI with credentials, TF_STATE_BUCKET (TF_STATE_REGION, default us-east-1;
# TF_STATE_KMS_KEY_ARN, the state key from terraform/bootstrap), TF_VAR_origin_secret (and outside dev
# TF_VAR_alarm_emails). The image REPOSITORY:IMAGE_TAG must already be in the environment's ECR
# repository (deploy.yml pushes it). On the very first run, when the repository does not exist yet,
# the script creates only the repository and stops (exit 3), so that the image can be pushed before the
# service is created.
# Exits non-zero when the plan, the apply, or the check that the service really runs the new revision
# fails. The environment's URL is `terraform output -raw url` (deploy.yml reads it that way).
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

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="$repo_root/terraform/environments/$environment"
cd "$dir"

init_args=(-input=false -reconfigure
    -backend-config="bucket=$TF_STATE_BUCKET"
    -backend-config="region=${TF_STATE_REGION:-us-east-1}")
if [[ -n "${TF_STATE_KMS_KEY_ARN:-}" ]]; then
    init_args+=(-backend-config="kms_key_id=$TF_STATE_KMS_KEY_ARN")
fi
# the committed lock file decides the provider versions and their checksums; never change it here
if [[ -f .terraform.lock.hcl ]]; then
    init_args+=(-lockfile=readonly)
else
    echo "warning: no .terraform.lock.hcl in environments/$environment (terraform/scripts/lock-providers.sh makes them)" >&2
fi
terraform init "${init_args[@]}"

repository=$(terraform output -raw ecr_repository_name 2>/dev/null || true)
if [[ -z "$repository" ]]; then
    echo "first deployment of $environment: creating the ECR repository only"
    terraform apply -input=false -auto-approve -var="image_tag=$image_tag" -target=module.stack.module.ecr
    echo "push the image to $(terraform output -raw ecr_repository_url):$image_tag, then run this script again"
    exit 3
fi

if ! aws ecr describe-images --repository-name "$repository" --image-ids "imageTag=$image_tag" >/dev/null; then
    echo "image $repository:$image_tag not found in ECR" >&2
    exit 1
fi

# The line's proper nouns (stations, trains, the conductor) for Amazon Translate, as the image's bundle has them:
# the app names this terminology when it translates the offline storyteller (liminal.translate.terminology).
aws translate import-terminology --name liminal-line --merge-strategy OVERWRITE \
    --description "Liminal Transit: names Amazon Translate keeps as the line says them" \
    --terminology-data "Format=CSV,Directionality=MULTI,File=fileb://$repo_root/src/main/resources/i18n/terminology.csv" >/dev/null

terraform plan -input=false -out=tfplan -var="image_tag=$image_tag"
terraform apply -input=false tfplan
rm -f tfplan

# The apply can succeed while the old revision still runs: ECS's circuit breaker rolls a failing
# deployment back and the service is "stable" again. Check that the new revision is what runs.
compute=$(terraform output -raw compute)
image="$(terraform output -raw ecr_repository_url):$image_tag"
case "$compute" in
    ecs_fargate)
        cluster=$(terraform output -raw ecs_cluster_name)
        service=$(terraform output -raw ecs_service_name)
        expected=$(terraform output -raw task_definition_arn)
        # shellcheck disable=SC2016 # the backquotes are a JMESPath literal, not a shell expansion
        read -r running state < <(aws ecs describe-services --cluster "$cluster" --services "$service" \
            --query 'services[0].deployments[?status==`PRIMARY`] | [0].[taskDefinition, rolloutState]' --output text)
        if [[ "$running" != "$expected" || "$state" != "COMPLETED" ]]; then
            echo "ECS runs $running ($state), not $expected: the deployment of $image failed and was rolled back" >&2
            exit 1
        fi
        ;;
    app_runner)
        service_arn=$(terraform output -raw app_runner_service_arn)
        read -r status running < <(aws apprunner describe-service --service-arn "$service_arn" \
            --query 'Service.[Status, SourceConfiguration.ImageRepository.ImageIdentifier]' --output text)
        if [[ "$status" != "RUNNING" || "$running" != "$image" ]]; then
            echo "App Runner is $status with $running, not $image" >&2
            exit 1
        fi
        # App Runner creates its own log groups without a retention
        aws logs describe-log-groups --log-group-name-prefix "/aws/apprunner/liminal-$environment/" \
            --query 'logGroups[?retentionInDays==null].logGroupName' --output text | tr '\t' '\n' |
            while read -r group; do
                if [[ -n "$group" && "$group" != "None" ]]; then
                    aws logs put-retention-policy --log-group-name "$group" --retention-in-days 30
                fi
            done
        ;;
    *)
        echo "unknown compute $compute" >&2
        exit 1
        ;;
esac

# Content-hashed assets need no invalidation; this clears assets still served under their plain names
aws cloudfront create-invalidation --distribution-id "$(terraform output -raw cloudfront_distribution_id)" \
    --paths '/static/*' >/dev/null

echo "$environment runs $image at $(terraform output -raw url)"
