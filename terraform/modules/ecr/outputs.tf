output "repository_name" {
  description = "Name of the repository."
  value       = aws_ecr_repository.this.name
}

output "repository_url" {
  description = "URL of the repository (ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME), without a tag."
  value       = aws_ecr_repository.this.repository_url
}

output "repository_arn" {
  description = "ARN of the repository (for pull permissions)."
  value       = aws_ecr_repository.this.arn
}
