variable "name" {
  description = "Name prefix for every resource (e.g. liminal-staging)."
  type        = string
}

variable "cidr_block" {
  description = "IPv4 CIDR block of the VPC."
  type        = string
  default     = "10.40.0.0/16"
}

variable "az_count" {
  description = "Number of availability zones to spread the public and private subnets over (Aurora needs at least 2)."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 4
    error_message = "az_count must be between 2 and 4."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all private subnets (cheaper, for dev/staging) instead of one per availability zone."
  type        = bool
  default     = true
}

variable "app_port" {
  description = "TCP port the application listens on (the load balancer's security group reaches the tasks on it, nothing else does)."
  type        = number
  default     = 8080
}

variable "lb_port" {
  description = "Port of the internal load balancer's listener that CloudFront's VPC origin connects to (443 with a certificate, 80 without)."
  type        = number
  default     = 443

  validation {
    condition     = contains([80, 443], var.lb_port)
    error_message = "lb_port must be 80 or 443."
  }
}

variable "database_port" {
  description = "TCP port of the PostgreSQL database."
  type        = number
  default     = 5432
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
