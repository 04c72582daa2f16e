output "cluster_name" {
  description = "ECS cluster of the service (Container Insights dimension ClusterName)."
  value       = aws_ecs_cluster.this.name
}

output "service_name" {
  description = "ECS service name (Container Insights dimension ServiceName)."
  value       = aws_ecs_service.this.name
}

output "task_definition_arn" {
  description = "Task definition revision this apply registered (deploy.sh checks that the service's primary deployment runs it)."
  value       = aws_ecs_task_definition.this.arn
}

output "lb_arn" {
  description = "ARN of the internal load balancer (the CloudFront VPC origin's endpoint)."
  value       = aws_lb.this.arn
}

output "lb_arn_suffix" {
  description = "ARN suffix of the load balancer (CloudWatch dimension LoadBalancer)."
  value       = aws_lb.this.arn_suffix
}

output "target_group_arn_suffix" {
  description = "ARN suffix of the target group (CloudWatch dimension TargetGroup)."
  value       = aws_lb_target_group.app.arn_suffix
}

output "origin_domain" {
  description = "Host name CloudFront uses for the origin: origin_domain_name, or the load balancer's DNS name without a domain."
  value       = local.use_tls ? var.origin_domain_name : aws_lb.this.dns_name
}

output "origin_protocol_policy" {
  description = "Protocol CloudFront speaks to the load balancer: https-only with a certificate, http-only without."
  value       = local.use_tls ? "https-only" : "http-only"
}

output "app_log_group_name" {
  description = "CloudWatch log group of the application's stdout (EMF metric lines included)."
  value       = aws_cloudwatch_log_group.app.name
}

output "task_role_arn" {
  description = "ARN of the task role (what the app may call)."
  value       = aws_iam_role.task.arn
}

output "lb_log_bucket" {
  description = "S3 bucket of the load balancer's access logs."
  value       = aws_s3_bucket.lb_logs.id
}
