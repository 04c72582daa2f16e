output "alarm_topic_arn" {
  description = "SNS topic of the alarms in the app's region (steps, AI, service, database)."
  value       = aws_sns_topic.alarms.arn
}

output "alarm_topic_global_arn" {
  description = "SNS topic of the edge alarms in us-east-1 (5xx rate, availability)."
  value       = aws_sns_topic.alarms_global.arn
}

output "dashboard_name" {
  description = "Name of the CloudWatch dashboard."
  value       = aws_cloudwatch_dashboard.this.dashboard_name
}

output "alarm_names" {
  description = "Names of all alarms."
  value = [
    aws_cloudwatch_metric_alarm.error_rate.alarm_name,
    aws_cloudwatch_metric_alarm.availability.alarm_name,
    aws_cloudwatch_metric_alarm.step_latency.alarm_name,
    aws_cloudwatch_metric_alarm.ai_errors.alarm_name,
    aws_cloudwatch_metric_alarm.ai_budget_burn.alarm_name,
    aws_cloudwatch_metric_alarm.safety_block_rate.alarm_name,
    aws_cloudwatch_metric_alarm.safety_unavailable.alarm_name,
    aws_cloudwatch_metric_alarm.task_count.alarm_name,
    aws_cloudwatch_metric_alarm.database_capacity.alarm_name,
  ]
}
