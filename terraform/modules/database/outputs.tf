output "cluster_identifier" {
  description = "Identifier of the Aurora cluster (CloudWatch dimension DBClusterIdentifier)."
  value       = aws_rds_cluster.this.cluster_identifier
}

output "cluster_arn" {
  description = "ARN of the Aurora cluster (RDS Data API resource)."
  value       = aws_rds_cluster.this.arn
}

output "endpoint" {
  description = "Writer endpoint of the cluster."
  value       = aws_rds_cluster.this.endpoint
}

output "port" {
  description = "PostgreSQL port."
  value       = aws_rds_cluster.this.port
}

output "database_name" {
  description = "Name of the application database."
  value       = aws_rds_cluster.this.database_name
}

output "app_username" {
  description = "PostgreSQL user the application signs in as, with an IAM authentication token (liminal.db.user)."
  value       = var.app_username
}

output "app_connect_arn" {
  description = "rds-db:connect resource of app_username: the only database permission the application's role gets."
  value       = "arn:${data.aws_partition.current.partition}:rds-db:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:dbuser:${aws_rds_cluster.this.cluster_resource_id}/${var.app_username}"

  depends_on = [terraform_data.app_user]
}

output "master_user_secret_arn" {
  description = "ARN of the Secrets Manager secret RDS manages for the master user (operators only; never given to the app)."
  value       = aws_rds_cluster.this.master_user_secret[0].secret_arn
}

output "jdbc_url" {
  description = "JDBC URL for liminal.db.url (TLS required, as IAM authentication demands)."
  value       = "jdbc:postgresql://${aws_rds_cluster.this.endpoint}:${aws_rds_cluster.this.port}/${aws_rds_cluster.this.database_name}?sslmode=require"
}
