variable "name" {
  description = "Name prefix of the secrets (e.g. liminal-staging); secrets are named NAME/…"
  type        = string
}

variable "provider_api_keys" {
  description = "AI providers that need an API key in Secrets Manager (anthropic, openai); Bedrock and SageMaker use the IAM role instead."
  type        = set(string)
  default     = []

  validation {
    condition     = alltrue([for p in var.provider_api_keys : contains(["anthropic", "openai"], p)])
    error_message = "provider_api_keys may hold anthropic and openai."
  }
}

variable "admin_users" {
  description = "Writers' admin user names (liminal.admin.users); each gets a secret for its bcrypt password hash."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for u in var.admin_users : can(regex("^[a-z][a-z0-9]*$", u))])
    error_message = "Admin user names are lower-case letters and digits (they become part of an environment variable name)."
  }
}

variable "proxy_secret" {
  description = "Shared secret that CloudFront sends to the origin (X-Liminal-Proxy-Secret); the app believes forwarded headers only with it."
  type        = string
  sensitive   = true
}

variable "proxy_secret_previous" {
  description = "A second proxy secret the app (and the load balancer) also accept, for rotations; null or empty when not rotating (then it equals proxy_secret)."
  type        = string
  default     = null
  sensitive   = true
}

variable "smoke_token" {
  description = "Marker the deploy smoke test sends in X-Liminal-Smoke (LIMINAL_SMOKE_TOKEN, at least 32 characters); null leaves the placeholder, which the app ignores."
  type        = string
  default     = null
  sensitive   = true
}

variable "recovery_window_days" {
  description = "Days a deleted secret can still be restored (0 deletes at once, dev only)."
  type        = number
  default     = 7
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
