#!/usr/bin/env bash
# Sums the failsafe XML reports of one live-test run and puts the figures to CloudWatch:
#   .github/scripts/put-live-test-metrics.sh PROVIDER REPORT_DIR
# Metrics (namespace LiminalTransit/AI, dimension Provider): LiveTests, LiveTestFailures,
# LiveTestPassRate (percent), LiveTestSeconds.
set -euo pipefail

provider=${1:?provider}
reports=${2:?report directory}

tests=0 failures=0 seconds=0
shopt -s nullglob
for report in "$reports"/TEST-*.xml; do
    # the attributes of the <testsuite …> element
    header=$(grep -m 1 -o '<testsuite [^>]*>' "$report" || true)
    attr() { sed -nE "s/.* $1=\"([0-9.]+)\".*/\\1/p" <<<"$header"; }
    t=$(attr tests) f=$(attr failures) e=$(attr errors) s=$(attr time)
    tests=$((tests + ${t:-0}))
    failures=$((failures + ${f:-0} + ${e:-0}))
    seconds=$(awk -v a="$seconds" -v b="${s:-0}" 'BEGIN { printf "%.3f", a + b }')
done

if ((tests == 0)); then
    echo "no live test ran for $provider (keys or model missing?)"
    pass_rate=0
else
    pass_rate=$(awk -v t="$tests" -v f="$failures" 'BEGIN { printf "%.1f", 100 * (t - f) / t }')
fi
echo "$provider: $tests tests, $failures failed, ${pass_rate} % passed, ${seconds} s"

aws cloudwatch put-metric-data --namespace "LiminalTransit/AI" --metric-data \
    "MetricName=LiveTests,Dimensions=[{Name=Provider,Value=$provider}],Value=$tests,Unit=Count" \
    "MetricName=LiveTestFailures,Dimensions=[{Name=Provider,Value=$provider}],Value=$failures,Unit=Count" \
    "MetricName=LiveTestPassRate,Dimensions=[{Name=Provider,Value=$provider}],Value=$pass_rate,Unit=Percent" \
    "MetricName=LiveTestSeconds,Dimensions=[{Name=Provider,Value=$provider}],Value=$seconds,Unit=Seconds"
