#!/usr/bin/env bash
# Creates (or brings up to date) the application's own PostgreSQL user through the RDS Data API, signed in
# as the master user with the RDS-managed secret. Idempotent: run by Terraform (modules/database,
# terraform_data.app_user) whenever the cluster, the user name or this script changes.
#   CLUSTER_ARN=… SECRET_ARN=… DATABASE=liminal MASTER_USER=liminal APP_USER=liminal_app AWS_REGION=… \
#     terraform/scripts/db-app-user.sh
# The user may sign in with an IAM token only (rds_iam), owns the schema the app's Flyway migrates
# (the tables a master-user deployment created are handed over), and has no other privilege:
# not rds_superuser, no CREATEROLE, no CREATEDB, no other database.
set -euo pipefail

: "${CLUSTER_ARN:?}" "${SECRET_ARN:?}" "${DATABASE:?}" "${MASTER_USER:?}" "${APP_USER:?}"
[[ "$APP_USER" =~ ^[a-z][a-z0-9_]*$ && "$MASTER_USER" =~ ^[a-z][a-z0-9_]*$ && "$DATABASE" =~ ^[a-z][a-z0-9_]*$ ]] \
    || { echo "user and database names must be plain lower-case identifiers" >&2; exit 2; }

sql() {
    # a paused Serverless v2 cluster, or one still starting, answers with an error for up to a minute
    local attempt
    for attempt in $(seq 1 20); do
        if aws rds-data execute-statement --resource-arn "$CLUSTER_ARN" --secret-arn "$SECRET_ARN" \
            --database "$DATABASE" --sql "$1" >/dev/null; then
            return 0
        fi
        echo "statement failed (attempt $attempt of 20); the cluster may be resuming, retrying in 15 s" >&2
        sleep 15
    done
    return 1
}

sql "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$APP_USER') THEN
    CREATE ROLE $APP_USER LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
  END IF;
END \$\$"
sql "ALTER ROLE $APP_USER LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
sql "GRANT rds_iam TO $APP_USER"
sql "REVOKE ALL ON DATABASE $DATABASE FROM PUBLIC"
sql "GRANT CONNECT, TEMPORARY ON DATABASE $DATABASE TO $APP_USER"
sql "GRANT USAGE, CREATE ON SCHEMA public TO $APP_USER"
# the master user must be a member to hand tables over (PostgreSQL's rule for ALTER … OWNER)
sql "GRANT $APP_USER TO $MASTER_USER"
sql "DO \$\$ DECLARE t record; BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> '$APP_USER' LOOP
    EXECUTE format('ALTER TABLE public.%I OWNER TO $APP_USER', t.tablename);
  END LOOP;
END \$\$"
echo "database user $APP_USER ready in $DATABASE"
