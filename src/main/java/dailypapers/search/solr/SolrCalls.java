package dailypapers.search.solr;

import static dailypapers.text.Messages.rootMessage;

import dailypapers.search.IndexUnavailableException;
import dailypapers.search.InvalidQueryException;
import java.io.IOException;
import java.util.Locale;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;

/**
 * One place that turns SolrJ's failures into ours: a cluster that cannot be reached or cannot serve (connection
 * refused, timeouts, a shard without a live replica) is an {@link IndexUnavailableException}, which the app
 * answers with a 503; a query Solr refuses for its size is an {@link InvalidQueryException}; anything else Solr
 * refuses is a fault of ours, an {@link IllegalStateException}.
 */
final class SolrCalls {

    /** A call to Solr. */
    interface Call<T> {
        T run() throws SolrServerException, IOException;
    }

    private SolrCalls() {
    }

    /** Runs {@code call}; {@code what} says what it was for in any error. */
    static <T> T call(String what, Call<T> call) {
        try {
            return call.run();
        } catch (SolrServerException | IOException e) {
            throw unavailable(what, e);
        } catch (SolrException e) {
            if (isTooManyClauses(e)) {
                throw new InvalidQueryException(InvalidQueryException.Reason.TOO_COMPLEX,
                        "the query has too many words", e);
            }
            if (e.code() >= 500 || e.code() == SolrException.ErrorCode.SERVICE_UNAVAILABLE.code) {
                throw unavailable(what, e);
            }
            throw new IllegalStateException("Solr refused to " + what + ": " + e.getMessage(), e);
        }
    }

    static IndexUnavailableException unavailable(String what, Exception e) {
        return new IndexUnavailableException("search is unavailable: cannot " + what + " on Solr: "
                + rootMessage(e).strip(), e);
    }

    /** Lucene's limit on clauses, met by a query with too many words. */
    private static boolean isTooManyClauses(SolrException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e.code() == SolrException.ErrorCode.BAD_REQUEST.code
                && (message.contains("too many clauses") || message.contains("too many nested clauses")
                        || message.contains("maxclausecount"));
    }
}
