variable "zone_name" {
  description = "Existing public Route 53 hosted zone (e.g. liminal-transit.com)."
  type        = string
}

variable "domain_name" {
  description = "Domain players use (e.g. staging.liminal-transit.com); must be inside zone_name."
  type        = string
}

variable "subject_alternative_names" {
  description = "Further names on the certificate and aliased to the distribution (e.g. www.liminal-transit.com)."
  type        = list(string)
  default     = []
}

variable "create_alias_records" {
  description = "Create A/AAAA alias records of every name to the distribution (a plan-time known switch; the target may be unknown until apply)."
  type        = bool
  default     = true
}

variable "cloudfront_domain_name" {
  description = "*.cloudfront.net name the alias records point to."
  type        = string
  default     = null
}

variable "cloudfront_hosted_zone_id" {
  description = "Route 53 zone id of CloudFront (the distribution's hosted_zone_id)."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
