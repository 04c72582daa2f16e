output "guardrail_id" {
  description = "Id of the guardrail (liminal.safety.guardrail.id)."
  value       = aws_bedrock_guardrail.this.guardrail_id
}

output "version" {
  description = "The published version the app applies (liminal.safety.guardrail.version)."
  value       = aws_bedrock_guardrail_version.this.version
}

output "languages" {
  description = "Languages the guardrail's tier covers, as the app declares them (liminal.safety.guardrail.languages)."
  value       = local.languages
}

output "apply_arns" {
  description = "ARNs to allow bedrock:ApplyGuardrail on: this guardrail, and its cross-Region profile in every Region when it has one."
  value       = concat([aws_bedrock_guardrail.this.guardrail_arn], local.profile_arns)
}
