# Pages, forms and htmx fragments are per player (cookie) and must never be cached: they go to the
# origin with the managed CachingDisabled policy and every viewer header except Host (the origin
# routes by its own host name), all cookies and query strings. /static/* and /webjars/* are
# versioned and cached long.

data "aws_cloudfront_cache_policy" "disabled" {
  name = "Managed-CachingDisabled"
}

data "aws_cloudfront_origin_request_policy" "all_viewer_except_host" {
  name = "Managed-AllViewerExceptHostHeader"
}

locals {
  origin_id = "app"
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

resource "aws_cloudfront_cache_policy" "static" {
  name        = "${var.name}-static"
  comment     = "Versioned static assets and WebJars: long TTL, no cookies/headers/query in the key"
  min_ttl     = 0
  default_ttl = var.static_ttl_seconds
  max_ttl     = var.static_ttl_seconds

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

  origin {
    origin_id   = local.origin_id
    domain_name = var.origin_domain_name

    # proves to the app that the request came through CloudFront (see liminal.web.proxy-secret)
    custom_header {
      name  = "X-Liminal-Proxy-Secret"
      value = var.origin_secret
    }

    custom_origin_config {
      http_port                = 80
      https_port               = 443
      origin_protocol_policy   = "https-only"
      origin_ssl_protocols     = ["TLSv1.2"]
      origin_read_timeout      = var.origin_read_timeout
      origin_keepalive_timeout = var.origin_keepalive_timeout
    }
  }

  # everything dynamic: pages, POST /stories, POST /stories/{id}/choices, /admin/*, /health/*
  default_cache_behavior {
    target_origin_id           = local.origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
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

# OriginLatency and the error-rate breakdown (used by the latency alarm) need the additional metrics
resource "aws_cloudfront_monitoring_subscription" "this" {
  distribution_id = aws_cloudfront_distribution.this.id

  monitoring_subscription {
    realtime_metrics_subscription_config {
      realtime_metrics_subscription_status = "Enabled"
    }
  }
}
