# The values never pass through Terraform: each secret is created with a placeholder that the
# application treats as "not configured" (a provider without a key is skipped by the chain, an
# admin whose hash is not bcrypt cannot log in), and the real value is put with
#   aws secretsmanager put-secret-value --secret-id ARN --secret-string '…'
# Terraform ignores later changes of the value, so it never holds nor reverts them.

locals {
  placeholder = "unset"

  # MicroProfile Config's environment form of liminal.ai.<provider>.api-key and liminal.admin.<user>.password-hash
  api_key_env = { for p in var.provider_api_keys : p => "LIMINAL_AI_${upper(p)}_API_KEY" }
  admin_env   = { for u in var.admin_users : u => "LIMINAL_ADMIN_${upper(u)}_PASSWORD_HASH" }
}

resource "aws_secretsmanager_secret" "api_key" {
  for_each = local.api_key_env

  name                    = "${var.name}/ai/${each.key}/api-key"
  description             = "API key of ${each.key} for Liminal Transit (${each.value})"
  recovery_window_in_days = var.recovery_window_days

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "api_key" {
  for_each = aws_secretsmanager_secret.api_key

  secret_id     = each.value.id
  secret_string = local.placeholder

  lifecycle {
    ignore_changes = [secret_string]
  }
}

resource "aws_secretsmanager_secret" "admin_password_hash" {
  for_each = local.admin_env

  name                    = "${var.name}/admin/${each.key}/password-hash"
  description             = "bcrypt hash of the admin password of ${each.key} (${each.value})"
  recovery_window_in_days = var.recovery_window_days

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "admin_password_hash" {
  for_each = aws_secretsmanager_secret.admin_password_hash

  secret_id     = each.value.id
  secret_string = local.placeholder

  lifecycle {
    ignore_changes = [secret_string]
  }
}

# The two secrets whose values Terraform holds: CloudFront must send the current one, so it is in the
# distribution's configuration anyway. The app accepts a request carrying either (LIMINAL_WEB_PROXY_SECRET,
# LIMINAL_WEB_PROXY_SECRET_PREVIOUS), so that the secret can be rotated without a moment in which running
# tasks and CloudFront disagree (terraform/README.md, "Rotating the CloudFront secret").
resource "aws_secretsmanager_secret" "proxy_secret" {
  name                    = "${var.name}/web/proxy-secret"
  description             = "Shared secret CloudFront sends to the app (LIMINAL_WEB_PROXY_SECRET)"
  recovery_window_in_days = var.recovery_window_days

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "proxy_secret" {
  secret_id     = aws_secretsmanager_secret.proxy_secret.id
  secret_string = var.proxy_secret
}

resource "aws_secretsmanager_secret" "proxy_secret_previous" {
  name                    = "${var.name}/web/proxy-secret-previous"
  description             = "The other proxy secret the app still accepts during a rotation (LIMINAL_WEB_PROXY_SECRET_PREVIOUS)"
  recovery_window_in_days = var.recovery_window_days

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "proxy_secret_previous" {
  secret_id     = aws_secretsmanager_secret.proxy_secret_previous.id
  secret_string = coalesce(var.proxy_secret_previous, var.proxy_secret)
}

# The smoke test's marker (terraform/README.md, "Smoke test"): a request carrying it in X-Liminal-Smoke
# boards a ride the app writes with offline and leaves out of analytics, the AI budget and the limits.
# Below 32 characters ("unset" when no token is given) the app ignores the header.
resource "aws_secretsmanager_secret" "smoke_token" {
  name                    = "${var.name}/web/smoke-token"
  description             = "Marker of the deploy smoke test's rides (LIMINAL_SMOKE_TOKEN)"
  recovery_window_in_days = var.recovery_window_days

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "smoke_token" {
  secret_id     = aws_secretsmanager_secret.smoke_token.id
  secret_string = coalesce(var.smoke_token, local.placeholder)
}
