output "key_arn" {
  description = "ARN of the customer-managed key for players' text at rest."
  value       = aws_kms_key.this.arn
}

output "alias_name" {
  description = "Alias of the key (alias/NAME-data)."
  value       = aws_kms_alias.this.name
}
