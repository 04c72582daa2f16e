variable "name" {
  description = "Name prefix (e.g. liminal-staging)."
  type        = string
}

variable "cross_region_profile_id" {
  description = "System-defined guardrail profile for cross-Region inference (e.g. us.guardrail.v1:0, eu.guardrail.v1:0). With it the guardrail uses the Standard tier (about 60 languages, German and Japanese among them); without it the Classic tier (English, French, Spanish)."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
