variable "aws_region" {
  description = "Region of the state bucket."
  type        = string
  default     = "us-east-1"
}

variable "state_bucket_name" {
  description = "Globally unique name of the S3 bucket for the environments' Terraform state (e.g. liminal-transit-tfstate-ACCOUNT)."
  type        = string
}

variable "github_repository" {
  description = "GitHub repository (OWNER/NAME) whose workflows may assume the roles."
  type        = string
}

variable "create_github_oidc_provider" {
  description = "Create the account's GitHub OIDC identity provider (false if the account already has one)."
  type        = bool
  default     = true
}

variable "deploy_policy_arns" {
  description = "Managed policies of the deploy role; it creates VPCs, IAM roles, databases and CloudFront, so it is broad, and only the repository's staging/production environments can assume it."
  type        = list(string)
  default     = ["arn:aws:iam::aws:policy/AdministratorAccess"]
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
