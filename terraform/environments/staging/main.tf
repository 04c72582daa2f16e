provider "aws" {
  region = var.aws_region
}

# CloudFront's certificate, web ACL and metrics live in us-east-1
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
}

module "stack" {
  source = "../../modules/stack"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  environment                       = "staging"
  compute                           = var.compute
  image_tag                         = var.image_tag
  zone_name                         = var.zone_name
  domain_name                       = var.domain_name
  subject_alternative_names         = var.subject_alternative_names
  vpc_cidr                          = var.vpc_cidr
  single_nat_gateway                = var.single_nat_gateway
  cpu                               = var.cpu
  memory                            = var.memory
  min_instances                     = var.min_instances
  max_instances                     = var.max_instances
  db_min_capacity                   = var.db_min_capacity
  db_max_capacity                   = var.db_max_capacity
  db_seconds_until_auto_pause       = var.db_seconds_until_auto_pause
  db_instance_count                 = var.db_instance_count
  db_backup_retention_days          = var.db_backup_retention_days
  deletion_protection               = var.deletion_protection
  ai_chain                          = var.ai_chain
  bedrock_model_id                  = var.bedrock_model_id
  bedrock_extra_model_ids           = var.bedrock_extra_model_ids
  enable_bedrock_invocation_logging = var.enable_bedrock_invocation_logging
  provider_api_keys                 = var.provider_api_keys
  admin_users                       = var.admin_users
  ride_post_limit                   = var.ride_post_limit
  stream_enabled                    = var.stream_enabled
  ai_daily_budget_usd               = var.ai_daily_budget_usd
  ai_monthly_budget_usd             = var.ai_monthly_budget_usd
  alarm_emails                      = var.alarm_emails
  origin_secret                     = var.origin_secret
  origin_secret_previous            = var.origin_secret_previous
  smoke_token                       = var.smoke_token
  tags                              = var.tags
}
