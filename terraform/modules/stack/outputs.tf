output "url" {
  description = "Public URL of the site (custom domain or *.cloudfront.net): what deploy.yml smoke-tests."
  value       = "https://${local.public_hostname}"
}

output "origin" {
  description = "Origin host name behind CloudFront (internal load balancer or App Runner); not reachable without the CloudFront secret."
  value       = local.origin_domain
}

output "compute" {
  description = "The compute in use: ecs_fargate or app_runner."
  value       = var.compute
}

output "image_tag" {
  description = "Image tag the service runs (the git sha of the deployed commit)."
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

output "ecs_cluster_name" {
  description = "ECS cluster (null on App Runner)."
  value       = one(module.ecs_fargate[*].cluster_name)
}

output "ecs_service_name" {
  description = "ECS service (null on App Runner)."
  value       = one(module.ecs_fargate[*].service_name)
}

output "task_definition_arn" {
  description = "Task definition this apply registered; deploy.sh checks that the service's primary deployment runs it (null on App Runner)."
  value       = one(module.ecs_fargate[*].task_definition_arn)
}

output "app_runner_service_arn" {
  description = "App Runner service (null on ECS)."
  value       = one(module.app_runner[*].service_arn)
}

output "app_log_group_name" {
  description = "CloudWatch log group of the application."
  value       = local.app_log_group_name
}

output "cloudfront_distribution_id" {
  description = "ID of the CloudFront distribution."
  value       = module.cloudfront.distribution_id
}

output "database_endpoint" {
  description = "Writer endpoint of Aurora PostgreSQL."
  value       = module.database.endpoint
}

output "database_app_user" {
  description = "PostgreSQL user of the app (IAM authentication)."
  value       = module.database.app_username
}

output "database_master_secret_arn" {
  description = "Secret RDS manages and rotates for the master user (operators only)."
  value       = module.database.master_user_secret_arn
}

output "secrets_to_fill" {
  description = "Secrets created with a placeholder, to be set with aws secretsmanager put-secret-value (environment variable => ARN)."
  value       = module.secrets.to_fill
}

output "last_good_commit_parameter" {
  description = "SSM parameter holding the commit that last passed the smoke test here (the rollback target)."
  value       = aws_ssm_parameter.last_good_commit.name
}

output "dashboard_name" {
  description = "CloudWatch dashboard of the environment."
  value       = module.monitoring.dashboard_name
}

output "nat_public_ips" {
  description = "Egress IPs of the app (NAT gateways)."
  value       = module.networking.nat_public_ips
}
