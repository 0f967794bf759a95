package dailypapers.ingest.hf;

import dailypapers.ingest.Checkpoint;
import dailypapers.ingest.CheckpointStore;
import dailypapers.ingest.HarvestCounts;
import dailypapers.ingest.HarvestException;
import dailypapers.ingest.HarvestListener;
import dailypapers.ingest.Harvester;
import dailypapers.ingest.LinkHeader;
import dailypapers.ingest.ParsedPage;
import dailypapers.ingest.PaperMerge;
import dailypapers.ingest.Upstream;
import dailypapers.paper.UpsertCounts;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Features the papers Hugging Face lists on each day ({@code GET /api/daily_papers?date=YYYY-MM-DD}, following
 * {@code Link: rel="next"} pages) with their upvotes, comments, GitHub repository, project page and AI keywords.
 *
 * <p>The checkpoint's cursor is the last day stored completely. A scheduled run covers every day after it up to
 * today, and always the last {@code lookbackDays} days again, because a day's list and its upvotes keep growing
 * after the day is first seen. Mid-day, the checkpoint holds the next page's URL and the day it belongs to.
 */
public final class DailyPapersHarvester implements Harvester {

    private static final Logger log = LoggerFactory.getLogger(DailyPapersHarvester.class);
    /** Guards against a Link header that loops. */
    private static final int MAX_PAGES_PER_DAY = 100;

    private final String source;
    private final Upstream upstream;
    private final URI baseUrl;
    private final PaperMerge merge;
    private final CheckpointStore checkpoints;
    private final Clock clock;
    private final int lookbackDays;
    private final int startDays;

    /**
     * @param lookbackDays recent days fetched again on every scheduled run
     * @param startDays    days a source without a checkpoint starts with, today included
     */
    public DailyPapersHarvester(String source, Upstream upstream, URI baseUrl, PaperMerge merge,
            CheckpointStore checkpoints, Clock clock, int lookbackDays, int startDays) {
        this.source = source;
        this.upstream = upstream;
        this.baseUrl = baseUrl;
        this.merge = merge;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.lookbackDays = Math.max(1, lookbackDays);
        this.startDays = Math.max(1, startDays);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public HarvestCounts harvest(HarvestListener listener) throws HarvestException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Checkpoint checkpoint = checkpoints.checkpoint(source).orElse(Checkpoint.EMPTY);
        LocalDate from;
        if (checkpoint.cursor() == null) {
            from = today.minusDays(startDays - 1L);
        } else {
            LocalDate afterCursor = LocalDate.parse(checkpoint.cursor()).plusDays(1);
            LocalDate lookback = today.minusDays(lookbackDays - 1L);
            from = afterCursor.isBefore(lookback) ? afterCursor : lookback;
        }
        return harvestDays(from, today, listener);
    }

    /** Harvests each day from {@code from} to {@code to}, both included; the checkpoint only moves forward. */
    public HarvestCounts harvestDays(LocalDate from, LocalDate to, HarvestListener listener)
            throws HarvestException {
        HarvestCounts total = HarvestCounts.NONE;
        long days = Math.max(0, ChronoUnit.DAYS.between(from, to) + 1);
        long done = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            total = harvestDay(day, total, done, days, listener);
            done++;
        }
        return total;
    }

    private HarvestCounts harvestDay(LocalDate day, HarvestCounts total, long done, long days,
            HarvestListener listener) throws HarvestException {
        Checkpoint checkpoint = checkpoints.checkpoint(source).orElse(Checkpoint.EMPTY);
        URI next = checkpoint.isMidWindow() && day.toString().equals(checkpoint.nextCursor())
                ? URI.create(checkpoint.token())
                : dayUrl(day);
        for (int page = 0; next != null && page < MAX_PAGES_PER_DAY; page++) {
            Fetched fetched = upstream.get(next, response -> new Fetched(
                    DailyPapersParser.parse(response.body(), day),
                    LinkHeader.next(response.uri(), response.header("Link"))));
            for (String rejection : fetched.page().rejections()) {
                log.warn("{} {}: rejected {}", source, day, rejection);
                listener.rejected(source, day + " " + rejection);
            }
            for (String warning : fetched.page().warnings()) {
                log.warn("{} {}: kept without a field: {}", source, day, warning);
                listener.warned(source, day + " " + warning);
            }
            UpsertCounts stored = merge.store(fetched.page().records(), PaperMerge.Authority.COMMUNITY);
            total = total.plus(HarvestCounts.page(fetched.page().records().size() + fetched.page().rejections()
                    .size(), stored, fetched.page().rejections().size(), 0, 0));
            next = fetched.next().orElse(null);
            Checkpoint current = checkpoints.checkpoint(source).orElse(Checkpoint.EMPTY);
            checkpoints.saveCheckpoint(source, next != null
                    ? new Checkpoint(current.cursor(), next.toString(), day.toString())
                    : new Checkpoint(later(current.cursor(), day), null, null), clock.instant());
            listener.page(new HarvestListener.PageProgress(source, day.toString(), total,
                    next == null ? done + 1 : done, days));
        }
        return total;
    }

    private URI dayUrl(LocalDate day) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/api/daily_papers?date=" + URLEncoder.encode(day.toString(),
                StandardCharsets.UTF_8));
    }

    private static String later(String cursor, LocalDate day) {
        return cursor != null && LocalDate.parse(cursor).isAfter(day) ? cursor : day.toString();
    }

    private record Fetched(ParsedPage page, Optional<URI> next) {
    }
}
