# Unformatted on purpose: DeployConfigurationTest runs `terraform fmt -check` on this directory and
# expects it to name this file (the "=" of the two attributes is not aligned, the block body not indented).
resource "aws_cloudwatch_log_group" "unformatted" {
name = "liminal-fixture"
  retention_in_days = 7
}
