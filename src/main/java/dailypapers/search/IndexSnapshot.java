package dailypapers.search;

/**
 * What an index on this machine's disk holds as of its last commit, read without its write lock, so while a server
 * holds the index ({@code doctor}).
 *
 * @param generation the generation served, under which the database keeps its sync checkpoint
 * @param documents  documents in the last commit (the server's searches may already see a few more)
 */
public record IndexSnapshot(String generation, long documents) {
}
