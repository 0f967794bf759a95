package dailypapers.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class ScanningPassageScorerTest {

    private static final String[] TERMS = {"diffus", "model", "video", "agent", "multi", "languag"};

    @Test
    void scoresEveryPassageExactlyAsLuceneDoes() {
        PassageScorer lucene = new PassageScorer();
        ScanningPassageScorer scanning = new ScanningPassageScorer();
        SplittableRandom random = new SplittableRandom(13);
        for (int round = 0; round < 2_000; round++) {
            Passage passage = new Passage();
            int start = random.nextInt(2_000);
            passage.setStartOffset(start);
            passage.setEndOffset(start + 1_000);
            int offset = start;
            int matches = random.nextInt(12);
            for (int i = 0; i < matches; i++) {
                int term = random.nextInt(TERMS.length);
                offset += 1 + random.nextInt(30);
                // The same term always carries the same frequency in the document, as the highlighter gives it.
                passage.addMatch(offset, offset + TERMS[term].length(), new BytesRef(TERMS[term]), 1 + term * 3);
                offset += TERMS[term].length();
            }
            int contentLength = passage.getEndOffset() + random.nextInt(3_000);

            assertThat(scanning.score(passage, contentLength)).isEqualTo(lucene.score(passage, contentLength));
        }
    }

    @Test
    void aPassageWithoutMatchesScoresZero() {
        Passage passage = new Passage();
        passage.setStartOffset(10);
        passage.setEndOffset(80);

        assertThat(new ScanningPassageScorer().score(passage, 500)).isZero();
    }
}
