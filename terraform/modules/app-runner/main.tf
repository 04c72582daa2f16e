# App Runner: closed to new customers since 2026-04-30; for accounts that already use it.
# Accounts without it use the ecs-fargate module (same inputs).
#
# App Runner's private ingress (a VPC interface endpoint) is out of CloudFront's reach, so the service
# stays public and the CloudFront secret is required instead: a regional WAF web ACL on the service
# blocks (403) every request without X-Liminal-Proxy-Secret (current or previous), and the app itself
# answers 403 to such requests (liminal.web.proxy-secret).

data "aws_caller_identity" "current" {}

################################################################################
# Roles: access (pull from ECR) and instance (what the running app may do)
################################################################################

data "aws_iam_policy_document" "access_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["build.apprunner.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "access" {
  name_prefix          = "${var.name}-ar-access-"
  assume_role_policy   = data.aws_iam_policy_document.access_assume.json
  permissions_boundary = var.permissions_boundary_arn

  tags = var.tags
}

resource "aws_iam_role_policy" "access" {
  name = "pull-image"
  role = aws_iam_role.access.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability", "ecr:DescribeImages"]
        Resource = var.ecr_repository_arn
      },
      {
        Effect   = "Allow"
        Action   = ["ecr:GetAuthorizationToken"]
        Resource = "*"
      },
    ]
  })
}

data "aws_iam_policy_document" "instance_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["tasks.apprunner.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "instance" {
  name_prefix          = "${var.name}-ar-instance-"
  assume_role_policy   = data.aws_iam_policy_document.instance_assume.json
  permissions_boundary = var.permissions_boundary_arn

  tags = var.tags
}

data "aws_iam_policy_document" "app" {
  statement {
    sid       = "InvokeConfiguredModelsOnly"
    actions   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
    resources = length(var.bedrock_model_arns) > 0 ? var.bedrock_model_arns : ["arn:aws:bedrock:none::foundation-model/none"]
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

  dynamic "statement" {
    for_each = length(var.secret_arns) > 0 ? [1] : []

    content {
      sid       = "ReadOwnSecrets"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = var.secret_arns
    }
  }
}

resource "aws_iam_role_policy" "instance" {
  name   = "liminal-app"
  role   = aws_iam_role.instance.id
  policy = data.aws_iam_policy_document.app.json
}

################################################################################
# Service
################################################################################

resource "aws_apprunner_auto_scaling_configuration_version" "this" {
  auto_scaling_configuration_name = substr(var.name, 0, 32)
  max_concurrency                 = var.max_concurrency
  min_size                        = var.min_instances
  max_size                        = var.max_instances

  tags = var.tags
}

resource "aws_apprunner_vpc_connector" "this" {
  vpc_connector_name = substr(var.name, 0, 40)
  subnets            = var.subnet_ids
  security_groups    = var.security_group_ids

  tags = var.tags
}

resource "aws_apprunner_service" "this" {
  service_name                   = var.name
  auto_scaling_configuration_arn = aws_apprunner_auto_scaling_configuration_version.this.arn

  source_configuration {
    auto_deployments_enabled = false

    authentication_configuration {
      access_role_arn = aws_iam_role.access.arn
    }

    image_repository {
      image_identifier      = var.image_uri
      image_repository_type = "ECR"

      image_configuration {
        port                          = tostring(var.port)
        runtime_environment_variables = var.environment
        runtime_environment_secrets   = var.secrets
      }
    }
  }

  instance_configuration {
    cpu               = var.cpu
    memory            = var.memory
    instance_role_arn = aws_iam_role.instance.arn
  }

  health_check_configuration {
    protocol            = "HTTP"
    path                = var.health_check_path
    interval            = 10
    timeout             = 5
    healthy_threshold   = 1
    unhealthy_threshold = 3
  }

  network_configuration {
    # public, because CloudFront must reach it; closed by the web ACL below and by the app itself
    ingress_configuration {
      is_publicly_accessible = true
    }

    egress_configuration {
      egress_type       = "VPC"
      vpc_connector_arn = aws_apprunner_vpc_connector.this.arn
    }
  }

  tags = var.tags

  depends_on = [aws_iam_role_policy.access, aws_iam_role_policy.instance]
}

################################################################################
# The CloudFront secret, required in front of the service
################################################################################

resource "aws_wafv2_web_acl" "origin" {
  name        = "${var.name}-origin"
  description = "Only CloudFront (X-Liminal-Proxy-Secret) reaches ${var.name}; health checks excepted"
  scope       = "REGIONAL"

  default_action {
    block {}
  }

  rule {
    name     = "cloudfront-secret"
    priority = 0

    action {
      allow {}
    }

    statement {
      or_statement {
        statement {
          byte_match_statement {
            search_string         = var.origin_secret
            positional_constraint = "EXACTLY"

            field_to_match {
              single_header {
                name = "x-liminal-proxy-secret"
              }
            }

            text_transformation {
              priority = 0
              type     = "NONE"
            }
          }
        }

        statement {
          byte_match_statement {
            search_string         = coalesce(var.origin_secret_previous, var.origin_secret)
            positional_constraint = "EXACTLY"

            field_to_match {
              single_header {
                name = "x-liminal-proxy-secret"
              }
            }

            text_transformation {
              priority = 0
              type     = "NONE"
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name}-origin-cloudfront-secret"
      sampled_requests_enabled   = false
    }
  }

  rule {
    name     = "health-checks"
    priority = 1

    action {
      allow {}
    }

    statement {
      byte_match_statement {
        search_string         = "/health/"
        positional_constraint = "STARTS_WITH"

        field_to_match {
          uri_path {}
        }

        text_transformation {
          priority = 0
          type     = "NONE"
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name}-origin-health"
      sampled_requests_enabled   = false
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = "${var.name}-origin"
    sampled_requests_enabled   = false
  }

  tags = var.tags
}

resource "aws_wafv2_web_acl_association" "origin" {
  resource_arn = aws_apprunner_service.this.arn
  web_acl_arn  = aws_wafv2_web_acl.origin.arn
}
