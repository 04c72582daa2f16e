variable "name" {
  description = "Name prefix of the policies and comment of the distribution (e.g. liminal-staging)."
  type        = string
}

variable "origin_domain_name" {
  description = "Host name of the application origin (App Runner service URL or ECS Express endpoint); reached over HTTPS only."
  type        = string
}

variable "aliases" {
  description = "Alternate domain names of the distribution (empty: only the *.cloudfront.net name)."
  type        = list(string)
  default     = []
}

variable "acm_certificate_arn" {
  description = "ACM certificate in us-east-1 covering aliases; null uses the CloudFront default certificate."
  type        = string
  default     = null
}

variable "web_acl_arn" {
  description = "ARN of the WAFv2 web ACL (scope CLOUDFRONT) to attach; null for none."
  type        = string
  default     = null
}

variable "origin_secret" {
  description = "Shared secret sent to the origin as X-Liminal-Proxy-Secret, so the app believes only CloudFront's forwarded headers."
  type        = string
  sensitive   = true
}

variable "origin_read_timeout" {
  description = "Seconds CloudFront waits for the origin's response (the app answers a story step within 20 s; CloudFront's default is 30 s, above 60 s needs a quota increase)."
  type        = number
  default     = 30

  validation {
    condition     = var.origin_read_timeout >= 21 && var.origin_read_timeout <= 60
    error_message = "origin_read_timeout must exceed the app's 20 s budget and stay within CloudFront's 60 s limit."
  }
}

variable "origin_keepalive_timeout" {
  description = "Seconds CloudFront keeps an idle connection to the origin open."
  type        = number
  default     = 30
}

variable "static_path_patterns" {
  description = "Paths of fingerprinted/versioned assets that are cached long at the edge."
  type        = list(string)
  default     = ["/static/*", "/webjars/*"]
}

variable "static_ttl_seconds" {
  description = "Default and maximum edge TTL of static assets (the origin's Cache-Control wins within min/max)."
  type        = number
  default     = 31536000
}

variable "hsts_max_age_seconds" {
  description = "max-age of Strict-Transport-Security."
  type        = number
  default     = 63072000
}

variable "price_class" {
  description = "CloudFront price class."
  type        = string
  default     = "PriceClass_100"
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
