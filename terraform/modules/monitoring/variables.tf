variable "name" {
  description = "Name prefix of alarms, topics and the dashboard (e.g. liminal-staging)."
  type        = string
}

variable "alarm_emails" {
  description = "E-mail addresses subscribed to the alarm topics and the AI budget (each must confirm the subscription)."
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
  description = "Path the availability health check requests (readiness checks the database; liveness lets a paused dev database stay paused)."
  type        = string
  default     = "/health/ready"
}

variable "compute" {
  description = "app_runner or ecs_fargate: which service metrics the dashboard and the task-count alarm read."
  type        = string

  validation {
    condition     = contains(["app_runner", "ecs_fargate"], var.compute)
    error_message = "compute must be app_runner or ecs_fargate."
  }
}

variable "service_name" {
  description = "App Runner service name or ECS service name."
  type        = string
}

variable "app_runner_service_id" {
  description = "App Runner service id (dimension ServiceID); null on ECS."
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
  description = "CloudWatch namespace of the app's EMF metrics (AiCalls, AiFailures, StepLatency, AiCostUsd, SafetyChecks, SafetyBlocks, SafetyFailClosed, SafetyUnavailable), set in the app as LIMINAL_METRICS_EMF_NAMESPACE."
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

variable "step_deadline_ms" {
  description = "The app's step deadline in milliseconds (after it, offline writes the stop); only named in the alarm's description."
  type        = number
  default     = 20000
}

variable "step_latency_threshold_ms" {
  description = "Alarm when the p95 of StepLatency (the time to write a stop) exceeds this (milliseconds); below step_deadline_ms."
  type        = number
  default     = 15000
}

variable "min_tasks" {
  description = "Alarm when fewer tasks (App Runner instances) than this run for 5 minutes (the service's minimum)."
  type        = number
  default     = 1
}

variable "database_acu_threshold_percent" {
  description = "Alarm when Aurora's ACUUtilization (percent of its maximum capacity) stays above this for 15 minutes."
  type        = number
  default     = 90
}

variable "ai_daily_budget_usd" {
  description = "The app's daily AI budget (liminal.ai.daily-budget-usd), the base of the burn-rate alarm."
  type        = number
}

variable "ai_budget_hourly_fraction" {
  description = "Alarm when one hour's AI cost (EMF AiCostUsd) exceeds this fraction of the daily budget."
  type        = number
  default     = 0.25
}

variable "ai_monthly_budget_usd" {
  description = "AWS Budgets limit of the account's monthly Bedrock cost, e-mailed at 80 % (actual) and 100 % (forecast); null for no budget (set it in one environment only: the bill is account-wide)."
  type        = number
  default     = null
}

variable "ai_error_threshold_percent" {
  description = "Alarm when the share of failed AI provider calls exceeds this (percent)."
  type        = number
  default     = 5
}

variable "safety_block_rate_threshold_percent" {
  description = "Alarm when the share of model answers the safety check refuses (EMF SafetyBlocks / SafetyChecks) exceeds this (percent)."
  type        = number
  default     = 10
}

variable "safety_unavailable_threshold" {
  description = "Alarm when more checks than this in 5 minutes, three periods running, find a safety classifier unavailable (EMF SafetyUnavailable)."
  type        = number
  default     = 10
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
