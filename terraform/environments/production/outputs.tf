output "url" {
  description = "Public URL of the environment."
  value       = module.stack.url
}

output "origin" {
  description = "Origin host name behind CloudFront (diagnostics; refuses requests without the CloudFront secret)."
  value       = module.stack.origin
}

output "compute" {
  description = "ecs_fargate or app_runner."
  value       = module.stack.compute
}

output "image_tag" {
  description = "Image tag the service runs."
  value       = module.stack.image_tag
}

output "ecr_repository_url" {
  description = "ECR repository of this environment."
  value       = module.stack.ecr_repository_url
}

output "ecr_repository_name" {
  description = "Name of the ECR repository."
  value       = module.stack.ecr_repository_name
}

output "ecs_cluster_name" {
  description = "ECS cluster (null on App Runner)."
  value       = module.stack.ecs_cluster_name
}

output "ecs_service_name" {
  description = "ECS service (null on App Runner)."
  value       = module.stack.ecs_service_name
}

output "task_definition_arn" {
  description = "Task definition the last apply registered (null on App Runner)."
  value       = module.stack.task_definition_arn
}

output "app_runner_service_arn" {
  description = "App Runner service (null on ECS)."
  value       = module.stack.app_runner_service_arn
}

output "app_log_group_name" {
  description = "CloudWatch log group of the application."
  value       = module.stack.app_log_group_name
}

output "last_good_commit_parameter" {
  description = "SSM parameter with the commit that last passed the smoke test (rollback target)."
  value       = module.stack.last_good_commit_parameter
}

output "cloudfront_distribution_id" {
  description = "ID of the CloudFront distribution."
  value       = module.stack.cloudfront_distribution_id
}

output "database_endpoint" {
  description = "Writer endpoint of the database."
  value       = module.stack.database_endpoint
}

output "secrets_to_fill" {
  description = "Secrets to set with aws secretsmanager put-secret-value."
  value       = module.stack.secrets_to_fill
}

output "dashboard_name" {
  description = "CloudWatch dashboard."
  value       = module.stack.dashboard_name
}
