output "alarm_topic_arn" {
  description = "SNS topic of the alarms in the app's region (AI error rate)."
  value       = aws_sns_topic.alarms.arn
}

output "alarm_topic_global_arn" {
  description = "SNS topic of the edge alarms in us-east-1 (5xx rate, availability, latency)."
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
    aws_cloudwatch_metric_alarm.latency.alarm_name,
    aws_cloudwatch_metric_alarm.ai_errors.alarm_name,
  ]
}
