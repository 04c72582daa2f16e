output "distribution_id" {
  description = "ID of the distribution (CloudWatch dimension DistributionId, cache invalidations)."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_arn" {
  description = "ARN of the distribution."
  value       = aws_cloudfront_distribution.this.arn
}

output "domain_name" {
  description = "*.cloudfront.net name of the distribution (alias target)."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "hosted_zone_id" {
  description = "Route 53 zone id of CloudFront for alias records."
  value       = aws_cloudfront_distribution.this.hosted_zone_id
}
