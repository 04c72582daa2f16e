output "cluster_identifier" {
  description = "Identifier of the Aurora cluster (CloudWatch dimension DBClusterIdentifier)."
  value       = aws_rds_cluster.this.cluster_identifier
}

output "endpoint" {
  description = "Writer endpoint of the cluster."
  value       = aws_rds_cluster.this.endpoint
}

output "reader_endpoint" {
  description = "Reader endpoint of the cluster."
  value       = aws_rds_cluster.this.reader_endpoint
}

output "port" {
  description = "PostgreSQL port."
  value       = aws_rds_cluster.this.port
}

output "database_name" {
  description = "Name of the application database."
  value       = aws_rds_cluster.this.database_name
}

output "master_username" {
  description = "Master user name (not a secret; the password is in master_user_secret_arn)."
  value       = aws_rds_cluster.this.master_username
}

output "master_user_secret_arn" {
  description = "ARN of the Secrets Manager secret RDS manages for the master user (JSON with username and password)."
  value       = aws_rds_cluster.this.master_user_secret[0].secret_arn
}

output "jdbc_url" {
  description = "JDBC URL for liminal.db.url (TLS required, server certificate not verified)."
  value       = "jdbc:postgresql://${aws_rds_cluster.this.endpoint}:${aws_rds_cluster.this.port}/${aws_rds_cluster.this.database_name}?sslmode=require"
}
