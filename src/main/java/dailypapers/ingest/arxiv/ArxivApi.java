package dailypapers.ingest.arxiv;

import dailypapers.ingest.HarvestException;
import dailypapers.ingest.Upstream;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperRecord;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The arXiv search API ({@code export.arxiv.org/api/query}) for single papers (a member submitting an id) and
 * small queries. It shares the OAI-PMH harvesters' {@link Upstream}, so arXiv's one-request-per-3-seconds rule
 * holds across both. Bulk harvesting belongs to OAI-PMH, as arXiv asks.
 */
public final class ArxivApi {

    /** arXiv's own cap on one API page. */
    public static final int MAX_RESULTS = 2_000;

    private final Upstream upstream;
    private final URI baseUrl;

    public ArxivApi(Upstream upstream, URI baseUrl) {
        this.upstream = upstream;
        this.baseUrl = baseUrl;
    }

    /** A page of search results. */
    public record Results(long total, long start, List<PaperRecord> papers, List<String> rejections) {
    }

    /**
     * The paper with this id, latest version; empty when arXiv has none. Someone is waiting on the answer, so it
     * takes its turn among the harvests' requests but gives up with {@code BUSY} or {@code TIMEOUT} rather than wait
     * past {@code deadline}.
     */
    public Optional<PaperRecord> lookup(ArxivId id, Duration deadline) throws HarvestException {
        AtomParser.AtomPage page = upstream.get(url("id_list=" + encode(id.value()) + "&max_results=1"),
                ArxivApi::parse, deadline);
        return results(page).papers().stream().filter(p -> p.paper().id().equals(id)).findFirst();
    }

    /** Runs an arXiv query such as {@code ti:"early exit" AND cat:cs.CL}. */
    public Results search(String query, int start, int maxResults) throws HarvestException {
        if (maxResults < 1 || maxResults > MAX_RESULTS || start < 0) {
            throw new IllegalArgumentException("start must be >= 0 and maxResults 1.." + MAX_RESULTS);
        }
        return results(upstream.get(url("search_query=" + encode(query) + "&start=" + start + "&max_results="
                + maxResults), ArxivApi::parse));
    }

    private URI url(String query) {
        return URI.create(baseUrl + "?" + query);
    }

    private static AtomParser.AtomPage parse(Upstream.Response response) throws Upstream.MalformedResponse {
        return AtomParser.parse(response.body());
    }

    private static Results results(AtomParser.AtomPage page) throws HarvestException {
        if (!page.errors().isEmpty() && page.entries().records().isEmpty()) {
            throw new HarvestException(HarvestException.Code.CLIENT_ERROR, "arXiv API: " + page.errors().getFirst());
        }
        return new Results(Math.max(0, page.totalResults()), Math.max(0, page.startIndex()),
                page.entries().records(), page.entries().rejections());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
