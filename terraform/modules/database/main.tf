data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

resource "aws_db_subnet_group" "this" {
  name_prefix = "${var.name}-"
  description = "Private subnets of ${var.name}"
  subnet_ids  = var.subnet_ids

  tags = var.tags
}

# Created before the cluster so that RDS writes into a group that expires (RDS would create it
# without a retention)
resource "aws_cloudwatch_log_group" "postgresql" {
  name              = "/aws/rds/cluster/${var.name}/postgresql"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn

  tags = var.tags
}

resource "aws_rds_cluster" "this" {
  cluster_identifier = var.name
  engine             = "aurora-postgresql"
  engine_mode        = "provisioned"
  engine_version     = var.engine_version
  database_name      = var.database_name
  master_username    = var.master_username

  # The master user is for operators and for creating the app's user (below); its password is
  # generated, kept and rotated by RDS in Secrets Manager. The app never sees it.
  manage_master_user_password   = true
  master_user_secret_kms_key_id = var.kms_key_arn

  # The app signs in as app_username with IAM authentication tokens: no password to rotate or leak
  iam_database_authentication_enabled = true

  # The RDS Data API lets the deploy create the app's user over AWS's API (no network path into the VPC)
  enable_http_endpoint = true

  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = var.security_group_ids
  storage_encrypted      = true
  kms_key_id             = var.kms_key_arn

  backup_retention_period   = var.backup_retention_days
  preferred_backup_window   = var.preferred_backup_window
  copy_tags_to_snapshot     = true
  deletion_protection       = var.deletion_protection
  skip_final_snapshot       = !var.deletion_protection
  final_snapshot_identifier = var.deletion_protection ? "${var.name}-final" : null

  enabled_cloudwatch_logs_exports = ["postgresql"]

  serverlessv2_scaling_configuration {
    min_capacity             = var.min_capacity
    max_capacity             = var.max_capacity
    seconds_until_auto_pause = var.seconds_until_auto_pause
  }

  tags = var.tags

  lifecycle {
    ignore_changes = [final_snapshot_identifier]
  }

  depends_on = [aws_cloudwatch_log_group.postgresql]
}

resource "aws_rds_cluster_instance" "this" {
  count = var.instance_count

  identifier          = "${var.name}-${count.index}"
  cluster_identifier  = aws_rds_cluster.this.id
  instance_class      = "db.serverless"
  engine              = aws_rds_cluster.this.engine
  engine_version      = aws_rds_cluster.this.engine_version
  publicly_accessible = false
  promotion_tier      = count.index

  tags = var.tags
}

# The app's own user: it may log in with an IAM token (rds_iam) and owns the schema Flyway migrates,
# nothing more (not rds_superuser, no CREATEROLE/CREATEDB, no other database). Created through the
# Data API with the master secret by terraform/scripts/db-app-user.sh (idempotent), before the
# service that signs in with it.
resource "terraform_data" "app_user" {
  triggers_replace = {
    cluster = aws_rds_cluster.this.arn
    user    = var.app_username
    script  = filesha256("${path.module}/../../scripts/db-app-user.sh")
  }

  provisioner "local-exec" {
    command = "${path.module}/../../scripts/db-app-user.sh"

    environment = {
      CLUSTER_ARN = aws_rds_cluster.this.arn
      SECRET_ARN  = aws_rds_cluster.this.master_user_secret[0].secret_arn
      DATABASE    = aws_rds_cluster.this.database_name
      MASTER_USER = aws_rds_cluster.this.master_username
      APP_USER    = var.app_username
      AWS_REGION  = data.aws_region.current.region
    }
  }

  depends_on = [aws_rds_cluster_instance.this]
}
