# CloudFront and Route 53 health check metrics exist in us-east-1 only: those alarms and their
# topic use the aws.us_east_1 provider; the app's own metrics (EMF) live in the app's region.

data "aws_region" "current" {}

locals {
  region = data.aws_region.current.region
  cf_dimensions = {
    DistributionId = var.cloudfront_distribution_id
    Region         = "Global"
  }
  service_widget = var.compute == "app_runner" ? {
    title = "App Runner"
    metrics = [
      ["AWS/AppRunner", "Requests", "ServiceName", var.service_name, "ServiceID", coalesce(var.app_runner_service_id, "-"), { stat = "Sum" }],
      [".", "5xxStatusResponses", ".", ".", ".", ".", { stat = "Sum" }],
      [".", "ActiveInstances", ".", ".", ".", ".", { stat = "Maximum", yAxis = "right" }],
    ]
    } : {
    title = "ECS Express"
    metrics = [
      ["ECS/ContainerInsights", "CpuUtilized", "ClusterName", coalesce(var.ecs_cluster_name, "-"), "ServiceName", var.service_name, { stat = "Average" }],
      [".", "MemoryUtilized", ".", ".", ".", ".", { stat = "Average" }],
      [".", "RunningTaskCount", ".", ".", ".", ".", { stat = "Maximum", yAxis = "right" }],
    ]
  }
}

################################################################################
# Topics
################################################################################

resource "aws_sns_topic" "alarms" {
  name = "${var.name}-alarms"

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

  name = "${var.name}-alarms-global"

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
# Edge alarms (us-east-1): 5xx rate, availability, latency
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

resource "aws_cloudwatch_metric_alarm" "latency" {
  provider = aws.us_east_1

  alarm_name          = "${var.name}-latency-p95"
  alarm_description   = "p95 origin latency above ${var.latency_threshold_ms} ms"
  namespace           = "AWS/CloudFront"
  metric_name         = "OriginLatency"
  dimensions          = local.cf_dimensions
  extended_statistic  = "p95"
  period              = 300
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  threshold           = var.latency_threshold_ms
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms_global.arn]
  ok_actions          = [aws_sns_topic.alarms_global.arn]

  tags = var.tags
}

################################################################################
# The app's own metrics (app region): EMF lines on stdout become metrics in app_metrics_namespace
################################################################################

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
          title  = "Edge: origin latency (ms)"
          region = "us-east-1"
          view   = "timeSeries"
          metrics = [
            ["AWS/CloudFront", "OriginLatency", "DistributionId", var.cloudfront_distribution_id, "Region", "Global", { stat = "p50" }],
            ["...", { stat = "p95" }],
          ]
          annotations = { horizontal = [{ label = "alarm", value = var.latency_threshold_ms }] }
        }
      },
      {
        type   = "metric"
        x      = 0
        y      = 6
        width  = 12
        height = 6
        properties = {
          title  = "AI provider calls and failures"
          region = local.region
          view   = "timeSeries"
          metrics = [
            [var.app_metrics_namespace, "AiCalls", { stat = "Sum" }],
            [".", "AiFailures", { stat = "Sum" }],
            [".", "SevereLogLines", { stat = "Sum" }],
            [".", "StepLatency", { stat = "p95", yAxis = "right" }],
          ]
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
            [".", "DatabaseConnections", ".", ".", { stat = "Sum", yAxis = "right" }],
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
