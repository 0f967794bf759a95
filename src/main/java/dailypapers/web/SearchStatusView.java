package dailypapers.web;

import dailypapers.search.EmbeddingJob.Progress;
import dailypapers.search.SearchStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search status as the admin page and {@code /api/search/status} show it: the model, papers in the database,
 * in the index and with vectors, and the embedding job's current or last run.
 *
 * @param model the model's name, or a sentence saying none is configured
 * @param job the embedding job's rows; empty without a model, as there is no job then
 */
public record SearchStatusView(PageFrame frame, String model, boolean hasModel, List<Row> counts, List<Row> job) {

    public SearchStatusView {
        counts = List.copyOf(counts);
        job = List.copyOf(job);
    }

    /** One line of a status table, its value already in words. */
    public record Row(String label, String value) {
    }

    static SearchStatusView of(SearchStatus status) {
        List<Row> counts = new ArrayList<>();
        counts.add(new Row("Papers in the database", number(status.papers())));
        counts.add(new Row("Papers in the index", number(status.indexed())
                + (status.isBuilding() ? " (the index is being rebuilt)" : "")));
        counts.add(new Row("Papers with a vector in the index", number(status.indexedWithVectors())));
        status.missingVectors().ifPresent(n -> counts.add(new Row("Papers without a vector from the model",
                number(n))));
        List<Row> job = status.embedding().map(SearchStatusView::job).orElse(List.of());
        return new SearchStatusView(new PageFrame("Search and embeddings — Daily Papers", PageFrame.Section.NONE,
                List.of(PageFrame.trendingFeed())), status.model().orElse("none is configured"),
                status.model().isPresent(), counts, job);
    }

    private static List<Row> job(Progress p) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("State", p.running() ? "running since " + p.started().orElseThrow() : "idle"));
        if (p.running()) {
            rows.add(new Row("This run", String.format(Locale.ENGLISH, "%s of %s papers embedded (%.0f%%)",
                    number(p.embedded()), number(p.missingAtStart()), p.fraction() * 100)));
            rows.add(new Row("Rate", rate(p)));
            rows.add(new Row("Time left", p.remaining().map(SearchStatusView::duration).orElse("not known yet")));
        }
        rows.add(new Row("Threads", String.valueOf(p.threads())));
        rows.add(new Row("Last run", p.lastFinished()
                .map(at -> "finished " + at + ", embedded " + number(p.lastRunEmbedded()) + " papers"
                        + (p.running() ? "" : " at " + rate(p)))
                .orElse("none since the server started")));
        return rows;
    }

    /** The JSON body of {@code /api/search/status}. */
    static Map<String, Object> json(SearchStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", status.model().orElse(null));
        body.put("papers", status.papers());
        body.put("indexed", status.indexed());
        body.put("indexedWithVectors", status.indexedWithVectors());
        body.put("missingVectors", status.missingVectors().isPresent() ? status.missingVectors().getAsLong() : null);
        body.put("indexBuilding", status.isBuilding());
        body.put("embedding", status.embedding().map(SearchStatusView::json).orElse(null));
        return body;
    }

    private static Map<String, Object> json(Progress p) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("running", p.running());
        job.put("threads", p.threads());
        job.put("startedAt", p.started().map(Instant::toString).orElse(null));
        job.put("embedded", p.embedded());
        job.put("missingAtStart", p.missingAtStart());
        job.put("papersPerSecond", Math.round(p.papersPerSecond() * 10) / 10.0);
        job.put("secondsLeft", p.remaining().map(Duration::toSeconds).orElse(null));
        job.put("lastFinishedAt", p.lastFinished().map(Instant::toString).orElse(null));
        job.put("lastRunEmbedded", p.lastRunEmbedded());
        return job;
    }

    private static String rate(Progress p) {
        return String.format(Locale.ENGLISH, "%,.1f papers/s", p.papersPerSecond());
    }

    private static String number(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    /** "42 s", "3 min 05 s", "2 h 07 min": seconds stop mattering once hours are left. */
    private static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }
}
