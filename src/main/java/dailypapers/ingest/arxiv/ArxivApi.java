package dailypapers.ingest.arxiv;

import dailypapers.ingest.HarvestException;
import dailypapers.ingest.Upstream;
import dailypapers.paper.ArxivId;
import dailypapers.paper.PaperRecord;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    /** The paper with this id, latest version; empty when arXiv has none. */
    public Optional<PaperRecord> lookup(ArxivId id) throws HarvestException {
        Results results = get("id_list=" + encode(id.value()) + "&max_results=1");
        return results.papers().stream().filter(p -> p.paper().id().equals(id)).findFirst();
    }

    /** Runs an arXiv query such as {@code ti:"early exit" AND cat:cs.CL}. */
    public Results search(String query, int start, int maxResults) throws HarvestException {
        if (maxResults < 1 || maxResults > MAX_RESULTS || start < 0) {
            throw new IllegalArgumentException("start must be >= 0 and maxResults 1.." + MAX_RESULTS);
        }
        return get("search_query=" + encode(query) + "&start=" + start + "&max_results=" + maxResults);
    }

    private Results get(String query) throws HarvestException {
        AtomParser.AtomPage page = upstream.get(URI.create(baseUrl + "?" + query), r -> AtomParser.parse(r.body()));
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
