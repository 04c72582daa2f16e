# production: per-zone NAT, two database instances, scaling room; applied on a published release
aws_region                = "us-east-1"
compute                   = "ecs_fargate"
image_tag                 = "bootstrap"
zone_name                 = "liminal-transit.com"
domain_name               = "liminal-transit.com"
subject_alternative_names = ["www.liminal-transit.com"]
vpc_cidr                  = "10.42.0.0/16"
single_nat_gateway        = false

cpu           = "1024"
memory        = "2048"
min_instances = 2
max_instances = 10

db_min_capacity          = 0.5
db_max_capacity          = 16
db_instance_count        = 2
db_backup_retention_days = 14
deletion_protection      = true

ai_chain                          = "bedrock,anthropic,openai,offline"
bedrock_model_id                  = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
bedrock_extra_model_ids           = ["amazon.titan-text-premier-v1:0"]
enable_bedrock_invocation_logging = true
provider_api_keys                 = ["anthropic", "openai"]
admin_users                       = ["writer"]

ride_post_limit = 100

# AI spend: the app's own daily stop (then offline), and AWS Budgets on the account's Bedrock bill
ai_daily_budget_usd   = 50
ai_monthly_budget_usd = 1000
# alarm_emails: from the production environment's GitHub variable ALARM_EMAILS (required here)

# streamed stops: on by default with ecs_fargate; false if a hop buffers the event stream (terraform/README.md)
# stream_enabled = false
