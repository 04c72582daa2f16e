# One-time set-up per AWS account, applied by hand with local state (see terraform/README.md): the state
# bucket and its key, GitHub's OIDC provider, and per environment a permissions boundary and a deploy
# role that only that GitHub environment can assume; the AI-test role (ai-tests.yml).
#
# The deploy roles are scoped, not administrators: each may manage the AWS services the stack uses, in
# its regions; may create IAM roles only under its environment's name prefix and only with its
# environment's permissions boundary; may read and write only its environment's state, images,
# secrets and parameters; and may not touch anything tagged with another environment. One account per
# environment remains the stronger boundary (terraform/README.md).

provider "aws" {
  region = var.aws_region
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account           = data.aws_caller_identity.current.account_id
  partition         = data.aws_partition.current.partition
  oidc_host         = "token.actions.githubusercontent.com"
  oidc_provider_arn = var.create_github_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : "arn:${local.partition}:iam::${local.account}:oidc-provider/${local.oidc_host}"
  environments      = toset(var.environments)
  regions           = distinct([var.app_region, "us-east-1"])
  deploy_role_names = { for e in local.environments : e => "liminal-transit-deploy-${e}" }
  boundary_arns     = { for e in local.environments : e => "arn:${local.partition}:iam::${local.account}:policy/liminal-${e}-boundary" }
  # the ECR read actions a production deploy needs on staging's repository to promote an image
  ecr_pull = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability", "ecr:DescribeImages", "ecr:DescribeRepositories", "ecr:ListTagsForResource"]
}

################################################################################
# Terraform state: versioned, encrypted with its own key, TLS only
################################################################################

resource "aws_kms_key" "state" {
  description             = "Liminal Transit Terraform state (it holds the CloudFront secret)"
  enable_key_rotation     = true
  deletion_window_in_days = 30

  tags = var.tags
}

resource "aws_kms_alias" "state" {
  name          = "alias/liminal-transit-tfstate"
  target_key_id = aws_kms_key.state.key_id
}

resource "aws_s3_bucket" "state" {
  bucket = var.state_bucket_name

  tags = var.tags

  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    bucket_key_enabled = true

    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.state.arn
    }
  }
}

resource "aws_s3_bucket_public_access_block" "state" {
  bucket                  = aws_s3_bucket.state.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "state" {
  bucket = aws_s3_bucket.state.id

  rule {
    id     = "old-state-versions"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = 90
    }
  }
}

data "aws_iam_policy_document" "state_bucket" {
  statement {
    sid       = "TlsOnly"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/*"]

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

resource "aws_s3_bucket_policy" "state" {
  bucket = aws_s3_bucket.state.id
  policy = data.aws_iam_policy_document.state_bucket.json

  depends_on = [aws_s3_bucket_public_access_block.state]
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_github_oidc_provider ? 1 : 0

  url            = "https://${local.oidc_host}"
  client_id_list = ["sts.amazonaws.com"]

  tags = var.tags
}

################################################################################
# Per environment: the permissions boundary of every role the stack creates
################################################################################

data "aws_iam_policy_document" "boundary" {
  for_each = local.environments

  statement {
    sid       = "InvokeModels"
    actions   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "sagemaker:InvokeEndpoint", "sagemaker:InvokeEndpointWithResponseStream"]
    resources = ["*"]
  }

  statement {
    sid       = "CheckModelText"
    actions   = ["bedrock:ApplyGuardrail", "comprehend:DetectToxicContent", "translate:TranslateText"]
    resources = ["*"]
  }

  statement {
    sid       = "SignInToTheDatabase"
    actions   = ["rds-db:connect"]
    resources = ["arn:${local.partition}:rds-db:*:${local.account}:dbuser:*/*"]
  }

  statement {
    sid       = "ReadTheEnvironmentsSecrets"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["arn:${local.partition}:secretsmanager:*:${local.account}:secret:liminal-${each.key}/*"]
  }

  statement {
    sid       = "PullImages"
    actions   = ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability", "ecr:DescribeImages"]
    resources = ["*"]
  }

  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "boundary" {
  for_each = local.environments

  name        = "liminal-${each.key}-boundary"
  description = "Permissions boundary of every role the ${each.key} stack creates"
  policy      = data.aws_iam_policy_document.boundary[each.key].json

  tags = var.tags
}

################################################################################
# Per environment: the deploy role, trusted by that GitHub environment only
################################################################################

data "aws_iam_policy_document" "deploy_assume" {
  for_each = local.environments

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = ["repo:${var.github_repository}:environment:${each.key}"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  for_each = local.environments

  name                 = local.deploy_role_names[each.key]
  description          = "deploy.yml in the GitHub environment ${each.key} of ${var.github_repository}"
  assume_role_policy   = data.aws_iam_policy_document.deploy_assume[each.key].json
  max_session_duration = 7200

  tags = var.tags
}

# State, images, parameters, secrets and the database's Data API of this environment only
data "aws_iam_policy_document" "deploy_data" {
  for_each = local.environments

  statement {
    sid       = "StateBucket"
    actions   = ["s3:ListBucket", "s3:GetBucketVersioning", "s3:GetBucketLocation"]
    resources = [aws_s3_bucket.state.arn]
  }

  statement {
    sid       = "OwnState"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.state.arn}/liminal-transit/${each.key}/*"]
  }

  statement {
    sid       = "StateKey"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [aws_kms_key.state.arn]
  }

  statement {
    sid       = "RegistryLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid       = "OwnRepository"
    actions   = ["ecr:*"]
    resources = ["arn:${local.partition}:ecr:*:${local.account}:repository/liminal-transit-${each.key}"]
  }

  dynamic "statement" {
    for_each = contains(keys(var.promote_from), each.key) ? [var.promote_from[each.key]] : []

    content {
      sid       = "PromoteFrom${title(statement.value)}"
      actions   = local.ecr_pull
      resources = ["arn:${local.partition}:ecr:*:${local.account}:repository/liminal-transit-${statement.value}"]
    }
  }

  statement {
    sid       = "OwnParameters"
    actions   = ["ssm:GetParameter", "ssm:GetParameters", "ssm:PutParameter", "ssm:DeleteParameter", "ssm:AddTagsToResource", "ssm:RemoveTagsFromResource", "ssm:ListTagsForResource"]
    resources = ["arn:${local.partition}:ssm:*:${local.account}:parameter/liminal-transit/${each.key}/*"]
  }

  statement {
    sid       = "OwnSecrets"
    actions   = ["secretsmanager:*"]
    resources = ["arn:${local.partition}:secretsmanager:*:${local.account}:secret:liminal-${each.key}/*"]
  }

  # RDS creates the master user's secret with the caller's permissions; reading or changing one is
  # limited to this environment's cluster by the tag RDS puts on it
  statement {
    sid       = "RdsCreatesTheMasterSecret"
    actions   = ["secretsmanager:CreateSecret", "secretsmanager:TagResource", "secretsmanager:DescribeSecret"]
    resources = ["arn:${local.partition}:secretsmanager:*:${local.account}:secret:rds!cluster-*"]
  }

  statement {
    sid       = "OwnClustersMasterSecret"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecret", "secretsmanager:RotateSecret", "secretsmanager:DeleteSecret", "secretsmanager:UpdateSecretVersionStage"]
    resources = ["arn:${local.partition}:secretsmanager:*:${local.account}:secret:rds!cluster-*"]

    condition {
      test     = "StringLike"
      variable = "secretsmanager:ResourceTag/aws:rds:primaryDBClusterArn"
      values   = ["arn:${local.partition}:rds:*:${local.account}:cluster:liminal-${each.key}"]
    }
  }

  statement {
    sid       = "ListSecrets"
    actions   = ["secretsmanager:ListSecrets", "secretsmanager:GetRandomPassword", "ssm:DescribeParameters"]
    resources = ["*"]
  }

  statement {
    sid       = "CreateTheAppsDatabaseUser"
    actions   = ["rds-data:ExecuteStatement"]
    resources = ["arn:${local.partition}:rds:*:${local.account}:cluster:liminal-${each.key}"]
  }
}

resource "aws_iam_policy" "deploy_data" {
  for_each = local.environments

  name        = "liminal-transit-deploy-${each.key}-data"
  description = "State, images, parameters and secrets of ${each.key}"
  policy      = data.aws_iam_policy_document.deploy_data[each.key].json

  tags = var.tags
}

# IAM: roles under the environment's prefix, with its boundary, passed to the services that run them
data "aws_iam_policy_document" "deploy_identity" {
  for_each = local.environments

  statement {
    sid       = "ReadIam"
    actions   = ["iam:Get*", "iam:List*"]
    resources = ["*"]
  }

  statement {
    sid       = "CreateRolesOnlyWithTheBoundary"
    actions   = ["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary"]
    resources = ["arn:${local.partition}:iam::${local.account}:role/liminal-${each.key}-*"]

    condition {
      test     = "StringEquals"
      variable = "iam:PermissionsBoundary"
      values   = [local.boundary_arns[each.key]]
    }
  }

  statement {
    sid       = "ManageOwnRoles"
    actions   = ["iam:DeleteRole", "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:TagRole", "iam:UntagRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy"]
    resources = ["arn:${local.partition}:iam::${local.account}:role/liminal-${each.key}-*"]
  }

  statement {
    sid       = "PassOwnRolesToTheirServices"
    actions   = ["iam:PassRole"]
    resources = ["arn:${local.partition}:iam::${local.account}:role/liminal-${each.key}-*"]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com", "build.apprunner.amazonaws.com", "tasks.apprunner.amazonaws.com", "apprunner.amazonaws.com", "bedrock.amazonaws.com"]
    }
  }

  statement {
    sid       = "ServiceLinkedRoles"
    actions   = ["iam:CreateServiceLinkedRole"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "iam:AWSServiceName"
      values   = ["ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com", "ecs.application-autoscaling.amazonaws.com", "rds.amazonaws.com", "apprunner.amazonaws.com", "vpcorigin.cloudfront.amazonaws.com"]
    }
  }

  statement {
    sid       = "NeverLiftTheBoundary"
    effect    = "Deny"
    actions   = ["iam:DeleteRolePermissionsBoundary", "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicy"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "deploy_identity" {
  for_each = local.environments

  name        = "liminal-transit-deploy-${each.key}-identity"
  description = "IAM roles of ${each.key}: its prefix and its permissions boundary only"
  policy      = data.aws_iam_policy_document.deploy_identity[each.key].json

  tags = var.tags
}

# The services the stack is made of, in its regions (CloudFront, Route 53 and Budgets are global)
data "aws_iam_policy_document" "deploy_infrastructure" {
  for_each = local.environments

  statement {
    sid = "RegionalServices"
    actions = [
      "ec2:*", "elasticloadbalancing:*", "ecs:*", "application-autoscaling:*", "rds:*", "logs:*",
      "cloudwatch:*", "sns:*", "kms:*", "wafv2:*", "acm:*", "apprunner:*",
      "bedrock:GetModelInvocationLoggingConfiguration", "bedrock:PutModelInvocationLoggingConfiguration",
      "bedrock:DeleteModelInvocationLoggingConfiguration",
      # the story's guardrail and its versions (modules/guardrail)
      "bedrock:CreateGuardrail", "bedrock:UpdateGuardrail", "bedrock:DeleteGuardrail", "bedrock:GetGuardrail",
      "bedrock:ListGuardrails", "bedrock:CreateGuardrailVersion", "bedrock:ListTagsForResource",
      "bedrock:TagResource", "bedrock:UntagResource",
      # the line's terminology for Amazon Translate (deploy.sh imports it)
      "translate:ImportTerminology", "translate:GetTerminology",
    ]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = local.regions
    }
  }

  statement {
    sid       = "GlobalServices"
    actions   = ["cloudfront:*", "route53:*", "budgets:ViewBudget", "budgets:ModifyBudget", "budgets:ListTagsForResource", "budgets:TagResource", "budgets:UntagResource", "tag:GetResources"]
    resources = ["*"]
  }

  statement {
    sid       = "OwnBuckets"
    actions   = ["s3:CreateBucket", "s3:DeleteBucket", "s3:ListBucket", "s3:ListBucketVersions", "s3:Get*", "s3:Put*", "s3:DeleteBucketPolicy", "s3:DeleteObject", "s3:DeleteObjectVersion"]
    resources = ["arn:${local.partition}:s3:::liminal-${each.key}-*"]
  }
}

resource "aws_iam_policy" "deploy_infrastructure" {
  for_each = local.environments

  name        = "liminal-transit-deploy-${each.key}-infrastructure"
  description = "The AWS services of the ${each.key} stack"
  policy      = data.aws_iam_policy_document.deploy_infrastructure[each.key].json

  tags = var.tags
}

# Explicit denies: nothing tagged with another environment, no resource tagged as another environment,
# and the shared state key is used, never administered
data "aws_iam_policy_document" "deploy_isolation" {
  for_each = local.environments

  statement {
    sid         = "NothingOfAnotherEnvironment"
    effect      = "Deny"
    not_actions = local.ecr_pull
    resources   = ["*"]

    condition {
      test     = "StringNotEquals"
      variable = "aws:ResourceTag/Environment"
      values   = [each.key]
    }

    condition {
      test     = "Null"
      variable = "aws:ResourceTag/Environment"
      values   = ["false"]
    }
  }

  statement {
    sid       = "NoResourceTaggedAsAnotherEnvironment"
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]

    condition {
      test     = "StringNotEquals"
      variable = "aws:RequestTag/Environment"
      values   = [each.key]
    }

    condition {
      test     = "Null"
      variable = "aws:RequestTag/Environment"
      values   = ["false"]
    }
  }

  statement {
    sid       = "UseTheStateKeyOnly"
    effect    = "Deny"
    actions   = ["kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy", "kms:CreateGrant", "kms:RevokeGrant", "kms:UpdateAlias", "kms:DeleteAlias"]
    resources = [aws_kms_key.state.arn, aws_kms_alias.state.arn]
  }

  statement {
    sid       = "NoOtherDeployRole"
    effect    = "Deny"
    actions   = ["iam:*"]
    resources = ["arn:${local.partition}:iam::${local.account}:role/liminal-transit-*", "arn:${local.partition}:iam::${local.account}:policy/liminal-transit-*"]
  }
}

resource "aws_iam_policy" "deploy_isolation" {
  for_each = local.environments

  name        = "liminal-transit-deploy-${each.key}-isolation"
  description = "What the ${each.key} deploy role may never do"
  policy      = data.aws_iam_policy_document.deploy_isolation[each.key].json

  tags = var.tags
}

locals {
  deploy_attachments = merge([
    for e in local.environments : {
      "${e}/data"           = { environment = e, policy_arn = aws_iam_policy.deploy_data[e].arn }
      "${e}/identity"       = { environment = e, policy_arn = aws_iam_policy.deploy_identity[e].arn }
      "${e}/infrastructure" = { environment = e, policy_arn = aws_iam_policy.deploy_infrastructure[e].arn }
      "${e}/isolation"      = { environment = e, policy_arn = aws_iam_policy.deploy_isolation[e].arn }
    }
  ]...)
}

resource "aws_iam_role_policy_attachment" "deploy" {
  for_each = local.deploy_attachments

  role       = aws_iam_role.deploy[each.value.environment].name
  policy_arn = each.value.policy_arn
}

################################################################################
# ai-tests.yml: the nightly live tests only invoke Bedrock and put CloudWatch metrics
################################################################################

data "aws_iam_policy_document" "ai_tests_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = ["repo:${var.github_repository}:environment:ai-tests"]
    }
  }
}

resource "aws_iam_role" "ai_tests" {
  name               = "liminal-transit-github-ai-tests"
  assume_role_policy = data.aws_iam_policy_document.ai_tests_assume.json

  tags = var.tags
}

resource "aws_iam_role_policy" "ai_tests" {
  name = "invoke-and-report"
  role = aws_iam_role.ai_tests.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
        Resource = ["arn:${local.partition}:bedrock:*::foundation-model/*", "arn:${local.partition}:bedrock:*:${local.account}:inference-profile/*"]
      },
      {
        Effect   = "Allow"
        Action   = ["cloudwatch:PutMetricData"]
        Resource = "*"
        Condition = {
          StringEquals = { "cloudwatch:namespace" = "LiminalTransit/AI" }
        }
      },
    ]
  })
}
