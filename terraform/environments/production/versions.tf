terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.23, < 7.0"
    }
  }

  # Partial configuration: bucket and region come from `terraform init -backend-config=…`
  # (scripts/deploy.sh passes TF_STATE_BUCKET and TF_STATE_REGION; see terraform/README.md).
  backend "s3" {
    key          = "liminal-transit/production/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}
