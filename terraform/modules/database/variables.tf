variable "name" {
  description = "Cluster identifier and name prefix (e.g. liminal-staging)."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the DB subnet group (at least two availability zones)."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the cluster (the networking module's database group)."
  type        = list(string)
}

variable "engine_version" {
  description = "Aurora PostgreSQL engine version."
  type        = string
  default     = "16.6"
}

variable "database_name" {
  description = "Name of the application database."
  type        = string
  default     = "liminal"
}

variable "master_username" {
  description = "Master user name (operators and the creation of app_username only); its password is generated and rotated by RDS in Secrets Manager."
  type        = string
  default     = "liminal"
}

variable "app_username" {
  description = "The application's own PostgreSQL user: IAM authentication (rds_iam), owner of the schema Flyway migrates, nothing more."
  type        = string
  default     = "liminal_app"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.app_username))
    error_message = "app_username must be a lower-case PostgreSQL identifier."
  }
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key for the cluster's storage, its master secret and its log group (players' text is stored here)."
  type        = string
}

variable "log_retention_days" {
  description = "Retention of the exported PostgreSQL log."
  type        = number
  default     = 30
}

variable "min_capacity" {
  description = "Minimum Aurora capacity units (0 lets the cluster pause when idle, with a cold start of some seconds)."
  type        = number
  default     = 0.5
}

variable "max_capacity" {
  description = "Maximum Aurora capacity units."
  type        = number
  default     = 4
}

variable "seconds_until_auto_pause" {
  description = "Idle seconds before an Aurora cluster with min_capacity 0 pauses; null when min_capacity > 0."
  type        = number
  default     = null
}

variable "instance_count" {
  description = "Number of serverless v2 instances (1 writer + readers; 2 or more for a Multi-AZ writer failover)."
  type        = number
  default     = 1
}

variable "backup_retention_days" {
  description = "Days of automated backups (point-in-time recovery window)."
  type        = number
  default     = 7
}

variable "preferred_backup_window" {
  description = "Daily UTC window for automated backups."
  type        = string
  default     = "02:00-03:00"
}

variable "deletion_protection" {
  description = "Protect the cluster from deletion and take a final snapshot on destroy (true outside dev)."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
