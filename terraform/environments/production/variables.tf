variable "aws_region" {
  description = "Region of the app, database and Bedrock calls."
  type        = string
}

variable "compute" {
  description = "ecs_fargate (ECS on Fargate behind an internal load balancer, any account) or app_runner (accounts that already have App Runner)."
  type        = string
}

variable "image_tag" {
  description = "Image tag (git sha) to run; set by scripts/deploy.sh and rollback.sh with -var."
  type        = string
}

variable "zone_name" {
  description = "Route 53 hosted zone of the domain; null for *.cloudfront.net only."
  type        = string
  default     = null
}

variable "domain_name" {
  description = "Domain of this environment; null for *.cloudfront.net only."
  type        = string
  default     = null
}

variable "subject_alternative_names" {
  description = "Further domain names of this environment."
  type        = list(string)
  default     = []
}

variable "vpc_cidr" {
  description = "IPv4 CIDR block of the VPC."
  type        = string
}

variable "single_nat_gateway" {
  description = "One shared NAT gateway instead of one per availability zone."
  type        = bool
}

variable "cpu" {
  description = "CPU units per instance/task (1024 = 1 vCPU)."
  type        = string
}

variable "memory" {
  description = "Memory per instance/task in MiB."
  type        = string
}

variable "min_instances" {
  description = "Minimum instances/tasks."
  type        = number
}

variable "max_instances" {
  description = "Maximum instances/tasks."
  type        = number
}

variable "db_min_capacity" {
  description = "Aurora Serverless v2 minimum ACUs (0 pauses when idle)."
  type        = number
}

variable "db_max_capacity" {
  description = "Aurora Serverless v2 maximum ACUs."
  type        = number
}

variable "db_seconds_until_auto_pause" {
  description = "Idle seconds before the database pauses (only with db_min_capacity 0)."
  type        = number
  default     = null
}

variable "db_instance_count" {
  description = "Aurora instances (2+ for a standby writer)."
  type        = number
}

variable "db_backup_retention_days" {
  description = "Days of automated database backups."
  type        = number
}

variable "deletion_protection" {
  description = "Deletion protection of the database and retained repositories/buckets."
  type        = bool
}

variable "ai_chain" {
  description = "liminal.ai.chain, ending with offline."
  type        = string
}

variable "bedrock_model_id" {
  description = "Bedrock model (or inference profile) the bedrock provider calls."
  type        = string
}

variable "bedrock_extra_model_ids" {
  description = "Further Bedrock models the app may invoke."
  type        = list(string)
  default     = []
}

variable "enable_bedrock_invocation_logging" {
  description = "Own the account/region-wide Bedrock invocation logging configuration."
  type        = bool
}

variable "provider_api_keys" {
  description = "Providers whose API keys are kept in Secrets Manager (anthropic, openai)."
  type        = set(string)
  default     = []
}

variable "admin_users" {
  description = "Writers' admin user names."
  type        = list(string)
  default     = []
}

variable "stream_enabled" {
  description = "liminal.stream.enabled (stops shown sentence by sentence); null: on with ecs_fargate, off with app_runner. false if a hop buffers the stream (terraform/README.md)."
  type        = bool
  default     = null
}

variable "ride_post_limit" {
  description = "WAF: ride and choice POSTs per IP per 5 minutes."
  type        = number
}

variable "alarm_emails" {
  description = "Recipients of the alarms; outside dev from CI as TF_VAR_alarm_emails (GitHub variable ALARM_EMAILS, a JSON list), required."
  type        = list(string)
  default     = []
}

variable "ai_daily_budget_usd" {
  description = "liminal.ai.daily-budget-usd, and the base of the AI budget alarm."
  type        = number
  default     = 10
}

variable "ai_monthly_budget_usd" {
  description = "Account-wide AWS Budgets limit of the monthly Bedrock cost; null for none (set in one environment only)."
  type        = number
  default     = null
}

variable "tags" {
  description = "Extra tags for every resource."
  type        = map(string)
  default     = {}
}

variable "origin_secret" {
  description = "Shared secret CloudFront sends to the origin (32 to 128 base64 characters): TF_VAR_origin_secret from the environment's GitHub secret ORIGIN_SECRET, never in tfvars."
  type        = string
  sensitive   = true
}

variable "origin_secret_previous" {
  description = "The other secret still accepted during a rotation: TF_VAR_origin_secret_previous from the GitHub secret ORIGIN_SECRET_PREVIOUS; empty outside a rotation."
  type        = string
  default     = null
  sensitive   = true
}

variable "smoke_token" {
  description = "Marker of the deploy smoke test's rides: TF_VAR_smoke_token from the GitHub secret SMOKE_TOKEN (at least 32 characters)."
  type        = string
  default     = null
  sensitive   = true
}
