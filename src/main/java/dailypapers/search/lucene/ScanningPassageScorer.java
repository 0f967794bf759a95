package dailypapers.search.lucene;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default passage scoring (BM25 over the passage's matches, k1 1.2, b 0.75, pivot 87), the same numbers
 * in the same order, without the {@code BytesRefHash} it builds per passage to count each term's matches: that
 * hash allocates a 32 KiB block every time, and took 15% of highlighting a page of results. A passage matches a
 * handful of distinct query terms, so finding a term among those already seen by scanning them is cheaper.
 */
final class ScanningPassageScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] matchTerms = passage.getMatchTerms();
        int[] matchFreqsInDoc = passage.getMatchTermFreqsInDoc();
        // Distinct terms in order of first match, as the hash numbers them, so the sum adds up in the same order.
        BytesRef[] terms = new BytesRef[matches];
        int[] freqsInPassage = new int[matches];
        int[] freqsInDoc = new int[matches];
        int distinct = 0;
        for (int i = 0; i < matches; i++) {
            int term = 0;
            while (term < distinct && !terms[term].bytesEquals(matchTerms[i])) {
                term++;
            }
            if (term == distinct) {
                terms[term] = matchTerms[i];
                freqsInDoc[term] = matchFreqsInDoc[i];
                distinct++;
            }
            freqsInPassage[term]++;
        }
        double score = 0;
        for (int term = 0; term < distinct; term++) {
            score += tf(freqsInPassage[term], passage.getLength()) * weight(contentLength, freqsInDoc[term]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
