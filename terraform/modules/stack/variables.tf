variable "environment" {
  description = "Environment name: dev, staging or production."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "production"], var.environment)
    error_message = "environment must be dev, staging or production."
  }
}

variable "compute" {
  description = "Where the container runs: ecs_fargate (ECS on Fargate behind an internal load balancer that only CloudFront reaches; any account) or app_runner (accounts that already use App Runner; closed to new customers since 2026-04-30)."
  type        = string
  default     = "ecs_fargate"

  validation {
    condition     = contains(["app_runner", "ecs_fargate"], var.compute)
    error_message = "compute must be app_runner or ecs_fargate."
  }
}

variable "image_tag" {
  description = "Tag of the image in this environment's ECR repository to run (the git sha deploy.yml pushed)."
  type        = string
}

variable "zone_name" {
  description = "Existing Route 53 public hosted zone; null together with domain_name serves on *.cloudfront.net only."
  type        = string
  default     = null
}

variable "domain_name" {
  description = "Domain players use (e.g. staging.liminal-transit.com); null serves on *.cloudfront.net only."
  type        = string
  default     = null
}

variable "subject_alternative_names" {
  description = "Further domain names of the site (e.g. www.liminal-transit.com)."
  type        = list(string)
  default     = []
}

variable "vpc_cidr" {
  description = "IPv4 CIDR block of the VPC."
  type        = string
  default     = "10.40.0.0/16"
}

variable "az_count" {
  description = "Availability zones used by subnets and the database."
  type        = number
  default     = 2
}

variable "single_nat_gateway" {
  description = "One shared NAT gateway (cheaper) instead of one per availability zone."
  type        = bool
  default     = true
}

variable "cpu" {
  description = "CPU units per instance/task (1024 = 1 vCPU)."
  type        = string
  default     = "1024"
}

variable "memory" {
  description = "Memory per instance/task in MiB."
  type        = string
  default     = "2048"
}

variable "min_instances" {
  description = "Minimum instances/tasks."
  type        = number
  default     = 1
}

variable "max_instances" {
  description = "Maximum instances/tasks."
  type        = number
  default     = 4
}

variable "use_permissions_boundary" {
  description = "Set the environment's permissions boundary (liminal-ENV-boundary, created by terraform/bootstrap) on every role; the scoped deploy roles can create roles only with it."
  type        = bool
  default     = true
}

variable "max_concurrency" {
  description = "App Runner: concurrent requests per instance before scaling out."
  type        = number
  default     = 50
}

variable "db_min_capacity" {
  description = "Aurora Serverless v2 minimum ACUs (0 = pause when idle: the app then keeps no idle connection and the availability probe uses liveness)."
  type        = number
  default     = 0.5
}

variable "db_max_capacity" {
  description = "Aurora Serverless v2 maximum ACUs."
  type        = number
  default     = 4
}

variable "db_seconds_until_auto_pause" {
  description = "Idle seconds before the cluster pauses (only with db_min_capacity 0)."
  type        = number
  default     = null
}

variable "db_instance_count" {
  description = "Aurora instances (2+ for a standby writer in another zone)."
  type        = number
  default     = 1
}

variable "db_backup_retention_days" {
  description = "Days of automated database backups."
  type        = number
  default     = 7
}

variable "deletion_protection" {
  description = "Deletion protection and final snapshot for the database, no force-delete of ECR and log buckets (false only in dev)."
  type        = bool
  default     = true
}

variable "ai_chain" {
  description = "liminal.ai.chain: ordered providers, ending with offline (e.g. bedrock,offline)."
  type        = string
  default     = "bedrock,offline"

  validation {
    condition     = endswith(var.ai_chain, "offline")
    error_message = "The chain must end with offline, so that a ride never dead-ends."
  }
}

variable "bedrock_model_id" {
  description = "liminal.ai.bedrock.model-id: the model the bedrock provider calls."
  type        = string
}

variable "bedrock_extra_model_ids" {
  description = "Further Bedrock model ids the app may invoke (e.g. for the admin's provider comparison)."
  type        = list(string)
  default     = []
}

variable "safety_checks" {
  description = "liminal.safety.checks: the checks every model's text passes before a player reads it (rules, comprehend, guardrail). With guardrail, this stack creates the story's guardrail; with comprehend, the app may call DetectToxicContent (English only)."
  type        = string
  default     = "rules,guardrail"

  validation {
    condition     = contains(split(",", var.safety_checks), "rules") && alltrue([for c in split(",", var.safety_checks) : contains(["rules", "comprehend", "guardrail"], trimspace(c))])
    error_message = "safety_checks lists rules, comprehend and guardrail only, and rules always."
  }
}

variable "translate_offline" {
  description = "Translate the offline storyteller's English with Amazon Translate for rides in other languages (liminal.translate.*, with the terminology deploy.sh imports). False: those passages stay English, marked lang=en."
  type        = bool
  default     = true
}

variable "safety_on_unavailable" {
  description = "liminal.safety.on-unavailable: what a step does while a classifier is down or throttled (offline: the offline storyteller writes it; allow-rules-only)."
  type        = string
  default     = "offline"

  validation {
    condition     = contains(["offline", "allow-rules-only"], var.safety_on_unavailable)
    error_message = "safety_on_unavailable must be offline or allow-rules-only."
  }
}

variable "guardrail_cross_region_profile_id" {
  description = "Guardrail profile for cross-Region inference (e.g. us.guardrail.v1:0): the Standard tier, about 60 languages (German and Japanese among them). Null: the Classic tier (English, French, Spanish); other languages then fail closed unless comprehend covers them."
  type        = string
  default     = null
}

variable "enable_bedrock_invocation_logging" {
  description = "Configure Bedrock invocation logging in this region (one configuration per account and region)."
  type        = bool
  default     = true
}

variable "provider_api_keys" {
  description = "Providers whose API key is kept in Secrets Manager (anthropic, openai)."
  type        = set(string)
  default     = []
}

variable "sagemaker_endpoint_name" {
  description = "liminal.ai.sagemaker.endpoint-name; null when SageMaker is not used."
  type        = string
  default     = null
}

variable "admin_users" {
  description = "liminal.admin.users: writers' user names; their bcrypt hashes go into Secrets Manager."
  type        = list(string)
  default     = []
}

variable "extra_environment" {
  description = "Further plain configuration for the app (MicroProfile Config environment form, e.g. LIMINAL_AI_OPENAI_MODEL)."
  type        = map(string)
  default     = {}
}

variable "stream_enabled" {
  description = "liminal.stream.enabled: a choice made with JavaScript on is shown sentence by sentence over GET /stories/{id}/stops/{n}/stream. null: on with ecs_fargate, off with app_runner (whether App Runner passes server-sent events unbuffered is unproven; terraform/README.md). false if a hop turns out to buffer the stream: players then get the whole stop at once, as without streaming."
  type        = bool
  default     = null
}

variable "stream_keep_alive_seconds" {
  description = "liminal.stream.keep-alive in seconds: an open event stream sends an SSE comment after this long without an event, at least 5 s inside CloudFront's origin read timeout and the load balancer's idle timeout."
  type        = number
  default     = 15

  validation {
    condition     = var.stream_keep_alive_seconds >= 1 && var.stream_keep_alive_seconds + 5 <= var.cloudfront_origin_read_timeout && var.stream_keep_alive_seconds + 5 <= var.lb_idle_timeout
    error_message = "stream_keep_alive_seconds must be at least 1 and at least 5 s below cloudfront_origin_read_timeout and lb_idle_timeout, or idle streams are cut."
  }
}

variable "cloudfront_origin_read_timeout" {
  description = "Seconds CloudFront waits for the app's first bytes and between two packets of a response (default 30; 21 to 60 without a quota increase): above the 20 s step deadline and the stream keep-alive."
  type        = number
  default     = 30
}

variable "cloudfront_origin_keepalive_timeout" {
  description = "Seconds CloudFront keeps an idle connection to the origin for the next request (1 to 60); below lb_idle_timeout, so that CloudFront closes it before the load balancer does."
  type        = number
  default     = 30
}

variable "lb_idle_timeout" {
  description = "ecs_fargate: seconds a connection through the load balancer may stay silent (ELB's default 60). At least cloudfront_origin_read_timeout and above cloudfront_origin_keepalive_timeout; the app's idle timeout is set 15 s above it."
  type        = number
  default     = 60

  validation {
    condition     = var.lb_idle_timeout >= var.cloudfront_origin_read_timeout && var.lb_idle_timeout > var.cloudfront_origin_keepalive_timeout
    error_message = "lb_idle_timeout must be at least cloudfront_origin_read_timeout and above cloudfront_origin_keepalive_timeout."
  }
}

variable "ride_post_limit" {
  description = "WAF: ride and choice POSTs per IP per 5 minutes."
  type        = number
  default     = 100
}

variable "origin_secret" {
  description = "Shared secret CloudFront sends to the origin (32 to 128 characters of base64, e.g. openssl rand -base64 33); from CI as TF_VAR_origin_secret, never in tfvars."
  type        = string
  sensitive   = true

  validation {
    # no * or ?: the load balancer's header condition treats them as wildcards
    condition     = can(regex("^[A-Za-z0-9+/=_.-]{32,128}$", var.origin_secret))
    error_message = "The origin secret must be 32 to 128 characters of A-Z a-z 0-9 + / = _ . - (e.g. openssl rand -base64 33)."
  }
}

variable "origin_secret_previous" {
  description = "The other secret still accepted during a rotation (TF_VAR_origin_secret_previous); null or empty outside a rotation."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.origin_secret_previous == null ? true : (var.origin_secret_previous == "" || can(regex("^[A-Za-z0-9+/=_.-]{32,128}$", var.origin_secret_previous)))
    error_message = "The previous origin secret must be empty or 32 to 128 characters of A-Z a-z 0-9 + / = _ . -."
  }
}

variable "smoke_token" {
  description = "Marker of the deploy smoke test's rides (TF_VAR_smoke_token from the GitHub secret SMOKE_TOKEN, at least 32 characters); null or empty: smoke rides are not marked."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.smoke_token == null ? true : (var.smoke_token == "" || length(var.smoke_token) >= 32)
    error_message = "The smoke token must be empty or at least 32 characters long."
  }
}

variable "ai_daily_budget_usd" {
  description = "liminal.ai.daily-budget-usd: once a day's stored steps cost this much, rides continue on offline; also the base of the AI budget alarm."
  type        = number
  default     = 10
}

variable "ai_monthly_budget_usd" {
  description = "AWS Budgets limit of the account's monthly Bedrock cost (e-mailed to alarm_emails); null for none. Account-wide: set it in one environment."
  type        = number
  default     = null
}

variable "alarm_emails" {
  description = "E-mail addresses that receive the alarms and budget notices; required outside dev (from CI as TF_VAR_alarm_emails, a JSON list)."
  type        = list(string)
  default     = []

  validation {
    condition     = var.environment == "dev" || length(var.alarm_emails) > 0
    error_message = "staging and production need at least one alarm e-mail address (GitHub variable ALARM_EMAILS, a JSON list)."
  }
}

variable "log_retention_days" {
  description = "Retention of every log this environment keeps: application, database, Bedrock invocations, CloudFront, WAF and load balancer access logs."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags applied to every resource (Project, Environment and ManagedBy are added)."
  type        = map(string)
  default     = {}
}
