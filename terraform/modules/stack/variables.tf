variable "environment" {
  description = "Environment name: dev, staging or production."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "production"], var.environment)
    error_message = "environment must be dev, staging or production."
  }
}

variable "compute" {
  description = "Where the container runs: app_runner (accounts that already use App Runner; closed to new customers since 2026-04-30) or ecs_express (ECS Express Mode, any account)."
  type        = string
  default     = "ecs_express"

  validation {
    condition     = contains(["app_runner", "ecs_express"], var.compute)
    error_message = "compute must be app_runner or ecs_express."
  }
}

variable "image_tag" {
  description = "Tag of the image in this environment's ECR repository to run (the git sha deploy.yml pushed)."
  type        = string
}

variable "zone_name" {
  description = "Existing Route 53 public hosted zone; null together with domain_name serves on *.cloudfront.net only."
  type        = string
  default     = null
}

variable "domain_name" {
  description = "Domain players use (e.g. staging.liminal-transit.com); null serves on *.cloudfront.net only."
  type        = string
  default     = null
}

variable "subject_alternative_names" {
  description = "Further domain names of the site (e.g. www.liminal-transit.com)."
  type        = list(string)
  default     = []
}

variable "vpc_cidr" {
  description = "IPv4 CIDR block of the VPC."
  type        = string
  default     = "10.40.0.0/16"
}

variable "az_count" {
  description = "Availability zones used by subnets and the database."
  type        = number
  default     = 2
}

variable "single_nat_gateway" {
  description = "One shared NAT gateway (cheaper) instead of one per availability zone."
  type        = bool
  default     = true
}

variable "cpu" {
  description = "CPU units per instance/task (1024 = 1 vCPU)."
  type        = string
  default     = "1024"
}

variable "memory" {
  description = "Memory per instance/task in MiB."
  type        = string
  default     = "2048"
}

variable "min_instances" {
  description = "Minimum instances/tasks."
  type        = number
  default     = 1
}

variable "max_instances" {
  description = "Maximum instances/tasks."
  type        = number
  default     = 4
}

variable "max_concurrency" {
  description = "App Runner: concurrent requests per instance before scaling out."
  type        = number
  default     = 50
}

variable "db_min_capacity" {
  description = "Aurora Serverless v2 minimum ACUs (0 = pause when idle)."
  type        = number
  default     = 0.5
}

variable "db_max_capacity" {
  description = "Aurora Serverless v2 maximum ACUs."
  type        = number
  default     = 4
}

variable "db_seconds_until_auto_pause" {
  description = "Idle seconds before the cluster pauses (only with db_min_capacity 0)."
  type        = number
  default     = null
}

variable "db_instance_count" {
  description = "Aurora instances (2+ for a standby writer in another zone)."
  type        = number
  default     = 1
}

variable "db_backup_retention_days" {
  description = "Days of automated database backups."
  type        = number
  default     = 7
}

variable "deletion_protection" {
  description = "Deletion protection and final snapshot for the database, no force-delete of ECR and log buckets (false only in dev)."
  type        = bool
  default     = true
}

variable "ai_chain" {
  description = "liminal.ai.chain: ordered providers, ending with offline (e.g. bedrock,offline)."
  type        = string
  default     = "bedrock,offline"

  validation {
    condition     = endswith(var.ai_chain, "offline")
    error_message = "The chain must end with offline, so that a ride never dead-ends."
  }
}

variable "bedrock_model_id" {
  description = "liminal.ai.bedrock.model-id: the model the bedrock provider calls."
  type        = string
}

variable "bedrock_extra_model_ids" {
  description = "Further Bedrock model ids the app may invoke (e.g. for the admin's provider comparison)."
  type        = list(string)
  default     = []
}

variable "enable_bedrock_invocation_logging" {
  description = "Configure Bedrock invocation logging in this region (one configuration per account and region)."
  type        = bool
  default     = true
}

variable "provider_api_keys" {
  description = "Providers whose API key is kept in Secrets Manager (anthropic, openai)."
  type        = set(string)
  default     = []
}

variable "sagemaker_endpoint_name" {
  description = "liminal.ai.sagemaker.endpoint-name; null when SageMaker is not used."
  type        = string
  default     = null
}

variable "admin_users" {
  description = "liminal.admin.users: writers' user names; their bcrypt hashes go into Secrets Manager."
  type        = list(string)
  default     = []
}

variable "extra_environment" {
  description = "Further plain configuration for the app (MicroProfile Config environment form, e.g. LIMINAL_AI_OPENAI_MODEL)."
  type        = map(string)
  default     = {}
}

variable "ride_post_limit" {
  description = "WAF: ride and choice POSTs per IP per 5 minutes."
  type        = number
  default     = 100
}

variable "origin_secret" {
  description = "Shared secret between CloudFront and the app (at least 32 characters); from CI as TF_VAR_origin_secret, never in tfvars."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.origin_secret) >= 32
    error_message = "The origin secret must be at least 32 characters long."
  }
}

variable "alarm_emails" {
  description = "E-mail addresses that receive the alarms."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  description = "Retention of application and Bedrock logs."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags applied to every resource (Project, Environment and ManagedBy are added)."
  type        = map(string)
  default     = {}
}
