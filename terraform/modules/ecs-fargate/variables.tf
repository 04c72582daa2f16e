variable "name" {
  description = "Name of the cluster, service, load balancer and prefix of the roles (e.g. liminal-staging)."
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
  description = "vCPU of one task, in CPU units (1024 = 1 vCPU)."
  type        = string
  default     = "1024"
}

variable "memory" {
  description = "Memory of one task in MiB; the JVM takes MaxRAMPercentage of it."
  type        = string
  default     = "2048"
}

variable "environment" {
  description = "Plain environment variables (non-secret configuration such as LIMINAL_DB_URL, LIMINAL_AI_CHAIN)."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Environment variable name => Secrets Manager secret ARN, resolved by ECS when a task starts."
  type        = map(string)
  default     = {}
}

variable "secret_arns" {
  description = "ARNs of the secrets the tasks may read."
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
  description = "rds-db:connect resources (the app's database user) the task role may sign in as with IAM tokens."
  type        = list(string)
  default     = []
}

variable "vpc_id" {
  description = "VPC of the load balancer's target group."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets (NAT egress) of the tasks and the internal load balancer, in at least two zones."
  type        = list(string)
}

variable "app_security_group_ids" {
  description = "Security groups of the tasks (the database admits them; they admit the load balancer only)."
  type        = list(string)
}

variable "lb_security_group_ids" {
  description = "Security groups of the internal load balancer (CloudFront's origin-facing prefix list on the listener port)."
  type        = list(string)
}

variable "health_check_path" {
  description = "Path of the load balancer's health check (liveness: it must not need the database, so that a paused Aurora can stay paused)."
  type        = string
  default     = "/health/live"
}

variable "min_instances" {
  description = "Minimum number of tasks."
  type        = number
  default     = 1
}

variable "max_instances" {
  description = "Maximum number of tasks."
  type        = number
  default     = 4
}

variable "requests_per_task_per_minute" {
  description = "Target of the request-count scaling policy (ALBRequestCountPerTarget, per minute)."
  type        = number
  default     = 600
}

variable "cpu_target_percent" {
  description = "Target average CPU of the tasks for the CPU scaling policy."
  type        = number
  default     = 60
}

variable "origin_secret" {
  description = "The secret CloudFront sends in X-Liminal-Proxy-Secret; the listener forwards only requests carrying it (or origin_secret_previous)."
  type        = string
  sensitive   = true
}

variable "origin_secret_previous" {
  description = "Second accepted secret during a rotation; null or equal to origin_secret otherwise."
  type        = string
  default     = null
  sensitive   = true
}

variable "origin_domain_name" {
  description = "Host name CloudFront uses for the origin (e.g. origin.staging.liminal-transit.com): the listener gets an ACM certificate for it and HTTPS; null (no domain) means an HTTP listener."
  type        = string
  default     = null
}

variable "zone_id" {
  description = "Route 53 zone of origin_domain_name (certificate validation and the alias record); null without a domain."
  type        = string
  default     = null
}

variable "lb_idle_timeout" {
  description = "Seconds a connection through the load balancer may stay silent before the load balancer closes it (ELB's default is 60 s): above the SSE keep-alive of a streamed stop (15 s), the 20 s step deadline and CloudFront's origin keep-alive. The app's own idle timeout (LIMINAL_WEB_IDLE_TIMEOUT) is set 15 s above it."
  type        = number
  default     = 60

  validation {
    condition     = var.lb_idle_timeout >= 1 && var.lb_idle_timeout <= 4000
    error_message = "lb_idle_timeout must be 1 to 4000 seconds (the load balancer's range)."
  }
}

variable "deletion_protection" {
  description = "Deletion protection of the load balancer."
  type        = bool
  default     = true
}

variable "log_bucket_force_destroy" {
  description = "Allow destroying the access-log bucket with objects in it (dev only)."
  type        = bool
  default     = false
}

variable "log_retention_days" {
  description = "Retention of the application log group and of the load balancer's access logs."
  type        = number
  default     = 30
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary set on every role created here (the deploy role may only create roles with it); null for none."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
