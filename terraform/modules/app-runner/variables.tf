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
  description = "Environment variable name => Secrets Manager secret ARN (whole secrets: App Runner documents no JSON-key form)."
  type        = map(string)
  default     = {}
}

variable "secret_arns" {
  description = "ARNs of the secrets the service may read."
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

variable "guardrail_arns" {
  description = "Bedrock guardrail ARNs (and their cross-Region profile ARNs) the service may apply (liminal.safety.guardrail.id); nothing else."
  type        = list(string)
  default     = []
}

variable "translate_text" {
  description = "Allow translate:TranslateText (the offline storyteller's English for rides in other languages)."
  type        = bool
  default     = false
}

variable "comprehend_toxicity" {
  description = "Allow comprehend:DetectToxicContent (liminal.safety.checks names comprehend)."
  type        = bool
  default     = false
}

variable "db_connect_arns" {
  description = "rds-db:connect resources (the app's database user) the instance role may sign in as with IAM tokens."
  type        = list(string)
  default     = []
}

variable "origin_secret" {
  description = "The secret CloudFront sends in X-Liminal-Proxy-Secret; the service's web ACL blocks requests without it (or origin_secret_previous)."
  type        = string
  sensitive   = true
}

variable "origin_secret_previous" {
  description = "Second accepted secret during a rotation; null or equal to origin_secret otherwise."
  type        = string
  default     = null
  sensitive   = true
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary set on every role created here (the deploy role may only create roles with it); null for none."
  type        = string
  default     = null
}

variable "subnet_ids" {
  description = "Subnets of the VPC connector (private subnets with NAT egress)."
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

variable "max_concurrency" {
  description = "Concurrent requests per instance before App Runner adds an instance (a story step may wait up to 20 s on a model)."
  type        = number
  default     = 50
}
