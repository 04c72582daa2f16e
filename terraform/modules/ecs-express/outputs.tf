output "service_arn" {
  description = "ARN of the ECS Express service."
  value       = aws_ecs_express_gateway_service.this.service_arn
}

output "cluster_name" {
  description = "ECS cluster of the service (Container Insights dimension ClusterName)."
  value       = aws_ecs_cluster.this.name
}

output "origin_domain" {
  description = "Host name CloudFront uses as origin (the service's *.ecs.REGION.on.aws endpoint)."
  value       = regex("^(?:https?://)?([^/:]+)", aws_ecs_express_gateway_service.this.ingress_paths[0].endpoint)[0]
}

output "service_url" {
  description = "HTTPS URL of the service itself (bypassing CloudFront)."
  value       = "https://${regex("^(?:https?://)?([^/:]+)", aws_ecs_express_gateway_service.this.ingress_paths[0].endpoint)[0]}"
}

output "app_log_group_name" {
  description = "CloudWatch log group of the application's stdout (EMF metric lines included)."
  value       = aws_cloudwatch_log_group.app.name
}

output "task_role_arn" {
  description = "ARN of the task role (what the app may call)."
  value       = aws_iam_role.task.arn
}
