variable "aws_region" {
  description = "Region of the state bucket and its key."
  type        = string
  default     = "us-east-1"
}

variable "app_region" {
  description = "Region the environments run in (their aws_region); the deploy roles may act there and in us-east-1 (CloudFront's certificate, web ACL and metrics)."
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

variable "environments" {
  description = "Environments that get a permissions boundary and a deploy role trusted by the GitHub environment of the same name (dev's role serves a dev GitHub environment, if one is made)."
  type        = list(string)
  default     = ["dev", "staging", "production"]

  validation {
    condition     = alltrue([for e in var.environments : contains(["dev", "staging", "production"], e)])
    error_message = "environments may hold dev, staging and production."
  }
}

variable "promote_from" {
  description = "Environment => the environment whose ECR repository its deploy role may read (production promotes the image staging tested)."
  type        = map(string)
  default     = { production = "staging" }
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
