#!/usr/bin/env bash
# Validates the deploy side: the offline checks (always) and, where the tools are installed,
# terraform fmt/validate and tflint (CI's ci.yml runs all of them).
#   terraform/scripts/validate.sh
set -euo pipefail

terraform_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
status=0

echo "== offline checks (HCL parse, references, unused declarations, AWS provider schema; workflows)"
if [[ ! -d "$terraform_dir/test/node_modules" ]]; then
    npm ci --prefix "$terraform_dir/test" --no-audit --no-fund
fi
node "$terraform_dir/test/check-terraform.mjs" || status=1
node "$terraform_dir/test/check-workflows.mjs" || status=1

if command -v terraform >/dev/null 2>&1; then
    echo "== terraform fmt -check"
    terraform -chdir="$terraform_dir" fmt -check -recursive -diff || status=1
    for root in "$terraform_dir"/environments/*/ "$terraform_dir"/bootstrap/; do
        echo "== terraform validate ${root#"$terraform_dir"/}"
        if ! { terraform -chdir="$root" init -backend=false -input=false >/dev/null && terraform -chdir="$root" validate; }; then
            status=1
        fi
    done
else
    echo "terraform not installed: fmt and validate skipped (ci.yml runs them)"
fi

if command -v tflint >/dev/null 2>&1; then
    tflint --init --config "$terraform_dir/.tflint.hcl"
    for dir in "$terraform_dir"/modules/*/ "$terraform_dir"/environments/*/ "$terraform_dir"/bootstrap/; do
        echo "== tflint ${dir#"$terraform_dir"/}"
        tflint --chdir="$dir" --config "$terraform_dir/.tflint.hcl" || status=1
    done
else
    echo "tflint not installed: skipped (ci.yml runs it)"
fi

exit "$status"
