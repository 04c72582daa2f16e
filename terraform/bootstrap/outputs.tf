output "state_bucket" {
  description = "Bucket for TF_STATE_BUCKET (GitHub variable) and terraform init -backend-config=bucket=…"
  value       = aws_s3_bucket.state.id
}

output "deploy_role_arn" {
  description = "Role for AWS_DEPLOY_ROLE_ARN (GitHub variable of the staging and production environments)."
  value       = aws_iam_role.deploy.arn
}

output "ai_tests_role_arn" {
  description = "Role for AWS_AI_TESTS_ROLE_ARN (GitHub variable of the ai-tests environment)."
  value       = aws_iam_role.ai_tests.arn
}
