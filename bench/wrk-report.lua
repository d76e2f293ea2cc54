-- Prints one machine-readable line after a wrk run: wrk's own --latency table has no p95.
-- Latencies are in microseconds; rps is completed requests over the run's wall time.
done = function(summary, latency, requests)
  local non2xx = summary.errors.status
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCH requests=%d rps=%.1f p50=%d p95=%d p99=%d max=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    non2xx, errors))
end
