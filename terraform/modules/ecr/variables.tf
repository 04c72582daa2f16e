variable "name" {
  description = "Name of the ECR repository (e.g. liminal-transit-staging)."
  type        = string
}

variable "image_tag_mutability" {
  description = "IMMUTABLE (default): a tag (the git sha) always names the same image, so a rollback to a tag is exact."
  type        = string
  default     = "IMMUTABLE"

  validation {
    condition     = contains(["IMMUTABLE", "MUTABLE"], var.image_tag_mutability)
    error_message = "image_tag_mutability must be IMMUTABLE or MUTABLE."
  }
}

variable "keep_tagged_images" {
  description = "How many tagged images to keep (older ones expire); rollback can go back this far."
  type        = number
  default     = 30
}

variable "untagged_expiry_days" {
  description = "Days after which untagged images (build leftovers) expire."
  type        = number
  default     = 7
}

variable "force_delete" {
  description = "Delete the repository even if it holds images (dev only)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
