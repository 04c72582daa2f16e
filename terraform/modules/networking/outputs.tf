output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "public_subnet_ids" {
  description = "IDs of the public subnets, one per availability zone."
  value       = [for s in aws_subnet.public : s.id]
}

output "private_subnet_ids" {
  description = "IDs of the private subnets (NAT egress; the load balancer, tasks and database), one per availability zone."
  value       = [for s in aws_subnet.private : s.id]
}

output "app_security_group_id" {
  description = "Security group of the application; the database admits it, it admits the load balancer only."
  value       = aws_security_group.app.id
}

output "lb_security_group_id" {
  description = "Security group of the internal load balancer; it admits CloudFront's origin-facing prefix list only."
  value       = aws_security_group.lb.id
}

output "database_security_group_id" {
  description = "Security group of the database."
  value       = aws_security_group.database.id
}

output "nat_public_ips" {
  description = "Public IPs of the NAT gateways (the app's egress addresses, e.g. for a provider's IP allow list)."
  value       = [for e in aws_eip.nat : e.public_ip]
}
