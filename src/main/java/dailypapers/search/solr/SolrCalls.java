package dailypapers.search.solr;

import static dailypapers.text.Messages.rootMessage;

import dailypapers.search.IndexUnavailableException;
import dailypapers.search.InvalidQueryException;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;

/**
 * One place that turns SolrJ's failures into ours: a cluster that cannot be reached or answers 503 (connection
 * refused, timeouts, a shard without a live replica), or a read it fails with a server error, is an
 * {@link IndexUnavailableException}, which the app answers with a 503; a query Solr refuses for its size is an
 * {@link InvalidQueryException}; any other answer Solr refuses with is a fault of ours, an
 * {@link IllegalStateException}.
 */
final class SolrCalls {

    /** A call to Solr. */
    interface Call<T> {
        T run() throws SolrServerException, IOException;
    }

    private SolrCalls() {
    }

    /** Runs {@code call}, a write or an administrative request; {@code what} says what it was for in any error. */
    static <T> T call(String what, Call<T> call) {
        return run(what, call, false);
    }

    /**
     * Runs {@code call}, a read (a search, a count): there a node's server error (5xx) is the cluster's trouble too,
     * as when the node asked cannot reach the other shards' replicas while nodes die or start. A write refused with
     * a 500 (a document Solr cannot take) stays a fault of ours.
     */
    static <T> T query(String what, Call<T> call) {
        return run(what, call, true);
    }

    private static <T> T run(String what, Call<T> call, boolean read) {
        try {
            return call.run();
        } catch (SolrServerException | IOException | SolrException e) {
            // SolrJ wraps the answer of a node that refused a request in the error of trying them all.
            Optional<SolrException> refused = refusal(e);
            if (refused.isEmpty()) {
                throw unavailable(what, e);
            }
            if (isTooManyClauses(refused.get())) {
                throw new InvalidQueryException(InvalidQueryException.Reason.TOO_COMPLEX,
                        "the query has too many words", e);
            }
            int code = refused.get().code();
            if (code == SolrException.ErrorCode.SERVICE_UNAVAILABLE.code || read && code >= 500) {
                throw unavailable(what, e);
            }
            throw new IllegalStateException("Solr refused to " + what + ": " + refused.get().getMessage(), e);
        }
    }

    /** The answer of a node that refused the request, when that is what failed. */
    private static Optional<SolrException> refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SolrException solr && solr.code() > 0) {
                return Optional.of(solr);
            }
        }
        return Optional.empty();
    }

    static IndexUnavailableException unavailable(String what, Exception e) {
        return new IndexUnavailableException("search is unavailable: cannot " + what + " on Solr: "
                + rootMessage(e).strip(), e);
    }

    /** Lucene's limit on clauses, met by a query with too many words (Solr answers it with a 500). */
    private static boolean isTooManyClauses(SolrException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("maxclausecount") || message.contains("too many clauses");
    }
}
