variable "name" {
  description = "Name prefix (e.g. liminal-staging)."
  type        = string
}

variable "model_ids" {
  description = "Bedrock model ids the application may invoke: foundation models (anthropic.claude-…, amazon.titan-…) or cross-region inference profiles (us.anthropic.claude-…)."
  type        = list(string)
}

variable "enable_invocation_logging" {
  description = "Configure Bedrock model invocation logging (one configuration per account and region: enable it in one environment per account)."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "Retention of the invocation log group and of the S3 log objects."
  type        = number
  default     = 30
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key of the invocation logs (S3 objects and log group): they hold players' text."
  type        = string
}

variable "log_bucket_force_destroy" {
  description = "Allow destroying the log bucket with objects in it (dev only)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
