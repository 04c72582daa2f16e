# dev: smallest and cheapest; the database pauses when idle and everything can be destroyed
aws_region         = "us-east-1"
compute            = "ecs_fargate"
image_tag          = "bootstrap"
vpc_cidr           = "10.40.0.0/16"
single_nat_gateway = true

cpu           = "512"
memory        = "1024"
min_instances = 1
max_instances = 1

db_min_capacity             = 0
db_max_capacity             = 2
db_seconds_until_auto_pause = 3600
db_instance_count           = 1
db_backup_retention_days    = 1
deletion_protection         = false

ai_chain                          = "bedrock,offline"
bedrock_model_id                  = "us.anthropic.claude-haiku-4-5-20251001-v1:0"
enable_bedrock_invocation_logging = false
provider_api_keys                 = []
admin_users                       = ["writer"]

ride_post_limit     = 100
ai_daily_budget_usd = 5

# streamed stops: on by default with ecs_fargate; false if a hop buffers the event stream (terraform/README.md)
# stream_enabled = false
