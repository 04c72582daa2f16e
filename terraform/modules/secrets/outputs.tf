output "env_secrets" {
  description = "Environment variable name => secret ARN, for the service's secret environment (App Runner / ECS)."
  value = merge(
    { for p, env in local.api_key_env : env => aws_secretsmanager_secret.api_key[p].arn },
    { for u, env in local.admin_env : env => aws_secretsmanager_secret.admin_password_hash[u].arn },
    { LIMINAL_WEB_PROXY_SECRET = aws_secretsmanager_secret.proxy_secret.arn },
  )
}

output "secret_arns" {
  description = "ARNs of all secrets of this module (for the read permission of the service role)."
  value = concat(
    [for s in aws_secretsmanager_secret.api_key : s.arn],
    [for s in aws_secretsmanager_secret.admin_password_hash : s.arn],
    [aws_secretsmanager_secret.proxy_secret.arn],
  )
}

output "api_key_secret_arns" {
  description = "Provider => ARN of its API key secret."
  value       = { for p, s in aws_secretsmanager_secret.api_key : p => s.arn }
}

output "admin_password_hash_secret_arns" {
  description = "Admin user => ARN of the secret holding its bcrypt password hash."
  value       = { for u, s in aws_secretsmanager_secret.admin_password_hash : u => s.arn }
}
