# CloudFront only takes certificates from us-east-1: the certificate uses the aws.us_east_1 provider.

data "aws_route53_zone" "this" {
  name         = var.zone_name
  private_zone = false
}

locals {
  names = concat([var.domain_name], var.subject_alternative_names)
  alias_records = !var.create_alias_records ? {} : merge(
    { for n in local.names : "${n}/A" => { name = n, type = "A" } },
    { for n in local.names : "${n}/AAAA" => { name = n, type = "AAAA" } },
  )
}

resource "aws_acm_certificate" "this" {
  provider = aws.us_east_1

  domain_name               = var.domain_name
  subject_alternative_names = var.subject_alternative_names
  validation_method         = "DNS"
  key_algorithm             = "EC_prime256v1"

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "validation" {
  for_each = { for o in aws_acm_certificate.this.domain_validation_options : o.domain_name => o }

  zone_id         = data.aws_route53_zone.this.zone_id
  name            = each.value.resource_record_name
  type            = each.value.resource_record_type
  records         = [each.value.resource_record_value]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "this" {
  provider = aws.us_east_1

  certificate_arn         = aws_acm_certificate.this.arn
  validation_record_fqdns = [for r in aws_route53_record.validation : r.fqdn]
}

resource "aws_route53_record" "alias" {
  for_each = local.alias_records

  zone_id = data.aws_route53_zone.this.zone_id
  name    = each.value.name
  type    = each.value.type

  alias {
    name                   = var.cloudfront_domain_name
    zone_id                = var.cloudfront_hosted_zone_id
    evaluate_target_health = false
  }
}
