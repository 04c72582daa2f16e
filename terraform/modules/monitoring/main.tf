# CloudFront and Route 53 health check metrics exist in us-east-1 only: those alarms and their topic
# use the aws.us_east_1 provider; the app's own metrics (EMF), the database and the service live in the
# app's region. Both topics are encrypted with customer-managed keys that CloudWatch may use.

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  region  = data.aws_region.current.region
  account = data.aws_caller_identity.current.account_id
  cf_dimensions = {
    DistributionId = var.cloudfront_distribution_id
    Region         = "Global"
  }
  # the running count of the service, per compute
  task_count = var.compute == "app_runner" ? {
    namespace  = "AWS/AppRunner"
    metric     = "ActiveInstances"
    dimensions = tomap({ ServiceName = var.service_name, ServiceID = coalesce(var.app_runner_service_id, "-") })
    } : {
    namespace  = "ECS/ContainerInsights"
    metric     = "RunningTaskCount"
    dimensions = tomap({ ClusterName = coalesce(var.ecs_cluster_name, "-"), ServiceName = var.service_name })
  }
  service_widget = var.compute == "app_runner" ? {
    title = "App Runner"
    metrics = [
      ["AWS/AppRunner", "Requests", "ServiceName", var.service_name, "ServiceID", coalesce(var.app_runner_service_id, "-"), { stat = "Sum" }],
      [".", "5xxStatusResponses", ".", ".", ".", ".", { stat = "Sum" }],
      [".", "ActiveInstances", ".", ".", ".", ".", { stat = "Maximum", yAxis = "right" }],
    ]
    } : {
    title = "ECS tasks"
    metrics = [
      ["ECS/ContainerInsights", "CpuUtilized", "ClusterName", coalesce(var.ecs_cluster_name, "-"), "ServiceName", var.service_name, { stat = "Average" }],
      [".", "MemoryUtilized", ".", ".", ".", ".", { stat = "Average" }],
      [".", "RunningTaskCount", ".", ".", ".", ".", { stat = "Maximum", yAxis = "right" }],
    ]
  }
}

################################################################################
# Topics, encrypted with keys CloudWatch may use to publish
################################################################################

data "aws_iam_policy_document" "alarm_key" {
  statement {
    sid       = "AccountAdministersThroughIam"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${local.account}:root"]
    }
  }

  statement {
    sid       = "CloudWatchPublishesAlarms"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }
  }
}

resource "aws_kms_key" "alarms" {
  description             = "Liminal Transit ${var.name}: alarm topic (${local.region})"
  enable_key_rotation     = true
  deletion_window_in_days = 7
  policy                  = data.aws_iam_policy_document.alarm_key.json

  tags = var.tags
}

resource "aws_kms_key" "alarms_global" {
  provider = aws.us_east_1

  description             = "Liminal Transit ${var.name}: edge alarm topic (us-east-1)"
  enable_key_rotation     = true
  deletion_window_in_days = 7
  policy                  = data.aws_iam_policy_document.alarm_key.json

  tags = var.tags
}

resource "aws_sns_topic" "alarms" {
  name              = "${var.name}-alarms"
  kms_master_key_id = aws_kms_key.alarms.arn

  tags = var.tags
}

resource "aws_sns_topic_subscription" "alarms" {
  for_each = toset(var.alarm_emails)

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.value
}

resource "aws_sns_topic" "alarms_global" {
  provider = aws.us_east_1

  name              = "${var.name}-alarms-global"
  kms_master_key_id = aws_kms_key.alarms_global.arn

  tags = var.tags
}

resource "aws_sns_topic_subscription" "alarms_global" {
  provider = aws.us_east_1
  for_each = toset(var.alarm_emails)

  topic_arn = aws_sns_topic.alarms_global.arn
  protocol  = "email"
  endpoint  = each.value
}

################################################################################
# Edge alarms (us-east-1): 5xx rate, availability
################################################################################

resource "aws_cloudwatch_metric_alarm" "error_rate" {
  provider = aws.us_east_1

  alarm_name          = "${var.name}-5xx-rate"
  alarm_description   = "More than ${var.error_rate_threshold_percent} % of requests answered 5xx at CloudFront"
  namespace           = "AWS/CloudFront"
  metric_name         = "5xxErrorRate"
  dimensions          = local.cf_dimensions
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  threshold           = var.error_rate_threshold_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms_global.arn]
  ok_actions          = [aws_sns_topic.alarms_global.arn]

  tags = var.tags
}

# Through CloudFront, like a player; about 16 probes a minute from Route 53's checkers
resource "aws_route53_health_check" "availability" {
  fqdn              = var.public_hostname
  port              = 443
  type              = "HTTPS"
  resource_path     = var.health_check_path
  request_interval  = 30
  failure_threshold = 3
  measure_latency   = true
  enable_sni        = true

  tags = merge(var.tags, { Name = "${var.name}-availability" })
}

resource "aws_cloudwatch_metric_alarm" "availability" {
  provider = aws.us_east_1

  alarm_name          = "${var.name}-availability"
  alarm_description   = "Fewer than ${var.availability_threshold_percent} % of health probes of https://${var.public_hostname}${var.health_check_path} succeeded in the last hour"
  namespace           = "AWS/Route53"
  metric_name         = "HealthCheckPercentageHealthy"
  dimensions          = { HealthCheckId = aws_route53_health_check.availability.id }
  statistic           = "Average"
  period              = 3600
  evaluation_periods  = 1
  threshold           = var.availability_threshold_percent
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = [aws_sns_topic.alarms_global.arn]
  ok_actions          = [aws_sns_topic.alarms_global.arn]

  tags = var.tags
}

################################################################################
# The app's own metrics (app region): EMF lines on stdout become metrics in app_metrics_namespace
################################################################################

# A step is a POST that waits on a model, so the edge's latency is mostly the model's. What players feel
# going wrong is a step that nears the step deadline (after it, offline writes the stop): p95 of
# StepLatency, the whole chain's time per stop, against a threshold below that deadline.
resource "aws_cloudwatch_metric_alarm" "step_latency" {
  alarm_name          = "${var.name}-step-latency-p95"
  alarm_description   = "p95 of the time to write a stop above ${var.step_latency_threshold_ms} ms (the step deadline is ${var.step_deadline_ms} ms; past it offline writes the stop)"
  namespace           = var.app_metrics_namespace
  metric_name         = "StepLatency"
  extended_statistic  = "p95"
  period              = 300
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  threshold           = var.step_latency_threshold_ms
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "ai_errors" {
  alarm_name          = "${var.name}-ai-error-rate"
  alarm_description   = "More than ${var.ai_error_threshold_percent} % of AI provider calls failed (the chain fell back)"
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  threshold           = var.ai_error_threshold_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "rate"
    expression  = "IF(calls > 0, 100 * failures / calls, 0)"
    label       = "AI error rate (%)"
    return_data = true
  }

  metric_query {
    id = "calls"

    metric {
      namespace   = var.app_metrics_namespace
      metric_name = "AiCalls"
      period      = 300
      stat        = "Sum"
    }
  }

  metric_query {
    id = "failures"

    metric {
      namespace   = var.app_metrics_namespace
      metric_name = "AiFailures"
      period      = 300
      stat        = "Sum"
    }
  }

  tags = var.tags
}

# The daily AI budget (liminal.ai.daily-budget-usd) burning fast: in one hour more than
# ai_budget_hourly_fraction of it, so that at this rate players are on offline within hours
resource "aws_cloudwatch_metric_alarm" "ai_budget_burn" {
  alarm_name          = "${var.name}-ai-budget-burn"
  alarm_description   = "AI spend in the last hour above ${var.ai_budget_hourly_fraction * 100} % of the daily budget (${var.ai_daily_budget_usd} USD); once the day's budget is spent, rides continue on offline"
  namespace           = var.app_metrics_namespace
  metric_name         = "AiCostUsd"
  statistic           = "Sum"
  period              = 3600
  evaluation_periods  = 1
  threshold           = var.ai_daily_budget_usd * var.ai_budget_hourly_fraction
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  tags = var.tags
}

# The safety check (app EMF: SafetyChecks, SafetyBlocks per model answer). A model or a prompt gone wrong: many of
# its answers refused, so players read the next provider's, or the offline storyteller's, passages
resource "aws_cloudwatch_metric_alarm" "safety_block_rate" {
  alarm_name          = "${var.name}-safety-block-rate"
  alarm_description   = "More than ${var.safety_block_rate_threshold_percent} % of model answers refused by the safety check (rules, Comprehend or the guardrail); see the writers' safety page"
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  threshold           = var.safety_block_rate_threshold_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  metric_query {
    id          = "rate"
    expression  = "IF(checks > 0, 100 * blocks / checks, 0)"
    label       = "Safety block rate (%)"
    return_data = true
  }

  metric_query {
    id = "checks"

    metric {
      namespace   = var.app_metrics_namespace
      metric_name = "SafetyChecks"
      period      = 300
      stat        = "Sum"
    }
  }

  metric_query {
    id = "blocks"

    metric {
      namespace   = var.app_metrics_namespace
      metric_name = "SafetyBlocks"
      period      = 300
      stat        = "Sum"
    }
  }

  tags = var.tags
}

# A classifier (Comprehend, the guardrail) down, throttled or too slow: the steps it should judge follow
# liminal.safety.on-unavailable (by default the offline storyteller writes them)
resource "aws_cloudwatch_metric_alarm" "safety_unavailable" {
  alarm_name          = "${var.name}-safety-classifier-unavailable"
  alarm_description   = "More than ${var.safety_unavailable_threshold} checks in 5 minutes found a safety classifier unavailable, three periods running (players read offline passages meanwhile)"
  namespace           = var.app_metrics_namespace
  metric_name         = "SafetyUnavailable"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 3
  datapoints_to_alarm = 3
  threshold           = var.safety_unavailable_threshold
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  tags = var.tags
}

# independent of the EMF contract: JUL writes SEVERE for errors
resource "aws_cloudwatch_log_metric_filter" "severe" {
  name           = "${var.name}-severe-log-lines"
  log_group_name = var.app_log_group_name
  pattern        = "SEVERE"

  metric_transformation {
    name          = "SevereLogLines"
    namespace     = var.app_metrics_namespace
    value         = "1"
    default_value = "0"
  }
}

################################################################################
# The service and the database (app region)
################################################################################

resource "aws_cloudwatch_metric_alarm" "task_count" {
  alarm_name          = "${var.name}-running-tasks"
  alarm_description   = "Fewer than ${var.min_tasks} running ${var.compute == "app_runner" ? "App Runner instances" : "ECS tasks"} for 5 minutes"
  namespace           = local.task_count.namespace
  metric_name         = local.task_count.metric
  dimensions          = local.task_count.dimensions
  statistic           = "Minimum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 5
  threshold           = var.min_tasks
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]

  tags = var.tags
}

# Aurora Serverless v2 near its maximum capacity: queries queue, steps slow down
resource "aws_cloudwatch_metric_alarm" "database_capacity" {
  alarm_name          = "${var.name}-database-capacity"
  alarm_description   = "Aurora uses more than ${var.database_acu_threshold_percent} % of its maximum capacity (raise db_max_capacity or find the query)"
  namespace           = "AWS/RDS"
  metric_name         = "ACUUtilization"
  dimensions          = { DBClusterIdentifier = var.database_cluster_identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  datapoints_to_alarm = 3
  threshold           = var.database_acu_threshold_percent
  comparison_operator = "GreaterThanThreshold"
  # a paused cluster (dev) reports nothing
  treat_missing_data = "notBreaching"
  alarm_actions      = [aws_sns_topic.alarms.arn]
  ok_actions         = [aws_sns_topic.alarms.arn]

  tags = var.tags
}

# The bill itself, for the whole account (Bedrock cannot be split by environment without application
# inference profiles): set ai_monthly_budget_usd in one environment only
resource "aws_budgets_budget" "ai" {
  count = var.ai_monthly_budget_usd == null ? 0 : 1

  name         = "${var.name}-bedrock-monthly"
  budget_type  = "COST"
  limit_amount = tostring(var.ai_monthly_budget_usd)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  cost_filter {
    name   = "Service"
    values = ["Amazon Bedrock"]
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 80
    threshold_type             = "PERCENTAGE"
    notification_type          = "ACTUAL"
    subscriber_email_addresses = var.alarm_emails
  }

  notification {
    comparison_operator        = "GREATER_THAN"
    threshold                  = 100
    threshold_type             = "PERCENTAGE"
    notification_type          = "FORECASTED"
    subscriber_email_addresses = var.alarm_emails
  }

  tags = var.tags
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = var.name
  dashboard_body = jsonencode({
    widgets = [
      {
        type   = "metric"
        x      = 0
        y      = 0
        width  = 12
        height = 6
        properties = {
          title  = "Edge: requests and error rates"
          region = "us-east-1"
          view   = "timeSeries"
          metrics = [
            ["AWS/CloudFront", "Requests", "DistributionId", var.cloudfront_distribution_id, "Region", "Global", { stat = "Sum" }],
            [".", "5xxErrorRate", ".", ".", ".", ".", { stat = "Average", yAxis = "right" }],
            [".", "4xxErrorRate", ".", ".", ".", ".", { stat = "Average", yAxis = "right" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 0
        width  = 12
        height = 6
        properties = {
          title  = "Edge: origin latency (ms; steps wait on models)"
          region = "us-east-1"
          view   = "timeSeries"
          metrics = [
            ["AWS/CloudFront", "OriginLatency", "DistributionId", var.cloudfront_distribution_id, "Region", "Global", { stat = "p50" }],
            ["...", { stat = "p95" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 6
        width  = 12
        height = 6
        properties = {
          title  = "AI: calls, failures, time per stop, cost"
          region = local.region
          view   = "timeSeries"
          metrics = [
            [var.app_metrics_namespace, "AiCalls", { stat = "Sum" }],
            [".", "AiFailures", { stat = "Sum" }],
            [".", "SevereLogLines", { stat = "Sum" }],
            [".", "AiCostUsd", { stat = "Sum" }],
            [".", "StepLatency", { stat = "p95", yAxis = "right" }],
          ]
          annotations = { horizontal = [{ label = "step latency alarm", value = var.step_latency_threshold_ms, yAxis = "right" }] }
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 6
        width  = 12
        height = 6
        properties = {
          title   = local.service_widget.title
          region  = local.region
          view    = "timeSeries"
          metrics = local.service_widget.metrics
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 12
        width  = 12
        height = 6
        properties = {
          title  = "Aurora Serverless v2"
          region = local.region
          view   = "timeSeries"
          metrics = [
            ["AWS/RDS", "ServerlessDatabaseCapacity", "DBClusterIdentifier", var.database_cluster_identifier, { stat = "Average" }],
            [".", "ACUUtilization", ".", ".", { stat = "Average" }],
            [".", "DatabaseConnections", ".", ".", { stat = "Sum", yAxis = "right" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 18
        width  = 12
        height = 6
        properties = {
          title  = "Safety: model answers checked, refused, failed closed; classifier unavailable"
          region = local.region
          view   = "timeSeries"
          metrics = [
            [var.app_metrics_namespace, "SafetyChecks", { stat = "Sum" }],
            [".", "SafetyBlocks", { stat = "Sum" }],
            [".", "SafetyFailClosed", { stat = "Sum" }],
            [".", "SafetyUnavailable", { stat = "Sum", yAxis = "right" }],
          ]
        }
      },
      {
        type   = "metric"
        x      = 12
        y      = 12
        width  = 12
        height = 6
        properties = {
          title  = "WAF: allowed and blocked"
          region = "us-east-1"
          view   = "timeSeries"
          metrics = [
            ["AWS/WAFV2", "AllowedRequests", "WebACL", var.web_acl_name, "Rule", "ALL", { stat = "Sum" }],
            [".", "BlockedRequests", ".", ".", ".", ".", { stat = "Sum" }],
          ]
        }
      },
    ]
  })
}
