variable "name" {
  description = "Name prefix of the policies, the VPC origin and comment of the distribution (e.g. liminal-staging)."
  type        = string
}

variable "origin_domain_name" {
  description = "Host name of the application origin: the load balancer's name (or origin.DOMAIN with its certificate) for a VPC origin, the App Runner service URL otherwise."
  type        = string
}

variable "vpc_origin_lb_arn" {
  description = "ARN of the internal load balancer to reach as a CloudFront VPC origin (ECS); null for a public custom origin (App Runner)."
  type        = string
  default     = null
}

variable "origin_protocol_policy" {
  description = "Protocol of the VPC origin: https-only when the load balancer has a certificate for origin_domain_name, http-only otherwise."
  type        = string
  default     = "https-only"

  validation {
    condition     = contains(["https-only", "http-only"], var.origin_protocol_policy)
    error_message = "origin_protocol_policy must be https-only or http-only."
  }
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
  description = "Shared secret sent to the origin as X-Liminal-Proxy-Secret: the load balancer (or App Runner's web ACL) and the app refuse requests without it."
  type        = string
  sensitive   = true
}

variable "origin_read_timeout" {
  description = "Seconds CloudFront waits for the origin's first bytes and between two packets of a response (the app answers a story step within 20 s; a stop's event stream sends an SSE comment after liminal.stream.keep-alive, 15 s, without an event). CloudFront's default is 30 s; above 60 s needs a quota increase."
  type        = number
  default     = 30

  validation {
    condition     = var.origin_read_timeout >= 21 && var.origin_read_timeout <= 60
    error_message = "origin_read_timeout must exceed the app's 20 s budget and stay within CloudFront's 60 s limit."
  }
}

variable "origin_keepalive_timeout" {
  description = "Seconds CloudFront keeps an idle connection to the origin open for the next request (CloudFront's default is 5 s, at most 60 s without a quota increase); below the load balancer's idle timeout, so that CloudFront closes an idle connection before the origin does."
  type        = number
  default     = 30

  validation {
    condition     = var.origin_keepalive_timeout >= 1 && var.origin_keepalive_timeout <= 60
    error_message = "origin_keepalive_timeout must be 1 to 60 seconds (CloudFront's limit without a quota increase)."
  }
}

variable "static_path_patterns" {
  description = "Paths of content-hashed or versioned assets, cached at the edge as long as the origin's Cache-Control allows."
  type        = list(string)
  default     = ["/static/*", "/webjars/*"]
}

variable "stream_path_pattern" {
  description = "Path of the server-sent event stream of a stop being written (passed through uncompressed, uncached and never collapsed with another viewer's request)."
  type        = string
  default     = "/stories/*/stops/*/stream"
}

variable "static_default_ttl_seconds" {
  description = "Edge TTL of a static asset whose response has no Cache-Control (short: an unhashed name must not be pinned for a year)."
  type        = number
  default     = 300
}

variable "static_max_ttl_seconds" {
  description = "Longest edge TTL of a static asset (a content-hashed asset says max-age=31536000, immutable)."
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

variable "access_log_fields" {
  description = "Fields of the access log records (standard logging v2); no cookie or query-string fields."
  type        = list(string)
  default = [
    "date", "time", "x-edge-location", "c-ip", "cs-method", "cs-uri-stem", "sc-status", "sc-bytes",
    "time-taken", "time-to-first-byte", "x-edge-result-type", "x-edge-detailed-result-type",
    "x-edge-request-id", "cs-protocol-version", "cs(User-Agent)", "sc-content-type",
  ]
}

variable "log_retention_days" {
  description = "Retention of the access log group."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
