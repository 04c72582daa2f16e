output "certificate_arn" {
  description = "ARN of the validated certificate (us-east-1), for the distribution."
  value       = aws_acm_certificate_validation.this.certificate_arn
}

output "names" {
  description = "All names on the certificate (the distribution's aliases)."
  value       = local.names
}

output "zone_id" {
  description = "ID of the hosted zone."
  value       = data.aws_route53_zone.this.zone_id
}
