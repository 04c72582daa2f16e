variable "name" {
  description = "Service name (e.g. liminal-staging)."
  type        = string
}

variable "image_uri" {
  description = "Container image to run, ECR repository URL with the git sha as tag."
  type        = string
}

variable "ecr_repository_arn" {
  description = "ARN of the ECR repository of image_uri (pull permission)."
  type        = string
}

variable "port" {
  description = "Port the application listens on (server.port)."
  type        = number
  default     = 8080
}

variable "cpu" {
  description = "vCPU of one instance/task, in CPU units (1024 = 1 vCPU)."
  type        = string
  default     = "1024"
}

variable "memory" {
  description = "Memory of one instance/task in MiB; the JVM takes MaxRAMPercentage of it."
  type        = string
  default     = "2048"
}

variable "environment" {
  description = "Plain environment variables (non-secret configuration such as LIMINAL_DB_URL, LIMINAL_AI_CHAIN)."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Environment variable name => Secrets Manager secret ARN (optionally with a JSON key suffix ARN:key::)."
  type        = map(string)
  default     = {}
}

variable "secret_arns" {
  description = "ARNs of the secrets the service may read (without JSON key suffixes)."
  type        = list(string)
  default     = []
}

variable "bedrock_model_arns" {
  description = "Foundation model and inference profile ARNs the service may invoke; nothing else."
  type        = list(string)
  default     = []
}

variable "sagemaker_endpoint_arns" {
  description = "SageMaker endpoint ARNs the service may invoke (liminal.ai.sagemaker.endpoint-name)."
  type        = list(string)
  default     = []
}

variable "subnet_ids" {
  description = "Subnets for the service's network interfaces (private subnets with NAT)."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the service (the one the database admits)."
  type        = list(string)
}

variable "health_check_path" {
  description = "HTTP path of the health check."
  type        = string
  default     = "/health/live"
}

variable "min_instances" {
  description = "Minimum number of instances/tasks."
  type        = number
  default     = 1
}

variable "max_instances" {
  description = "Maximum number of instances/tasks."
  type        = number
  default     = 4
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}

variable "auto_scaling_metric" {
  description = "ECS Express scaling metric: AVERAGE_CPU, AVERAGE_MEMORY or REQUEST_COUNT_PER_TARGET."
  type        = string
  default     = "REQUEST_COUNT_PER_TARGET"

  validation {
    condition     = contains(["AVERAGE_CPU", "AVERAGE_MEMORY", "REQUEST_COUNT_PER_TARGET"], var.auto_scaling_metric)
    error_message = "auto_scaling_metric must be AVERAGE_CPU, AVERAGE_MEMORY or REQUEST_COUNT_PER_TARGET."
  }
}

variable "auto_scaling_target_value" {
  description = "Target value of auto_scaling_metric (requests per target per minute, or percent)."
  type        = number
  default     = 600
}

variable "log_retention_days" {
  description = "Retention of the application log group."
  type        = number
  default     = 30
}
