variable "name" {
  description = "Name prefix of the key's alias (alias/NAME-data), e.g. liminal-staging."
  type        = string
}

variable "deletion_window_days" {
  description = "Days a scheduled key deletion can still be cancelled (7 to 30)."
  type        = number
  default     = 30

  validation {
    condition     = var.deletion_window_days >= 7 && var.deletion_window_days <= 30
    error_message = "deletion_window_days must be between 7 and 30."
  }
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
