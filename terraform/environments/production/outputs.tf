output "url" {
  description = "Public URL of the environment."
  value       = module.stack.url
}

output "service_url" {
  description = "URL of the compute service itself (bypassing CloudFront)."
  value       = module.stack.service_url
}

output "compute" {
  description = "app_runner or ecs_express."
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
