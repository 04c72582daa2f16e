variable "name" {
  description = "Name of the web ACL (e.g. liminal-staging)."
  type        = string
}

variable "ride_post_limit" {
  description = "Requests one IP may send to POST /stories and POST /stories/*/choices per evaluation window before it is blocked (each one can cost an AI call)."
  type        = number
  default     = 100

  validation {
    condition     = var.ride_post_limit >= 10
    error_message = "WAF rate-based rules accept limits of 10 or more."
  }
}

variable "evaluation_window_sec" {
  description = "Window of the rate-based rule in seconds (60, 120, 300 or 600)."
  type        = number
  default     = 300

  validation {
    condition     = contains([60, 120, 300, 600], var.evaluation_window_sec)
    error_message = "evaluation_window_sec must be 60, 120, 300 or 600."
  }
}

variable "block_metrics_path" {
  description = "Block /metrics at the edge (the Prometheus text is for operators, not the internet)."
  type        = bool
  default     = true
}

variable "managed_rule_groups" {
  description = "AWS managed rule groups, evaluated in this order before the rate rule."
  type        = list(string)
  default     = ["AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"]
}

variable "log_retention_days" {
  description = "Retention of the web ACL's request log group."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
