package dailypapers.ingest;

/**
 * Where a source's next run starts. It is saved after each page is stored, so a crash between pages costs at
 * most one page fetched again; the store's upsert makes that refetch a no-op, so nothing is stored twice.
 *
 * @param cursor     the settled position: arXiv's {@code from} datestamp for the current window, or the last
 *                   Hugging Face day stored completely
 * @param token      where to continue mid-window: an OAI-PMH resumptionToken or the next page's URL; null between
 *                   windows
 * @param nextCursor what {@code cursor} becomes once the current window completes (arXiv: the first page's
 *                   response date; Hugging Face: the day that {@code token} belongs to); null when unknown
 */
public record Checkpoint(String cursor, String token, String nextCursor) {

    public static final Checkpoint EMPTY = new Checkpoint(null, null, null);

    public boolean isMidWindow() {
        return token != null;
    }
}
