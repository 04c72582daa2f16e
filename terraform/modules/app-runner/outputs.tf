output "service_arn" {
  description = "ARN of the App Runner service."
  value       = aws_apprunner_service.this.arn
}

output "service_id" {
  description = "ID of the App Runner service."
  value       = aws_apprunner_service.this.service_id
}

output "origin_domain" {
  description = "Host name CloudFront uses as origin (xxxx.REGION.awsapprunner.com)."
  value       = aws_apprunner_service.this.service_url
}

output "service_url" {
  description = "HTTPS URL of the service itself (bypassing CloudFront)."
  value       = "https://${aws_apprunner_service.this.service_url}"
}

output "app_log_group_name" {
  description = "CloudWatch log group of the application's stdout (EMF metric lines included)."
  value       = "/aws/apprunner/${aws_apprunner_service.this.service_name}/${aws_apprunner_service.this.service_id}/application"
}

output "instance_role_arn" {
  description = "ARN of the instance role (what the app may call)."
  value       = aws_iam_role.instance.arn
}
