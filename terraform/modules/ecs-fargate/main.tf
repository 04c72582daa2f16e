# The app on ECS (Fargate) behind an internal Application Load Balancer that only CloudFront reaches,
# as a CloudFront VPC origin. Everything is in private subnets: the tasks have no public address and
# reach the image registry, Secrets Manager, Bedrock and the other AI providers through NAT (S3 through
# a gateway endpoint). The listener forwards only requests that carry the CloudFront secret; anything
# else gets 403 from the load balancer itself. (ECS Express Mode was the first choice; see
# terraform/README.md for why its managed load balancer could not be closed to CloudFront.)

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

# the Elastic Load Balancing account of this region, which writes access logs in older regions
data "aws_elb_service_account" "current" {}

locals {
  account     = data.aws_caller_identity.current.account_id
  partition   = data.aws_partition.current.partition
  region      = data.aws_region.current.region
  container   = "app"
  use_tls     = var.origin_domain_name != null
  lb_log_path = "alb"
  # distinct: outside a rotation both secrets are the same value (previous defaults to current)
  accepted_secrets = distinct([var.origin_secret, coalesce(var.origin_secret_previous, var.origin_secret)])
  # The app keeps an idle connection open longer than the load balancer does (AWS's advice): the load
  # balancer then never sends a request on a connection the app is closing (a 502). A value given in
  # var.environment wins.
  environment = merge({ LIMINAL_WEB_IDLE_TIMEOUT = "${var.lb_idle_timeout + 15}s" }, var.environment)
}

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  tags = var.tags
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = ["FARGATE"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/${var.name}/application"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

################################################################################
# Roles: execution (pull, logs, secrets) and task (what the app may call); both under the
# environment's permissions boundary, which the deploy role must set on every role it creates
################################################################################

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }
  }
}

resource "aws_iam_role" "execution" {
  name_prefix          = "${var.name}-exec-"
  assume_role_policy   = data.aws_iam_policy_document.ecs_tasks_assume.json
  permissions_boundary = var.permissions_boundary_arn

  tags = var.tags
}

data "aws_iam_policy_document" "execution" {
  statement {
    sid       = "PullTheImage"
    actions   = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]
    resources = [var.ecr_repository_arn]
  }

  statement {
    sid       = "RegistryLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid       = "WriteTheLogGroup"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.app.arn}:*"]
  }

  dynamic "statement" {
    for_each = length(var.secret_arns) > 0 ? [1] : []

    content {
      sid       = "ReadOwnSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = var.secret_arns
    }
  }
}

resource "aws_iam_role_policy" "execution" {
  name   = "pull-log-secrets"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

resource "aws_iam_role" "task" {
  name_prefix          = "${var.name}-task-"
  assume_role_policy   = data.aws_iam_policy_document.ecs_tasks_assume.json
  permissions_boundary = var.permissions_boundary_arn

  tags = var.tags
}

data "aws_iam_policy_document" "task" {
  statement {
    sid       = "InvokeConfiguredModelsOnly"
    actions   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
    resources = length(var.bedrock_model_arns) > 0 ? var.bedrock_model_arns : ["arn:${local.partition}:bedrock:none::foundation-model/none"]
  }

  dynamic "statement" {
    for_each = length(var.sagemaker_endpoint_arns) > 0 ? [1] : []

    content {
      sid       = "InvokeSageMakerEndpoints"
      actions   = ["sagemaker:InvokeEndpoint", "sagemaker:InvokeEndpointWithResponseStream"]
      resources = var.sagemaker_endpoint_arns
    }
  }

  dynamic "statement" {
    for_each = length(var.guardrail_arns) > 0 ? [1] : []

    content {
      sid       = "ApplyTheConfiguredGuardrailOnly"
      actions   = ["bedrock:ApplyGuardrail"]
      resources = var.guardrail_arns
    }
  }

  dynamic "statement" {
    for_each = var.translate_text ? [1] : []

    content {
      # TranslateText names no resource but the terminology it applies; the account holds only ours
      sid       = "TranslateOfflinePassages"
      actions   = ["translate:TranslateText"]
      resources = ["*"]
    }
  }

  dynamic "statement" {
    for_each = var.comprehend_toxicity ? [1] : []

    content {
      # DetectToxicContent has no resource-level permissions: the resource can only be "*"
      sid       = "DetectToxicContent"
      actions   = ["comprehend:DetectToxicContent"]
      resources = ["*"]
    }
  }

  dynamic "statement" {
    for_each = length(var.db_connect_arns) > 0 ? [1] : []

    content {
      sid       = "SignInToTheDatabaseAsTheAppUser"
      actions   = ["rds-db:connect"]
      resources = var.db_connect_arns
    }
  }
}

resource "aws_iam_role_policy" "task" {
  name   = "liminal-app"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.task.json
}

################################################################################
# Task definition and service
################################################################################

resource "aws_ecs_task_definition" "this" {
  family                   = var.name
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  # the root file system is read-only (as in docker/docker-compose.prod.yml); the JVM writes to /tmp only
  volume {
    name = "tmp"
  }

  container_definitions = jsonencode([
    {
      name        = local.container
      image       = var.image_uri
      essential   = true
      environment = [for k in sort(keys(local.environment)) : { name = k, value = local.environment[k] }]
      secrets     = [for k in sort(keys(var.secrets)) : { name = k, valueFrom = var.secrets[k] }]
      portMappings = [
        { containerPort = var.port, protocol = "tcp" },
      ]
      readonlyRootFilesystem = true
      mountPoints = [
        { sourceVolume = "tmp", containerPath = "/tmp", readOnly = false },
      ]
      # SIGTERM, then this long before SIGKILL: a step in flight (at most the 20 s step deadline) finishes
      stopTimeout = 30
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.app.name
          awslogs-region        = local.region
          awslogs-stream-prefix = "app"
        }
      }
    },
  ])

  tags = var.tags
}

resource "aws_ecs_service" "this" {
  name                               = var.name
  cluster                            = aws_ecs_cluster.this.arn
  task_definition                    = aws_ecs_task_definition.this.arn
  desired_count                      = var.min_instances
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200
  health_check_grace_period_seconds  = 60
  propagate_tags                     = "SERVICE"
  enable_ecs_managed_tags            = true
  # the apply returns once the new tasks are healthy behind the load balancer; if they never are, the
  # circuit breaker rolls back and deploy.sh notices that the primary deployment is not this revision
  wait_for_steady_state = true

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = var.app_security_group_ids
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = local.container
    container_port   = var.port
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  tags = var.tags

  lifecycle {
    # auto scaling owns the running count between min_instances and max_instances
    ignore_changes = [desired_count]
  }

  depends_on = [
    aws_ecs_cluster_capacity_providers.this,
    aws_lb_listener_rule.from_cloudfront,
    aws_iam_role_policy.execution,
    aws_iam_role_policy.task,
  ]
}

resource "aws_appautoscaling_target" "this" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.this.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.min_instances
  max_capacity       = var.max_instances

  tags = var.tags
}

# Requests per task: a step waits on a model, so CPU alone would not see a queue of players
resource "aws_appautoscaling_policy" "requests" {
  name               = "${var.name}-requests-per-task"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.requests_per_task_per_minute
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${aws_lb.this.arn_suffix}/${aws_lb_target_group.app.arn_suffix}"
    }
  }
}

resource "aws_appautoscaling_policy" "cpu" {
  name               = "${var.name}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this.service_namespace
  resource_id        = aws_appautoscaling_target.this.resource_id
  scalable_dimension = aws_appautoscaling_target.this.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.cpu_target_percent
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

################################################################################
# Internal load balancer: the CloudFront VPC origin
################################################################################

resource "aws_lb" "this" {
  name                       = substr(var.name, 0, 32)
  internal                   = true
  load_balancer_type         = "application"
  security_groups            = var.lb_security_group_ids
  subnets                    = var.subnet_ids
  drop_invalid_header_fields = true
  # a connection may stay silent this long, on both sides of the load balancer: longer than a stop's
  # event stream goes without an SSE comment (15 s) and than a step takes (20 s); longer than
  # CloudFront keeps an idle connection (30 s), so that CloudFront closes it first
  idle_timeout               = var.lb_idle_timeout
  enable_deletion_protection = var.deletion_protection

  access_logs {
    bucket  = aws_s3_bucket.lb_logs.id
    prefix  = local.lb_log_path
    enabled = true
  }

  tags = var.tags

  depends_on = [aws_s3_bucket_policy.lb_logs]
}

resource "aws_lb_target_group" "app" {
  name_prefix = "app-"
  port        = var.port
  protocol    = "HTTP"
  # HTTP/1.1 to the tasks (the default, said outright): a stop's event stream is a chunked HTTP/1.1
  # response that the app flushes event by event
  protocol_version     = "HTTP1"
  target_type          = "ip"
  vpc_id               = var.vpc_id
  deregistration_delay = 30

  health_check {
    path                = var.health_check_path
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_lb_listener" "https" {
  count = local.use_tls ? 1 : 0

  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate_validation.origin[0].certificate_arn

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "Forbidden"
      status_code  = "403"
    }
  }

  tags = var.tags
}

# Only without a domain (dev on *.cloudfront.net): no certificate can name the load balancer, and the
# hop from CloudFront is a VPC origin inside AWS's network to a load balancer with no public address.
#trivy:ignore:AVD-AWS-0054
resource "aws_lb_listener" "http" {
  count = local.use_tls ? 0 : 1

  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "Forbidden"
      status_code  = "403"
    }
  }

  tags = var.tags
}

# The CloudFront secret (current or previous, during a rotation) opens the way to the tasks; the load
# balancer's own health checks go to the targets directly and need no secret
resource "aws_lb_listener_rule" "from_cloudfront" {
  listener_arn = one(concat(aws_lb_listener.https[*].arn, aws_lb_listener.http[*].arn))
  priority     = 10

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }

  condition {
    http_header {
      http_header_name = "X-Liminal-Proxy-Secret"
      values           = local.accepted_secrets
    }
  }

  tags = var.tags
}

################################################################################
# Certificate and name of the origin (with a domain): CloudFront checks the load balancer's
# certificate against the origin's domain name
################################################################################

resource "aws_acm_certificate" "origin" {
  count = local.use_tls ? 1 : 0

  domain_name       = var.origin_domain_name
  validation_method = "DNS"
  key_algorithm     = "EC_prime256v1"

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "origin_validation" {
  for_each = local.use_tls ? { for o in aws_acm_certificate.origin[0].domain_validation_options : o.domain_name => o } : {}

  zone_id         = var.zone_id
  name            = each.value.resource_record_name
  type            = each.value.resource_record_type
  records         = [each.value.resource_record_value]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "origin" {
  count = local.use_tls ? 1 : 0

  certificate_arn         = aws_acm_certificate.origin[0].arn
  validation_record_fqdns = [for r in aws_route53_record.origin_validation : r.fqdn]
}

resource "aws_route53_record" "origin" {
  count = local.use_tls ? 1 : 0

  zone_id = var.zone_id
  name    = var.origin_domain_name
  type    = "A"

  alias {
    name                   = aws_lb.this.dns_name
    zone_id                = aws_lb.this.zone_id
    evaluate_target_health = false
  }
}

################################################################################
# Access logs of the load balancer
################################################################################

resource "aws_s3_bucket" "lb_logs" {
  bucket_prefix = "${var.name}-lb-logs-"
  force_destroy = var.log_bucket_force_destroy

  tags = var.tags
}

resource "aws_s3_bucket_public_access_block" "lb_logs" {
  bucket                  = aws_s3_bucket.lb_logs.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "lb_logs" {
  bucket = aws_s3_bucket.lb_logs.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# Elastic Load Balancing delivers access logs only to buckets encrypted with S3-managed keys; the logs
# hold addresses, paths and timings, no players' text.
#trivy:ignore:AVD-AWS-0132
resource "aws_s3_bucket_server_side_encryption_configuration" "lb_logs" {
  bucket = aws_s3_bucket.lb_logs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "lb_logs" {
  bucket = aws_s3_bucket.lb_logs.id

  rule {
    id     = "expire"
    status = "Enabled"

    filter {}

    expiration {
      days = var.log_retention_days
    }
  }
}

data "aws_iam_policy_document" "lb_logs" {
  statement {
    sid       = "LoadBalancerAccessLogs"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.lb_logs.arn}/${local.lb_log_path}/AWSLogs/${local.account}/*"]

    principals {
      type        = "AWS"
      identifiers = [data.aws_elb_service_account.current.arn]
    }
  }

  statement {
    sid       = "LoadBalancerAccessLogsNewerRegions"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.lb_logs.arn}/${local.lb_log_path}/AWSLogs/${local.account}/*"]

    principals {
      type        = "Service"
      identifiers = ["logdelivery.elasticloadbalancing.amazonaws.com"]
    }
  }

  statement {
    sid       = "TlsOnly"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.lb_logs.arn, "${aws_s3_bucket.lb_logs.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "lb_logs" {
  bucket = aws_s3_bucket.lb_logs.id
  policy = data.aws_iam_policy_document.lb_logs.json

  depends_on = [aws_s3_bucket_public_access_block.lb_logs]
}
