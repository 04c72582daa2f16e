# ECS Express Mode: ECS provisions the load balancer (HTTPS on *.ecs.REGION.on.aws), target group,
# security groups and auto scaling for one primary container; available to every account.

data "aws_region" "current" {}

data "aws_partition" "current" {}

resource "aws_ecs_cluster" "this" {
  name = var.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }

  tags = var.tags
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/${var.name}/application"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

################################################################################
# Roles: execution (pull, logs, secrets), infrastructure (ECS builds the ALB), task (the app)
################################################################################

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name_prefix        = "${var.name}-exec-"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json

  tags = var.tags
}

resource "aws_iam_role_policy" "execution" {
  name = "pull-log-secrets"
  role = aws_iam_role.execution.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [
        {
          Effect   = "Allow"
          Action   = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability"]
          Resource = var.ecr_repository_arn
        },
        {
          Effect   = "Allow"
          Action   = ["ecr:GetAuthorizationToken"]
          Resource = "*"
        },
        {
          Effect   = "Allow"
          Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
          Resource = "${aws_cloudwatch_log_group.app.arn}:*"
        },
      ],
      length(var.secret_arns) > 0 ? [{
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = var.secret_arns
      }] : [],
    )
  })
}

data "aws_iam_policy_document" "infrastructure_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "infrastructure" {
  name_prefix        = "${var.name}-infra-"
  assume_role_policy = data.aws_iam_policy_document.infrastructure_assume.json

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "infrastructure" {
  role       = aws_iam_role.infrastructure.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices"
}

resource "aws_iam_role" "task" {
  name_prefix        = "${var.name}-task-"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json

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
      actions   = ["sagemaker:InvokeEndpoint"]
      resources = var.sagemaker_endpoint_arns
    }
  }
}

resource "aws_iam_role_policy" "task" {
  name   = "liminal-app"
  role   = aws_iam_role.task.id
  policy = data.aws_iam_policy_document.app.json
}

################################################################################
# Service
################################################################################

resource "aws_ecs_express_gateway_service" "this" {
  service_name            = var.name
  cluster                 = aws_ecs_cluster.this.name
  cpu                     = var.cpu
  memory                  = var.memory
  health_check_path       = var.health_check_path
  execution_role_arn      = aws_iam_role.execution.arn
  infrastructure_role_arn = aws_iam_role.infrastructure.arn
  task_role_arn           = aws_iam_role.task.arn
  wait_for_steady_state   = true

  network_configuration {
    subnets         = var.subnet_ids
    security_groups = var.security_group_ids
  }

  primary_container {
    image          = var.image_uri
    container_port = var.port

    aws_logs_configuration {
      log_group         = aws_cloudwatch_log_group.app.name
      log_stream_prefix = "app"
    }

    dynamic "environment" {
      for_each = var.environment

      content {
        name  = environment.key
        value = environment.value
      }
    }

    dynamic "secret" {
      for_each = var.secrets

      content {
        name       = secret.key
        value_from = secret.value
      }
    }
  }

  scaling_target {
    min_task_count            = var.min_instances
    max_task_count            = var.max_instances
    auto_scaling_metric       = var.auto_scaling_metric
    auto_scaling_target_value = var.auto_scaling_target_value
  }

  tags = var.tags

  depends_on = [aws_iam_role_policy.execution, aws_iam_role_policy_attachment.infrastructure, aws_iam_role_policy.task]
}
