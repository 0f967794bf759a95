package dailypapers.ingest.arxiv;

import dailypapers.ingest.Checkpoint;
import dailypapers.ingest.CheckpointStore;
import dailypapers.ingest.HarvestCounts;
import dailypapers.ingest.HarvestException;
import dailypapers.ingest.HarvestListener;
import dailypapers.ingest.Harvester;
import dailypapers.ingest.PaperMerge;
import dailypapers.ingest.Upstream;
import dailypapers.paper.PaperRecord;
import dailypapers.paper.UpsertCounts;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one arXiv set in sync through OAI-PMH {@code ListRecords}, incrementally by {@code from} datestamp and
 * page by page through resumptionTokens.
 *
 * <p>A window starts at the checkpoint's cursor (inclusive; arXiv datestamps are days) and ends when a page
 * carries no token. The checkpoint is saved after every stored page: mid-window it holds the token, so a crash
 * or restart resumes at the next page; when the window ends, the cursor becomes the first page's response date,
 * so the next window overlaps the last by at most a day, and upserts make the overlap a no-op.
 *
 * <p>OAI-PMH errors: {@code noRecordsMatch} ends the window with nothing new; {@code badResumptionToken} (tokens
 * expire) restarts the window from its cursor, once per run; any other error fails the run. Records deleted
 * upstream are counted and logged but not removed here: arXiv does not delete papers (withdrawals are new
 * versions), and a local paper may carry votes and comments.
 */
public final class OaiHarvester implements Harvester {

    private static final Logger log = LoggerFactory.getLogger(OaiHarvester.class);

    private final ArxivSet set;
    private final String metadataPrefix;
    private final Upstream upstream;
    private final URI baseUrl;
    private final PaperMerge merge;
    private final CheckpointStore checkpoints;
    private final Clock clock;
    private final int startDays;

    public OaiHarvester(ArxivSet set, String metadataPrefix, Upstream upstream, URI baseUrl, PaperMerge merge,
            CheckpointStore checkpoints, Clock clock, int startDays) {
        this.set = set;
        this.metadataPrefix = metadataPrefix;
        this.upstream = upstream;
        this.baseUrl = baseUrl;
        this.merge = merge;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.startDays = Math.max(1, startDays);
    }

    @Override
    public String source() {
        return "arxiv:" + set.spec();
    }

    public ArxivSet set() {
        return set;
    }

    /** Continues the current window, or starts one at the cursor (or {@code startDays} ago when there is none). */
    @Override
    public HarvestCounts harvest(HarvestListener listener) throws HarvestException {
        Checkpoint checkpoint = checkpoints.checkpoint(source()).orElse(Checkpoint.EMPTY);
        if (checkpoint.cursor() == null) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            return window(today.minusDays(startDays - 1L), null, null, listener);
        }
        return window(LocalDate.parse(checkpoint.cursor()), checkpoint.token(), checkpoint.nextCursor(), listener);
    }

    /**
     * Harvests everything with a datestamp from {@code from} on; resumes the stored window when it started on
     * the same day, so rerunning an interrupted backlog continues where it stopped.
     */
    public HarvestCounts harvestFrom(LocalDate from, HarvestListener listener) throws HarvestException {
        Checkpoint checkpoint = checkpoints.checkpoint(source()).orElse(Checkpoint.EMPTY);
        if (checkpoint.isMidWindow() && from.toString().equals(checkpoint.cursor())) {
            return window(from, checkpoint.token(), checkpoint.nextCursor(), listener);
        }
        return window(from, null, null, listener);
    }

    private HarvestCounts window(LocalDate from, String token, String nextCursor, HarvestListener listener)
            throws HarvestException {
        HarvestCounts total = HarvestCounts.NONE;
        boolean restarted = false;
        long done = 0;
        while (true) {
            OaiPage page = upstream.get(token == null ? firstPage(from) : nextPage(token), r -> OaiParser.parse(
                    r.body()));
            if (page.error().isPresent()) {
                OaiPage.OaiError error = page.error().get();
                switch (error.code()) {
                    case "noRecordsMatch" -> {
                        String settled = nextCursor != null ? nextCursor : day(page);
                        save(new Checkpoint(settled, null, null));
                        log.info("{}: nothing new since {}", source(), from);
                        return total;
                    }
                    case "badResumptionToken" -> {
                        if (restarted) {
                            throw new HarvestException(HarvestException.Code.OAI_ERROR, source()
                                    + ": badResumptionToken again after restarting the window: " + error.message());
                        }
                        log.warn("{}: resumption token refused ({}); restarting the window from {}", source(),
                                error.message(), from);
                        restarted = true;
                        token = null;
                        nextCursor = null;
                        save(new Checkpoint(from.toString(), null, null));
                        continue;
                    }
                    default -> throw new HarvestException(HarvestException.Code.OAI_ERROR,
                            source() + ": OAI-PMH error " + error.code() + ": " + error.message());
                }
            }
            if (nextCursor == null) {
                nextCursor = day(page);
            }
            HarvestCounts stored = store(page, listener);
            total = total.plus(stored);
            // The token's cursor is where this page starts in the whole list; resumed runs count from there.
            done = (page.cursor() >= 0 ? page.cursor() : done) + stored.received();
            String previous = token;
            token = page.token().orElse(null);
            if (token != null && token.equals(previous)) {
                // A repository that hands back the token it was given would keep us fetching one page forever.
                throw new HarvestException(HarvestException.Code.OAI_ERROR, source()
                        + ": the repository returned the same resumptionToken again: " + token);
            }
            save(token == null ? new Checkpoint(nextCursor, null, null)
                    : new Checkpoint(from.toString(), token, nextCursor));
            long expected = page.completeListSize() > 0 ? page.completeListSize() : 0;
            listener.page(new HarvestListener.PageProgress(source(), token == null ? "done" : "token " + token,
                    total, token == null ? Math.max(done, expected) : done, expected));
            if (token == null) {
                return total;
            }
        }
    }

    private HarvestCounts store(OaiPage page, HarvestListener listener) {
        for (String rejection : page.records().rejections()) {
            log.warn("{}: rejected {}", source(), rejection);
            listener.rejected(source(), rejection);
        }
        for (String deleted : page.records().deleted()) {
            log.info("{}: {} is deleted upstream; kept here", source(), deleted);
        }
        List<PaperRecord> admitted = page.records().records().stream()
                .filter(r -> set.admits(r.paper().categories())).toList();
        UpsertCounts stored = merge.store(admitted, PaperMerge.Authority.METADATA);
        long received = page.records().records().size() + page.records().rejections().size()
                + page.records().deleted().size();
        return HarvestCounts.page(received, stored, page.records().rejections().size(),
                page.records().deleted().size(), page.records().records().size() - admitted.size());
    }

    private void save(Checkpoint checkpoint) {
        checkpoints.saveCheckpoint(source(), checkpoint, clock.instant());
    }

    private static String day(OaiPage page) {
        return page.responseDate().atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private URI firstPage(LocalDate from) {
        return URI.create(baseUrl + "?verb=ListRecords&metadataPrefix=" + encode(metadataPrefix) + "&set="
                + encode(set.oaiSet()) + "&from=" + from);
    }

    private URI nextPage(String token) {
        return URI.create(baseUrl + "?verb=ListRecords&resumptionToken=" + encode(token));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
