package dailypapers.search;

/** One ranked document: its id and the engine's score (BM25, vector similarity or fused). */
public record Hit(String id, double score) {
}
