package dailypapers.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latencies of one pass, in milliseconds, and the pass's throughput. */
record Latencies(double[] millis, double seconds) {

    /** The nearest-rank percentile {@code p} (0 to 100). */
    double percentile(double p) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double perSecond() {
        return millis.length / seconds;
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", millis.length);
        summary.put("p50_ms", percentile(50));
        summary.put("p95_ms", percentile(95));
        summary.put("p99_ms", percentile(99));
        summary.put("per_second", perSecond());
        return summary;
    }
}
