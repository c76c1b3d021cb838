package dev.vigie.sim;

/** The metrics that every simulated service reports, with the bounds their values stay within. */
enum SimMetric {
    REQUESTS("requests_per_s", 0, Double.MAX_VALUE),
    CPU("cpu_usage", 0, 100),
    MEMORY("memory_usage", 0, 100),
    LATENCY_P50("latency_ms_p50", 0.1, Double.MAX_VALUE),
    LATENCY_P95("latency_ms_p95", 0.1, Double.MAX_VALUE),
    ERROR_RATE("error_rate", 0, 100),
    CONNECTIONS("active_connections", 0, Double.MAX_VALUE),
    DISK("disk_usage", 0, 100);

    static final SimMetric[] ALL = values();

    final String metric;
    final double min;
    final double max;

    SimMetric(String metric, double min, double max) {
        this.metric = metric;
        this.min = min;
        this.max = max;
    }
}
