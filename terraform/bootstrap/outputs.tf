output "state_bucket" {
  description = "Bucket for TF_STATE_BUCKET (GitHub variable) and terraform init -backend-config=bucket=…"
  value       = aws_s3_bucket.state.id
}

output "state_kms_key_arn" {
  description = "Key of the state bucket, for TF_STATE_KMS_KEY_ARN (GitHub variable) and terraform init -backend-config=kms_key_id=…"
  value       = aws_kms_key.state.arn
}

output "deploy_role_arns" {
  description = "Environment => deploy role, for AWS_DEPLOY_ROLE_ARN (a variable of the GitHub environment of the same name)."
  value       = { for e, r in aws_iam_role.deploy : e => r.arn }
}

output "permissions_boundary_arns" {
  description = "Environment => permissions boundary that every role of that stack carries."
  value       = { for e, p in aws_iam_policy.boundary : e => p.arn }
}

output "ai_tests_role_arn" {
  description = "Role for AWS_AI_TESTS_ROLE_ARN (GitHub variable of the ai-tests environment)."
  value       = aws_iam_role.ai_tests.arn
}
