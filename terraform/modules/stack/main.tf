# One environment of Liminal Transit: network, keys, database, secrets, image repository, the app on
# ECS (Fargate, behind an internal load balancer that is a CloudFront VPC origin) or App Runner
# (var.compute), CloudFront + WAF in front, DNS, Bedrock logging, monitoring.

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  name              = "liminal-${var.environment}"
  metrics_namespace = "LiminalTransit/${var.environment}"
  use_domain        = var.domain_name != null
  account           = data.aws_caller_identity.current.account_id
  tags = merge(var.tags, {
    Project     = "liminal-transit"
    Environment = var.environment
    ManagedBy   = "terraform"
  })

  # the roles this stack creates carry the boundary the environment's deploy role is held to
  # (terraform/bootstrap creates it)
  permissions_boundary_arn = var.use_permissions_boundary ? "arn:${data.aws_partition.current.partition}:iam::${local.account}:policy/${local.name}-boundary" : null

  # with a domain, CloudFront speaks HTTPS to the internal load balancer under this name
  origin_domain_name = local.use_domain ? "origin.${var.domain_name}" : null
  db_can_pause       = var.db_min_capacity == 0

  # streamed stops (issue 14): on where every hop is known to pass server-sent events as they come
  stream_enabled = var.stream_enabled != null ? var.stream_enabled : var.compute == "ecs_fargate"

  safety_checks = [for c in split(",", var.safety_checks) : trimspace(c)]
  use_guardrail = contains(local.safety_checks, "guardrail")
  safety_environment = merge(
    {
      LIMINAL_SAFETY_CHECKS         = join(",", local.safety_checks)
      LIMINAL_SAFETY_ON_UNAVAILABLE = var.safety_on_unavailable
    },
    contains(local.safety_checks, "comprehend") ? { LIMINAL_SAFETY_COMPREHEND_REGION = data.aws_region.current.region } : {},
    var.translate_offline ? {
      LIMINAL_TRANSLATE_REGION      = data.aws_region.current.region
      LIMINAL_TRANSLATE_TERMINOLOGY = "liminal-line"
    } : {},
    local.use_guardrail ? {
      LIMINAL_SAFETY_GUARDRAIL_ID        = module.guardrail[0].guardrail_id
      LIMINAL_SAFETY_GUARDRAIL_VERSION   = module.guardrail[0].version
      LIMINAL_SAFETY_GUARDRAIL_LANGUAGES = join(",", module.guardrail[0].languages)
      LIMINAL_SAFETY_GUARDRAIL_REGION    = data.aws_region.current.region
    } : {},
  )

  app_environment = merge(
    {
      # IAM authentication as the app's own user: no database password anywhere (terraform/README.md)
      LIMINAL_DB_URL                    = module.database.jdbc_url
      LIMINAL_DB_USER                   = module.database.app_username
      LIMINAL_DB_AUTH                   = "iam"
      LIMINAL_DB_IAM_REGION             = data.aws_region.current.region
      LIMINAL_AI_CHAIN                  = var.ai_chain
      LIMINAL_AI_BEDROCK_REGION         = data.aws_region.current.region
      LIMINAL_AI_BEDROCK_MODEL_ID       = var.bedrock_model_id
      LIMINAL_AI_DAILY_BUDGET_USD       = tostring(var.ai_daily_budget_usd)
      LIMINAL_ADMIN_USERS               = join(",", var.admin_users)
      LIMINAL_WEB_TRUST_FORWARDED       = "true"
      LIMINAL_WEB_CLIENT_ADDRESS_HEADER = "X-Liminal-Client-Ip"
      LIMINAL_METRICS_EMF_NAMESPACE     = local.metrics_namespace
      # an idle stream's SSE comment comes well inside CloudFront's and the load balancer's timeouts
      LIMINAL_STREAM_ENABLED    = tostring(local.stream_enabled)
      LIMINAL_STREAM_KEEP_ALIVE = "${var.stream_keep_alive_seconds}s"
      # changes with the values of the Terraform-held secrets, so that new tasks read them
      LIMINAL_CONFIG_REVISION = module.secrets.revision
    },
    # a database that may pause (dev) must see no idle pooled connection
    local.db_can_pause ? { LIMINAL_DB_POOL_MIN_IDLE = "0", LIMINAL_DB_IDLE_TIMEOUT = "1m" } : {},
    var.sagemaker_endpoint_name == null ? {} : { LIMINAL_AI_SAGEMAKER_ENDPOINT_NAME = var.sagemaker_endpoint_name },
    local.safety_environment,
    var.extra_environment,
  )

  sagemaker_endpoint_arns = var.sagemaker_endpoint_name == null ? [] : [
    "arn:${data.aws_partition.current.partition}:sagemaker:${data.aws_region.current.region}:${local.account}:endpoint/${lower(var.sagemaker_endpoint_name)}"
  ]

  compute_inputs = {
    image_uri               = "${module.ecr.repository_url}:${var.image_tag}"
    ecr_repository_arn      = module.ecr.repository_arn
    environment             = local.app_environment
    secrets                 = module.secrets.env_secrets
    secret_arns             = module.secrets.secret_arns
    bedrock_model_arns      = module.bedrock.model_arns
    sagemaker_endpoint_arns = local.sagemaker_endpoint_arns
    guardrail_arns          = local.use_guardrail ? module.guardrail[0].apply_arns : []
    comprehend_toxicity     = contains(local.safety_checks, "comprehend")
    translate_text          = var.translate_offline
    db_connect_arns         = [module.database.app_connect_arn]
  }

  origin_domain      = one(concat(module.app_runner[*].origin_domain, module.ecs_fargate[*].origin_domain))
  app_log_group_name = one(concat(module.app_runner[*].app_log_group_name, module.ecs_fargate[*].app_log_group_name))
  public_hostname    = local.use_domain ? var.domain_name : module.cloudfront.domain_name
}

module "kms" {
  source = "../kms"

  name                 = local.name
  deletion_window_days = var.deletion_protection ? 30 : 7
  tags                 = local.tags
}

module "networking" {
  source = "../networking"

  name               = local.name
  cidr_block         = var.vpc_cidr
  az_count           = var.az_count
  single_nat_gateway = var.single_nat_gateway
  lb_port            = local.use_domain ? 443 : 80
  tags               = local.tags
}

module "ecr" {
  source = "../ecr"

  name         = "liminal-transit-${var.environment}"
  force_delete = !var.deletion_protection
  tags         = local.tags
}

module "database" {
  source = "../database"

  name                     = local.name
  subnet_ids               = module.networking.private_subnet_ids
  security_group_ids       = [module.networking.database_security_group_id]
  kms_key_arn              = module.kms.key_arn
  min_capacity             = var.db_min_capacity
  max_capacity             = var.db_max_capacity
  seconds_until_auto_pause = var.db_seconds_until_auto_pause
  instance_count           = var.db_instance_count
  backup_retention_days    = var.db_backup_retention_days
  deletion_protection      = var.deletion_protection
  log_retention_days       = var.log_retention_days
  tags                     = local.tags
}

module "secrets" {
  source = "../secrets"

  name                  = local.name
  provider_api_keys     = var.provider_api_keys
  admin_users           = var.admin_users
  proxy_secret          = var.origin_secret
  proxy_secret_previous = var.origin_secret_previous
  smoke_token           = var.smoke_token
  recovery_window_days  = var.deletion_protection ? 7 : 0
  tags                  = local.tags
}

# The story's guardrail (liminal.safety.checks names guardrail): every model's text is checked by it
module "guardrail" {
  source = "../guardrail"
  count  = local.use_guardrail ? 1 : 0

  name                    = local.name
  cross_region_profile_id = var.guardrail_cross_region_profile_id
  tags                    = local.tags
}

module "bedrock" {
  source = "../bedrock"

  name                      = local.name
  model_ids                 = distinct(concat([var.bedrock_model_id], var.bedrock_extra_model_ids))
  enable_invocation_logging = var.enable_bedrock_invocation_logging
  kms_key_arn               = module.kms.key_arn
  log_retention_days        = var.log_retention_days
  log_bucket_force_destroy  = !var.deletion_protection
  tags                      = local.tags
}

################################################################################
# The app: exactly one of the two compute modules
################################################################################

module "app_runner" {
  source = "../app-runner"
  count  = var.compute == "app_runner" ? 1 : 0

  name                     = local.name
  image_uri                = local.compute_inputs.image_uri
  ecr_repository_arn       = local.compute_inputs.ecr_repository_arn
  cpu                      = var.cpu
  memory                   = var.memory
  environment              = local.compute_inputs.environment
  secrets                  = local.compute_inputs.secrets
  secret_arns              = local.compute_inputs.secret_arns
  bedrock_model_arns       = local.compute_inputs.bedrock_model_arns
  sagemaker_endpoint_arns  = local.compute_inputs.sagemaker_endpoint_arns
  guardrail_arns           = local.compute_inputs.guardrail_arns
  comprehend_toxicity      = local.compute_inputs.comprehend_toxicity
  translate_text           = local.compute_inputs.translate_text
  db_connect_arns          = local.compute_inputs.db_connect_arns
  subnet_ids               = module.networking.private_subnet_ids
  security_group_ids       = [module.networking.app_security_group_id]
  origin_secret            = var.origin_secret
  origin_secret_previous   = var.origin_secret_previous
  min_instances            = var.min_instances
  max_instances            = var.max_instances
  max_concurrency          = var.max_concurrency
  permissions_boundary_arn = local.permissions_boundary_arn
  tags                     = local.tags
}

module "ecs_fargate" {
  source = "../ecs-fargate"
  count  = var.compute == "ecs_fargate" ? 1 : 0

  name                     = local.name
  image_uri                = local.compute_inputs.image_uri
  ecr_repository_arn       = local.compute_inputs.ecr_repository_arn
  cpu                      = var.cpu
  memory                   = var.memory
  environment              = local.compute_inputs.environment
  secrets                  = local.compute_inputs.secrets
  secret_arns              = local.compute_inputs.secret_arns
  bedrock_model_arns       = local.compute_inputs.bedrock_model_arns
  sagemaker_endpoint_arns  = local.compute_inputs.sagemaker_endpoint_arns
  guardrail_arns           = local.compute_inputs.guardrail_arns
  comprehend_toxicity      = local.compute_inputs.comprehend_toxicity
  translate_text           = local.compute_inputs.translate_text
  db_connect_arns          = local.compute_inputs.db_connect_arns
  vpc_id                   = module.networking.vpc_id
  subnet_ids               = module.networking.private_subnet_ids
  app_security_group_ids   = [module.networking.app_security_group_id]
  lb_security_group_ids    = [module.networking.lb_security_group_id]
  origin_secret            = var.origin_secret
  origin_secret_previous   = var.origin_secret_previous
  origin_domain_name       = local.origin_domain_name
  zone_id                  = local.use_domain ? module.dns_cert[0].zone_id : null
  min_instances            = var.min_instances
  max_instances            = var.max_instances
  lb_idle_timeout          = var.lb_idle_timeout
  deletion_protection      = var.deletion_protection
  log_bucket_force_destroy = !var.deletion_protection
  log_retention_days       = var.log_retention_days
  permissions_boundary_arn = local.permissions_boundary_arn
  tags                     = local.tags
}

################################################################################
# Edge: certificate + DNS, WAF, CloudFront
################################################################################

module "dns_cert" {
  source = "../dns-cert"
  count  = local.use_domain ? 1 : 0
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  zone_name                 = var.zone_name
  domain_name               = var.domain_name
  subject_alternative_names = var.subject_alternative_names
  cloudfront_domain_name    = module.cloudfront.domain_name
  cloudfront_hosted_zone_id = module.cloudfront.hosted_zone_id
  tags                      = local.tags
}

module "waf" {
  source = "../waf"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name               = local.name
  ride_post_limit    = var.ride_post_limit
  log_retention_days = var.log_retention_days
  tags               = local.tags
}

module "cloudfront" {
  source = "../cloudfront"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name                     = local.name
  origin_domain_name       = local.origin_domain
  vpc_origin_lb_arn        = one(module.ecs_fargate[*].lb_arn)
  origin_protocol_policy   = coalesce(one(module.ecs_fargate[*].origin_protocol_policy), "https-only")
  aliases                  = local.use_domain ? module.dns_cert[0].names : []
  acm_certificate_arn      = local.use_domain ? module.dns_cert[0].certificate_arn : null
  web_acl_arn              = module.waf.web_acl_arn
  origin_secret            = var.origin_secret
  origin_read_timeout      = var.cloudfront_origin_read_timeout
  origin_keepalive_timeout = var.cloudfront_origin_keepalive_timeout
  log_retention_days       = var.log_retention_days
  tags                     = local.tags
}

module "monitoring" {
  source = "../monitoring"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  name                        = local.name
  alarm_emails                = var.alarm_emails
  cloudfront_distribution_id  = module.cloudfront.distribution_id
  public_hostname             = local.public_hostname
  health_check_path           = local.db_can_pause ? "/health/live" : "/health/ready"
  compute                     = var.compute
  service_name                = local.name
  app_runner_service_id       = one(module.app_runner[*].service_id)
  ecs_cluster_name            = one(module.ecs_fargate[*].cluster_name)
  min_tasks                   = var.min_instances
  app_log_group_name          = local.app_log_group_name
  app_metrics_namespace       = local.metrics_namespace
  database_cluster_identifier = module.database.cluster_identifier
  web_acl_name                = module.waf.web_acl_name
  ai_daily_budget_usd         = var.ai_daily_budget_usd
  ai_monthly_budget_usd       = var.ai_monthly_budget_usd
  tags                        = local.tags
}

################################################################################
# Deploy bookkeeping: the commit whose Terraform and image last passed the smoke test here (deploy.yml
# writes it; a rollback applies that commit's Terraform with that commit's image)
################################################################################

resource "aws_ssm_parameter" "last_good_commit" {
  name        = "/liminal-transit/${var.environment}/last-good-commit"
  description = "Commit whose Terraform and image last passed the smoke test in ${var.environment} (written by deploy.yml)"
  type        = "String"
  value       = "none"

  tags = local.tags

  lifecycle {
    ignore_changes = [value]
  }
}
