# A CloudFront web ACL lives in us-east-1: every resource here uses the aws.us_east_1 provider.

resource "aws_wafv2_web_acl" "this" {
  provider = aws.us_east_1

  name        = var.name
  description = "Liminal Transit ${var.name}: managed rules and a rate limit on ride and choice POSTs"
  scope       = "CLOUDFRONT"

  default_action {
    allow {}
  }

  dynamic "rule" {
    for_each = var.block_metrics_path ? [1] : []

    content {
      name     = "block-metrics"
      priority = 0

      action {
        block {}
      }

      statement {
        byte_match_statement {
          search_string         = "/metrics"
          positional_constraint = "STARTS_WITH"

          field_to_match {
            uri_path {}
          }

          text_transformation {
            priority = 0
            type     = "LOWERCASE"
          }
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${var.name}-block-metrics"
        sampled_requests_enabled   = true
      }
    }
  }

  dynamic "rule" {
    for_each = { for i, group in var.managed_rule_groups : group => i }

    content {
      name     = rule.key
      priority = 10 + rule.value

      override_action {
        none {}
      }

      statement {
        managed_rule_group_statement {
          vendor_name = "AWS"
          name        = rule.key
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${var.name}-${rule.key}"
        sampled_requests_enabled   = true
      }
    }
  }

  # POST /stories starts a ride and POST /stories/{id}/choices asks a model for the next stop
  rule {
    name     = "rate-limit-ride-posts"
    priority = 100

    action {
      block {
        custom_response {
          response_code = 429
        }
      }
    }

    statement {
      rate_based_statement {
        limit                 = var.ride_post_limit
        evaluation_window_sec = var.evaluation_window_sec
        aggregate_key_type    = "IP"

        scope_down_statement {
          and_statement {
            statement {
              byte_match_statement {
                search_string         = "POST"
                positional_constraint = "EXACTLY"

                field_to_match {
                  method {}
                }

                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }

            statement {
              regex_match_statement {
                regex_string = "^/stories(/[^/]+/choices)?/?$"

                field_to_match {
                  uri_path {}
                }

                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
          }
        }
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name}-rate-limit-ride-posts"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = var.name
    sampled_requests_enabled   = true
  }

  tags = var.tags
}

################################################################################
# Logs of every request the web ACL saw, in CloudWatch Logs (the name must start with aws-waf-logs-).
# The cookie header is redacted: the player cookie proves ownership of a ride.
################################################################################

resource "aws_cloudwatch_log_group" "waf" {
  provider = aws.us_east_1

  name              = "aws-waf-logs-${var.name}"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

resource "aws_wafv2_web_acl_logging_configuration" "this" {
  provider = aws.us_east_1

  resource_arn            = aws_wafv2_web_acl.this.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]

  redacted_fields {
    single_header {
      name = "cookie"
    }
  }
}
