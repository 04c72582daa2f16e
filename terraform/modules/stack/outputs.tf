output "url" {
  description = "Public URL of the site (custom domain or *.cloudfront.net)."
  value       = "https://${local.public_hostname}"
}

output "service_url" {
  description = "URL of the compute service itself, bypassing CloudFront (diagnostics)."
  value       = local.service_url
}

output "compute" {
  description = "The compute in use: app_runner or ecs_express."
  value       = var.compute
}

output "image_tag" {
  description = "Image tag the service runs (what rollback.sh goes back from)."
  value       = var.image_tag
}

output "ecr_repository_url" {
  description = "ECR repository of this environment (deploy.yml pushes REPOSITORY:GIT_SHA)."
  value       = module.ecr.repository_url
}

output "ecr_repository_name" {
  description = "Name of the ECR repository."
  value       = module.ecr.repository_name
}

output "cloudfront_distribution_id" {
  description = "ID of the CloudFront distribution."
  value       = module.cloudfront.distribution_id
}

output "database_endpoint" {
  description = "Writer endpoint of Aurora PostgreSQL."
  value       = module.database.endpoint
}

output "database_secret_arn" {
  description = "Secret RDS manages for the master user."
  value       = module.database.master_user_secret_arn
}

output "secrets_to_fill" {
  description = "Secrets created with a placeholder, to be set with aws secretsmanager put-secret-value (environment variable => ARN)."
  value       = module.secrets.env_secrets
}

output "dashboard_name" {
  description = "CloudWatch dashboard of the environment."
  value       = module.monitoring.dashboard_name
}

output "nat_public_ips" {
  description = "Egress IPs of the app (NAT gateways)."
  value       = module.networking.nat_public_ips
}
