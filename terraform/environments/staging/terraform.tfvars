# staging: production-like, one of everything; deploy.yml applies it on every push to main
aws_region         = "us-east-1"
compute            = "ecs_fargate"
image_tag          = "bootstrap"
zone_name          = "liminal-transit.com"
domain_name        = "staging.liminal-transit.com"
vpc_cidr           = "10.41.0.0/16"
single_nat_gateway = true

cpu           = "1024"
memory        = "2048"
min_instances = 1
max_instances = 2

db_min_capacity          = 0.5
db_max_capacity          = 4
db_instance_count        = 1
db_backup_retention_days = 7
deletion_protection      = true

ai_chain                          = "bedrock,anthropic,openai,offline"
bedrock_model_id                  = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
bedrock_extra_model_ids           = ["amazon.titan-text-premier-v1:0"]
enable_bedrock_invocation_logging = false
provider_api_keys                 = ["anthropic", "openai"]
admin_users                       = ["writer"]

ride_post_limit = 100

ai_daily_budget_usd = 10
# alarm_emails: from the staging environment's GitHub variable ALARM_EMAILS (required here)

# streamed stops: on by default with ecs_fargate; false if a hop buffers the event stream (terraform/README.md)
# stream_enabled = false
