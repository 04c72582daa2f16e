# Pages, forms and htmx fragments are per player (cookie) and never cached: they go to the origin with
# every viewer header except Host, all cookies and query strings, through a cache policy that keeps
# nothing (the app answers no-store) but lets CloudFront compress (the managed CachingDisabled policy
# cannot). /static/* (content-hashed names written by the templates) and /webjars/* (versioned paths)
# are cached as long as the origin's Cache-Control says, up to a year. The stream of a stop being
# written (text/event-stream) passes through uncompressed, uncached and uncollapsed (see its behaviour;
# every hop and its timeout: terraform/README.md, "Streaming through CloudFront, App Runner and ECS
# Express").

data "aws_cloudfront_cache_policy" "disabled" {
  name = "Managed-CachingDisabled"
}

data "aws_cloudfront_origin_request_policy" "all_viewer_except_host" {
  name = "Managed-AllViewerExceptHostHeader"
}

locals {
  origin_id  = "app"
  vpc_origin = var.vpc_origin_lb_arn != null
}

# The viewer's IP as CloudFront saw it, in a header the viewer cannot set (the function overwrites it):
# the app's per-address limits read it (liminal.web.client-address-header). X-Forwarded-For is no help
# here, since the load balancer behind CloudFront appends its own hop.
resource "aws_cloudfront_function" "client_ip" {
  name    = "${var.name}-client-ip"
  runtime = "cloudfront-js-2.0"
  comment = "Sets X-Liminal-Client-Ip to the viewer's IP"
  publish = true
  code    = <<-JS
    function handler(event) {
      event.request.headers['x-liminal-client-ip'] = { value: event.viewer.ip };
      return event.request;
    }
  JS
}

# The load balancer is internal: CloudFront reaches it through an ENI in the VPC's private subnets
resource "aws_cloudfront_vpc_origin" "app" {
  count = local.vpc_origin ? 1 : 0

  vpc_origin_endpoint_config {
    name                   = "${var.name}-app"
    arn                    = var.vpc_origin_lb_arn
    http_port              = 80
    https_port             = 443
    origin_protocol_policy = var.origin_protocol_policy

    origin_ssl_protocols {
      items    = ["TLSv1.2"]
      quantity = 1
    }
  }

  tags = var.tags
}

# Per-player responses: nothing is kept (max 1 s, and the app sends Cache-Control: no-store), but with
# the encodings in the key CloudFront compresses what the app sends uncompressed. Cookies and query
# strings (and HX-Request) are in the key too, so that even a response that forgot no-store is never shared.
resource "aws_cloudfront_cache_policy" "dynamic" {
  name        = "${var.name}-dynamic"
  comment     = "Pages and fragments: never kept, compressed at the edge"
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = 1

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_brotli = true
    enable_accept_encoding_gzip   = true

    cookies_config {
      cookie_behavior = "all"
    }

    # one URL answers a page or an htmx fragment by this header
    headers_config {
      header_behavior = "whitelist"

      headers {
        items = ["HX-Request"]
      }
    }

    query_strings_config {
      query_string_behavior = "all"
    }
  }
}

resource "aws_cloudfront_cache_policy" "static" {
  name        = "${var.name}-static"
  comment     = "Content-hashed static assets and versioned WebJars: the origin's Cache-Control, up to a year"
  min_ttl     = 0
  default_ttl = var.static_default_ttl_seconds
  max_ttl     = var.static_max_ttl_seconds

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_brotli = true
    enable_accept_encoding_gzip   = true

    cookies_config {
      cookie_behavior = "none"
    }

    headers_config {
      header_behavior = "none"
    }

    query_strings_config {
      query_string_behavior = "none"
    }
  }
}

resource "aws_cloudfront_response_headers_policy" "security" {
  name    = "${var.name}-security"
  comment = "HSTS and security headers on every response (the app sets its own Content-Security-Policy)"

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = var.hsts_max_age_seconds
      include_subdomains         = true
      preload                    = true
      override                   = true
    }

    content_type_options {
      override = true
    }

    frame_options {
      frame_option = "DENY"
      override     = true
    }

    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = false
    }
  }

  custom_headers_config {
    items {
      header   = "Permissions-Policy"
      value    = "camera=(), microphone=(), geolocation=(), interest-cohort=()"
      override = false
    }
  }

  remove_headers_config {
    items {
      header = "Server"
    }
  }
}

resource "aws_cloudfront_distribution" "this" {
  enabled         = true
  is_ipv6_enabled = true
  http_version    = "http2and3"
  comment         = "Liminal Transit ${var.name}"
  price_class     = var.price_class
  aliases         = var.aliases
  web_acl_id      = var.web_acl_arn

  # response_completion_timeout stays unset: CloudFront then puts no limit on a whole response, and a
  # stream lasts as long as its stop is being written (at most liminal.story.claim-timeout, 45 s)
  origin {
    origin_id   = local.origin_id
    domain_name = var.origin_domain_name

    # proves to the load balancer (or App Runner's web ACL) and to the app that the request came through
    # CloudFront (see liminal.web.proxy-secret)
    custom_header {
      name  = "X-Liminal-Proxy-Secret"
      value = var.origin_secret
    }

    dynamic "vpc_origin_config" {
      for_each = local.vpc_origin ? [1] : []

      # set, not left to CloudFront's defaults (30 s, 5 s): see the custom origin below
      content {
        vpc_origin_id            = aws_cloudfront_vpc_origin.app[0].id
        origin_read_timeout      = var.origin_read_timeout
        origin_keepalive_timeout = var.origin_keepalive_timeout
      }
    }

    dynamic "custom_origin_config" {
      for_each = local.vpc_origin ? [] : [1]

      content {
        http_port              = 80
        https_port             = 443
        origin_protocol_policy = "https-only"
        origin_ssl_protocols   = ["TLSv1.2"]
        # The read timeout is also the longest silence CloudFront allows between two packets of a
        # response: a stop's event stream sends an SSE comment every liminal.stream.keep-alive (15 s),
        # well inside it, and a step answers within its 20 s deadline. The keep-alive stays below the
        # load balancer's idle timeout, so that CloudFront, not the origin, closes an idle connection.
        origin_read_timeout      = var.origin_read_timeout
        origin_keepalive_timeout = var.origin_keepalive_timeout
      }
    }
  }

  # everything dynamic: pages, POST /stories, POST /stories/{id}/choices, /admin/*, /health/*
  default_cache_behavior {
    target_origin_id           = local.origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = aws_cloudfront_cache_policy.dynamic.id
    origin_request_policy_id   = data.aws_cloudfront_origin_request_policy.all_viewer_except_host.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id

    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.client_ip.arn
    }
  }

  # The stop being written, as server-sent events (issue 14), passed through as the origin sends them:
  # - compress = false: CloudFront would compress only a response with a Content-Length (a stream has
  #   none) and does not list text/event-stream among the types it compresses; off says so outright;
  # - CachingDisabled: nothing kept, and no request collapsing (two viewers opening the same stop's
  #   stream at one edge each get their own origin request, never one shared answer);
  # - AllViewerExceptHostHeader, as the default behaviour: the player cookie (owner or not),
  #   Last-Event-ID (a reconnect skips the sentences it has) and Accept (the app never gzips an event
  #   stream) reach the app; X-Liminal-Proxy-Secret is the origin's custom header, sent on every
  #   behaviour; the viewer's IP comes from the same function.
  ordered_cache_behavior {
    path_pattern               = var.stream_path_pattern
    target_origin_id           = local.origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = false
    cache_policy_id            = data.aws_cloudfront_cache_policy.disabled.id
    origin_request_policy_id   = data.aws_cloudfront_origin_request_policy.all_viewer_except_host.id
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id

    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.client_ip.arn
    }
  }

  dynamic "ordered_cache_behavior" {
    for_each = var.static_path_patterns

    content {
      path_pattern               = ordered_cache_behavior.value
      target_origin_id           = local.origin_id
      viewer_protocol_policy     = "redirect-to-https"
      allowed_methods            = ["GET", "HEAD"]
      cached_methods             = ["GET", "HEAD"]
      compress                   = true
      cache_policy_id            = aws_cloudfront_cache_policy.static.id
      response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn            = var.acm_certificate_arn
    cloudfront_default_certificate = var.acm_certificate_arn == null
    ssl_support_method             = var.acm_certificate_arn == null ? null : "sni-only"
    minimum_protocol_version       = var.acm_certificate_arn == null ? "TLSv1" : "TLSv1.2_2021"
  }

  tags = var.tags
}

# OriginLatency and the error-rate breakdown on the dashboard need the additional metrics
resource "aws_cloudfront_monitoring_subscription" "this" {
  distribution_id = aws_cloudfront_distribution.this.id

  monitoring_subscription {
    realtime_metrics_subscription_config {
      realtime_metrics_subscription_status = "Enabled"
    }
  }
}

################################################################################
# Access logs (standard logging v2) into CloudWatch Logs, in us-east-1 where CloudFront delivers them.
# The fields are chosen: no cookies (the player cookie proves ownership of a ride), no query strings.
################################################################################

resource "aws_cloudwatch_log_group" "access" {
  provider = aws.us_east_1

  name              = "/aws/vendedlogs/cloudfront/${var.name}"
  retention_in_days = var.log_retention_days

  tags = var.tags
}

resource "aws_cloudwatch_log_delivery_source" "access" {
  provider = aws.us_east_1

  name         = "${var.name}-cloudfront-access"
  log_type     = "ACCESS_LOGS"
  resource_arn = aws_cloudfront_distribution.this.arn

  tags = var.tags
}

resource "aws_cloudwatch_log_delivery_destination" "access" {
  provider = aws.us_east_1

  name          = "${var.name}-cloudfront-access"
  output_format = "json"

  delivery_destination_configuration {
    destination_resource_arn = aws_cloudwatch_log_group.access.arn
  }

  tags = var.tags
}

resource "aws_cloudwatch_log_delivery" "access" {
  provider = aws.us_east_1

  delivery_source_name     = aws_cloudwatch_log_delivery_source.access.name
  delivery_destination_arn = aws_cloudwatch_log_delivery_destination.access.arn
  record_fields            = var.access_log_fields

  tags = var.tags
}
