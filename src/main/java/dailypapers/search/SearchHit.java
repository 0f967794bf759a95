package dailypapers.search;

import dailypapers.paper.PaperEntry;

/**
 * One result: the paper, its score in the mode that ranked it, highlighted snippets, and why it ranks here.
 *
 * @param keywordRank  rank in the keyword results (from 1), 0 when not among them
 * @param semanticRank rank in the semantic results (from 1), 0 when not among them
 * @param isExactMatch the query was this paper's id or exact title
 */
public record SearchHit(PaperEntry entry, double score, Snippets snippets, int keywordRank, int semanticRank,
        boolean isExactMatch) {
}
