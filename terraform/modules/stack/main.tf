# One environment of Liminal Transit: network, database, secrets, image repository, the app on
# App Runner or ECS Express (var.compute), CloudFront + WAF in front, DNS, Bedrock logging, monitoring.

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

locals {
  name              = "liminal-${var.environment}"
  metrics_namespace = "LiminalTransit/${var.environment}"
  use_domain        = var.domain_name != null
  tags = merge(var.tags, {
    Project     = "liminal-transit"
    Environment = var.environment
    ManagedBy   = "terraform"
  })

  app_environment = merge(
    {
      LIMINAL_DB_URL                    = module.database.jdbc_url
      LIMINAL_DB_USER                   = module.database.master_username
      LIMINAL_AI_CHAIN                  = var.ai_chain
      LIMINAL_AI_BEDROCK_REGION         = data.aws_region.current.region
      LIMINAL_AI_BEDROCK_MODEL_ID       = var.bedrock_model_id
      LIMINAL_ADMIN_USERS               = join(",", var.admin_users)
      LIMINAL_WEB_TRUST_FORWARDED       = "true"
      LIMINAL_WEB_CLIENT_ADDRESS_HEADER = "X-Liminal-Client-Ip"
      LIMINAL_METRICS_EMF_NAMESPACE     = local.metrics_namespace
    },
    var.sagemaker_endpoint_name == null ? {} : { LIMINAL_AI_SAGEMAKER_ENDPOINT_NAME = var.sagemaker_endpoint_name },
    var.extra_environment,
  )

  # the RDS-managed secret is JSON {"username","password"}: the ARN:key:: form selects the password
  app_secrets = merge(module.secrets.env_secrets, {
    LIMINAL_DB_PASSWORD = "${module.database.master_user_secret_arn}:password::"
  })
  secret_arns = concat(module.secrets.secret_arns, [module.database.master_user_secret_arn])

  sagemaker_endpoint_arns = var.sagemaker_endpoint_name == null ? [] : [
    "arn:aws:sagemaker:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:endpoint/${lower(var.sagemaker_endpoint_name)}"
  ]

  compute_inputs = {
    image_uri               = "${module.ecr.repository_url}:${var.image_tag}"
    ecr_repository_arn      = module.ecr.repository_arn
    environment             = local.app_environment
    secrets                 = local.app_secrets
    secret_arns             = local.secret_arns
    bedrock_model_arns      = module.bedrock.model_arns
    sagemaker_endpoint_arns = local.sagemaker_endpoint_arns
  }

  origin_domain      = one(concat(module.app_runner[*].origin_domain, module.ecs_express[*].origin_domain))
  service_url        = one(concat(module.app_runner[*].service_url, module.ecs_express[*].service_url))
  app_log_group_name = one(concat(module.app_runner[*].app_log_group_name, module.ecs_express[*].app_log_group_name))
  public_hostname    = local.use_domain ? var.domain_name : module.cloudfront.domain_name
}

module "networking" {
  source = "../networking"

  name               = local.name
  cidr_block         = var.vpc_cidr
  az_count           = var.az_count
  single_nat_gateway = var.single_nat_gateway
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
  min_capacity             = var.db_min_capacity
  max_capacity             = var.db_max_capacity
  seconds_until_auto_pause = var.db_seconds_until_auto_pause
  instance_count           = var.db_instance_count
  backup_retention_days    = var.db_backup_retention_days
  deletion_protection      = var.deletion_protection
  tags                     = local.tags
}

module "secrets" {
  source = "../secrets"

  name                 = local.name
  provider_api_keys    = var.provider_api_keys
  admin_users          = var.admin_users
  proxy_secret         = var.origin_secret
  recovery_window_days = var.deletion_protection ? 7 : 0
  tags                 = local.tags
}

module "bedrock" {
  source = "../bedrock"

  name                      = local.name
  model_ids                 = distinct(concat([var.bedrock_model_id], var.bedrock_extra_model_ids))
  enable_invocation_logging = var.enable_bedrock_invocation_logging
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

  name                    = local.name
  image_uri               = local.compute_inputs.image_uri
  ecr_repository_arn      = local.compute_inputs.ecr_repository_arn
  cpu                     = var.cpu
  memory                  = var.memory
  environment             = local.compute_inputs.environment
  secrets                 = local.compute_inputs.secrets
  secret_arns             = local.compute_inputs.secret_arns
  bedrock_model_arns      = local.compute_inputs.bedrock_model_arns
  sagemaker_endpoint_arns = local.compute_inputs.sagemaker_endpoint_arns
  subnet_ids              = module.networking.private_subnet_ids
  security_group_ids      = [module.networking.app_security_group_id]
  min_instances           = var.min_instances
  max_instances           = var.max_instances
  max_concurrency         = var.max_concurrency
  tags                    = local.tags
}

module "ecs_express" {
  source = "../ecs-express"
  count  = var.compute == "ecs_express" ? 1 : 0

  name                    = local.name
  image_uri               = local.compute_inputs.image_uri
  ecr_repository_arn      = local.compute_inputs.ecr_repository_arn
  cpu                     = var.cpu
  memory                  = var.memory
  environment             = local.compute_inputs.environment
  secrets                 = local.compute_inputs.secrets
  secret_arns             = local.compute_inputs.secret_arns
  bedrock_model_arns      = local.compute_inputs.bedrock_model_arns
  sagemaker_endpoint_arns = local.compute_inputs.sagemaker_endpoint_arns
  # public subnets: ECS Express then builds an internet-facing load balancer that CloudFront can reach
  subnet_ids         = module.networking.public_subnet_ids
  security_group_ids = [module.networking.app_security_group_id]
  min_instances      = var.min_instances
  max_instances      = var.max_instances
  log_retention_days = var.log_retention_days
  tags               = local.tags
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

  name            = local.name
  ride_post_limit = var.ride_post_limit
  tags            = local.tags
}

module "cloudfront" {
  source = "../cloudfront"

  name                = local.name
  origin_domain_name  = local.origin_domain
  aliases             = local.use_domain ? module.dns_cert[0].names : []
  acm_certificate_arn = local.use_domain ? module.dns_cert[0].certificate_arn : null
  web_acl_arn         = module.waf.web_acl_arn
  origin_secret       = var.origin_secret
  tags                = local.tags
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
  compute                     = var.compute
  service_name                = local.name
  app_runner_service_id       = one(module.app_runner[*].service_id)
  ecs_cluster_name            = one(module.ecs_express[*].cluster_name)
  app_log_group_name          = local.app_log_group_name
  app_metrics_namespace       = local.metrics_namespace
  database_cluster_identifier = module.database.cluster_identifier
  web_acl_name                = module.waf.web_acl_name
  tags                        = local.tags
}
