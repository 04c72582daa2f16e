output "model_arns" {
  description = "ARNs to allow bedrock:InvokeModel on: the foundation models and inference profiles of model_ids."
  value       = local.model_arns
}

output "log_bucket_name" {
  description = "S3 bucket of the invocation logs (null when logging is off)."
  value       = try(aws_s3_bucket.logs[0].id, null)
}

output "log_group_name" {
  description = "CloudWatch log group of the invocation logs (null when logging is off)."
  value       = try(aws_cloudwatch_log_group.invocations[0].name, null)
}
