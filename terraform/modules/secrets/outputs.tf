output "env_secrets" {
  description = "Environment variable name => secret ARN, for the service's secret environment (App Runner / ECS)."
  value = merge(
    { for p, env in local.api_key_env : env => aws_secretsmanager_secret.api_key[p].arn },
    { for u, env in local.admin_env : env => aws_secretsmanager_secret.admin_password_hash[u].arn },
    {
      LIMINAL_WEB_PROXY_SECRET          = aws_secretsmanager_secret.proxy_secret.arn
      LIMINAL_WEB_PROXY_SECRET_PREVIOUS = aws_secretsmanager_secret.proxy_secret_previous.arn
      LIMINAL_SMOKE_TOKEN               = aws_secretsmanager_secret.smoke_token.arn
    },
  )
}

output "secret_arns" {
  description = "ARNs of all secrets of this module (for the read permission of the service role)."
  value = concat(
    [for s in aws_secretsmanager_secret.api_key : s.arn],
    [for s in aws_secretsmanager_secret.admin_password_hash : s.arn],
    [aws_secretsmanager_secret.proxy_secret.arn, aws_secretsmanager_secret.proxy_secret_previous.arn, aws_secretsmanager_secret.smoke_token.arn],
  )
}

output "revision" {
  description = "Changes whenever a secret value Terraform holds changes: put into the service's plain environment, it makes ECS or App Runner start tasks that read the new values."
  value = sha256(join(",", [
    aws_secretsmanager_secret_version.proxy_secret.version_id,
    aws_secretsmanager_secret_version.proxy_secret_previous.version_id,
    aws_secretsmanager_secret_version.smoke_token.version_id,
  ]))
}

output "api_key_secret_arns" {
  description = "Provider => ARN of its API key secret."
  value       = { for p, s in aws_secretsmanager_secret.api_key : p => s.arn }
}

output "admin_password_hash_secret_arns" {
  description = "Admin user => ARN of the secret holding its bcrypt password hash."
  value       = { for u, s in aws_secretsmanager_secret.admin_password_hash : u => s.arn }
}

output "to_fill" {
  description = "Secrets created with a placeholder that an operator fills (environment variable name => ARN): provider API keys and admin password hashes."
  value = merge(
    { for p, env in local.api_key_env : env => aws_secretsmanager_secret.api_key[p].arn },
    { for u, env in local.admin_env : env => aws_secretsmanager_secret.admin_password_hash[u].arn },
  )
}
