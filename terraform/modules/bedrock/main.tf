data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account   = data.aws_caller_identity.current.account_id
  partition = data.aws_partition.current.partition
  region    = data.aws_region.current.region

  # a cross-region inference profile id starts with its geography; invoking it needs the profile
  # and the foundation model in every region the profile routes to
  profile_prefix = "^(us|eu|apac|jp|au|ca|us-gov|global)\\."
  profile_ids    = [for id in var.model_ids : id if can(regex(local.profile_prefix, id))]
  model_arns = distinct(concat(
    [for id in var.model_ids : "arn:${local.partition}:bedrock:${local.region}::foundation-model/${id}" if !can(regex(local.profile_prefix, id))],
    [for id in local.profile_ids : "arn:${local.partition}:bedrock:${local.region}:${local.account}:inference-profile/${id}"],
    [for id in local.profile_ids : "arn:${local.partition}:bedrock:*::foundation-model/${replace(id, "/${local.profile_prefix}/", "")}"],
  ))
}

################################################################################
# Model invocation logging: S3 (full requests/responses) and CloudWatch Logs, both under the
# customer-managed key and both expiring after log_retention_days
################################################################################

resource "aws_s3_bucket" "logs" {
  count = var.enable_invocation_logging ? 1 : 0

  bucket_prefix = "${var.name}-bedrock-logs-"
  force_destroy = var.log_bucket_force_destroy

  tags = var.tags
}

resource "aws_s3_bucket_public_access_block" "logs" {
  count = var.enable_invocation_logging ? 1 : 0

  bucket                  = aws_s3_bucket.logs[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  count = var.enable_invocation_logging ? 1 : 0

  bucket = aws_s3_bucket.logs[0].id

  # prompts and answers are players' text: encrypted with the environment's customer-managed key
  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.kms_key_arn
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "logs" {
  count = var.enable_invocation_logging ? 1 : 0

  bucket = aws_s3_bucket.logs[0].id

  rule {
    id     = "expire"
    status = "Enabled"

    filter {}

    expiration {
      days = var.log_retention_days
    }
  }
}

data "aws_iam_policy_document" "logs_bucket" {
  count = var.enable_invocation_logging ? 1 : 0

  statement {
    sid       = "BedrockInvocationLogs"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.logs[0].arn}/bedrock-logs/*"]

    principals {
      type        = "Service"
      identifiers = ["bedrock.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }

    condition {
      test     = "ArnLike"
      variable = "aws:SourceArn"
      values   = ["arn:${local.partition}:bedrock:${local.region}:${local.account}:*"]
    }
  }

  statement {
    sid       = "TlsOnly"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.logs[0].arn, "${aws_s3_bucket.logs[0].arn}/*"]

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

resource "aws_s3_bucket_policy" "logs" {
  count = var.enable_invocation_logging ? 1 : 0

  bucket = aws_s3_bucket.logs[0].id
  policy = data.aws_iam_policy_document.logs_bucket[0].json

  depends_on = [aws_s3_bucket_public_access_block.logs]
}

resource "aws_cloudwatch_log_group" "invocations" {
  count = var.enable_invocation_logging ? 1 : 0

  name              = "/aws/bedrock/${var.name}/model-invocations"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn

  tags = var.tags
}

data "aws_iam_policy_document" "logging_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["bedrock.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account]
    }
  }
}

resource "aws_iam_role" "logging" {
  count = var.enable_invocation_logging ? 1 : 0

  name_prefix        = "${var.name}-bedrock-log-"
  assume_role_policy = data.aws_iam_policy_document.logging_assume.json

  tags = var.tags
}

resource "aws_iam_role_policy" "logging" {
  count = var.enable_invocation_logging ? 1 : 0

  name = "write-invocation-logs"
  role = aws_iam_role.logging[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = "${aws_cloudwatch_log_group.invocations[0].arn}:log-stream:*"
    }]
  })
}

resource "aws_bedrock_model_invocation_logging_configuration" "this" {
  count = var.enable_invocation_logging ? 1 : 0

  logging_config {
    text_data_delivery_enabled      = true
    embedding_data_delivery_enabled = false
    image_data_delivery_enabled     = false
    video_data_delivery_enabled     = false

    s3_config {
      bucket_name = aws_s3_bucket.logs[0].id
      key_prefix  = "bedrock-logs"
    }

    cloudwatch_config {
      log_group_name = aws_cloudwatch_log_group.invocations[0].name
      role_arn       = aws_iam_role.logging[0].arn
    }
  }

  depends_on = [aws_s3_bucket_policy.logs, aws_iam_role_policy.logging]
}
