variable "name" {
  description = "Name prefix of alarms, topics and the dashboard (e.g. liminal-staging)."
  type        = string
}

variable "alarm_emails" {
  description = "E-mail addresses subscribed to the alarm topics (each must confirm the subscription)."
  type        = list(string)
  default     = []
}

variable "cloudfront_distribution_id" {
  description = "Distribution whose error rate and origin latency are watched."
  type        = string
}

variable "public_hostname" {
  description = "Host name players use (custom domain or *.cloudfront.net); a Route 53 health check probes it for availability."
  type        = string
}

variable "health_check_path" {
  description = "Path the availability health check requests (readiness: database reachable)."
  type        = string
  default     = "/health/ready"
}

variable "compute" {
  description = "app_runner or ecs_express: which service metrics the dashboard shows."
  type        = string

  validation {
    condition     = contains(["app_runner", "ecs_express"], var.compute)
    error_message = "compute must be app_runner or ecs_express."
  }
}

variable "service_name" {
  description = "App Runner service name or ECS service name."
  type        = string
}

variable "app_runner_service_id" {
  description = "App Runner service id (dimension ServiceID); null on ECS Express."
  type        = string
  default     = null
}

variable "ecs_cluster_name" {
  description = "ECS cluster name (Container Insights dimension); null on App Runner."
  type        = string
  default     = null
}

variable "app_log_group_name" {
  description = "Log group of the application's stdout, where its EMF metric lines and SEVERE log lines arrive."
  type        = string
}

variable "app_metrics_namespace" {
  description = "CloudWatch namespace of the app's EMF metrics (AiCalls, AiFailures, StepLatency), set in the app as LIMINAL_METRICS_EMF_NAMESPACE."
  type        = string
}

variable "database_cluster_identifier" {
  description = "Aurora cluster identifier for the dashboard."
  type        = string
}

variable "web_acl_name" {
  description = "WAF web ACL name for the dashboard."
  type        = string
}

variable "error_rate_threshold_percent" {
  description = "Alarm when the share of 5xx answers at the edge exceeds this (percent)."
  type        = number
  default     = 1
}

variable "availability_threshold_percent" {
  description = "Alarm when the hourly share of healthy health-check probes falls below this (percent)."
  type        = number
  default     = 99.5
}

variable "latency_threshold_ms" {
  description = "Alarm when the p95 origin latency exceeds this (milliseconds)."
  type        = number
  default     = 3000
}

variable "ai_error_threshold_percent" {
  description = "Alarm when the share of failed AI provider calls exceeds this (percent)."
  type        = number
  default     = 5
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
