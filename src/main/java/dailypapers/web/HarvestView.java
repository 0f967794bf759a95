package dailypapers.web;

import dailypapers.ingest.CheckpointStore.SourceState;
import dailypapers.ingest.HarvestCounts;
import dailypapers.ingest.HarvestMonitor;
import dailypapers.ingest.HarvestMonitor.SourceStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The harvest status as the admin page and {@code /api/harvest/status} show it: per source, the checkpoint, the
 * last run and its counts, the last error, and whether a run is going or the circuit is open.
 */
public record HarvestView(PageFrame frame, boolean scheduled, List<Row> rows) {

    public HarvestView {
        rows = List.copyOf(rows);
    }

    /** One source, with every value already in words or ISO-8601; "—" for what is unknown. */
    public record Row(String source, String upstream, String state, String cursor, String token, String lastRun,
            String lastSuccess, String counts, String lastErrorCode, String lastError, String lastErrorAt,
            int consecutiveFailures, boolean failing) {
    }

    static HarvestView of(HarvestMonitor monitor) {
        List<Row> rows = monitor.statuses().stream().map(HarvestView::row).toList();
        return new HarvestView(new PageFrame("Harvesters — Daily Papers", PageFrame.Section.NONE,
                List.of(PageFrame.trendingFeed())), monitor.isScheduled(), rows);
    }

    private static Row row(SourceStatus status) {
        SourceState s = status.state().orElse(null);
        String state = status.running() ? "running"
                : status.circuit() == null ? "idle"
                : switch (status.circuit()) {
                    case OPEN -> "paused: circuit open until " + status.circuitOpenUntil();
                    case HALF_OPEN -> "trying again";
                    case CLOSED -> "idle";
                };
        if (s == null) {
            return new Row(status.source(), orDash(status.upstream()), state, "—", "—", "never", "never", "—",
                    null, null, null, 0, false);
        }
        String errorCode = s.lastErrorCode() == null ? null : s.lastErrorCode().name();
        return new Row(status.source(), orDash(status.upstream()), state, orDash(s.checkpoint().cursor()),
                orDash(s.checkpoint().token()), time(s.lastRunStartedAt()), time(s.lastSuccessAt()),
                s.lastRunStartedAt() == null ? "—" : s.lastRunCounts().toString(), errorCode, s.lastErrorMessage(),
                time(s.lastErrorAt()), s.consecutiveFailures(), s.consecutiveFailures() > 0);
    }

    /** The JSON body of {@code /api/harvest/status}. */
    static Map<String, Object> json(HarvestMonitor monitor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scheduled", monitor.isScheduled());
        body.put("sources", monitor.statuses().stream().map(HarvestView::json).toList());
        return body;
    }

    private static Map<String, Object> json(SourceStatus status) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("source", status.source());
        source.put("upstream", status.upstream());
        source.put("running", status.running());
        source.put("circuit", status.circuit() == null ? null : status.circuit().name().toLowerCase(Locale.ROOT));
        source.put("circuitOpenUntil", iso(status.circuitOpenUntil()));
        SourceState s = status.state().orElse(null);
        source.put("cursor", s == null ? null : s.checkpoint().cursor());
        source.put("resumptionToken", s == null ? null : s.checkpoint().token());
        source.put("checkpointAt", s == null ? null : iso(s.checkpointAt()));
        source.put("lastRunStartedAt", s == null ? null : iso(s.lastRunStartedAt()));
        source.put("lastRunFinishedAt", s == null ? null : iso(s.lastRunFinishedAt()));
        source.put("lastSuccessAt", s == null ? null : iso(s.lastSuccessAt()));
        source.put("lastRun", s == null || s.lastRunStartedAt() == null ? null : counts(s.lastRunCounts()));
        Map<String, Object> error = null;
        if (s != null && s.lastErrorCode() != null) {
            error = new LinkedHashMap<>();
            error.put("code", s.lastErrorCode().name().toLowerCase(Locale.ROOT));
            error.put("message", s.lastErrorMessage());
            error.put("at", iso(s.lastErrorAt()));
        }
        source.put("lastError", error);
        source.put("consecutiveFailures", s == null ? 0 : s.consecutiveFailures());
        return source;
    }

    private static Map<String, Object> counts(HarvestCounts c) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("pages", c.pages());
        counts.put("received", c.received());
        counts.put("inserted", c.inserted());
        counts.put("updated", c.updated());
        counts.put("unchanged", c.unchanged());
        counts.put("rejected", c.rejected());
        counts.put("deleted", c.deleted());
        counts.put("filtered", c.filtered());
        return counts;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String time(Instant instant) {
        return instant == null ? "never" : instant.toString();
    }

    private static String orDash(String text) {
        return text == null ? "—" : text;
    }
}
