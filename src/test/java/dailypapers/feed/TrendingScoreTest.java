package dailypapers.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrendingScoreTest {

    private static final Instant NOW = Instant.parse("2026-08-22T12:00:00Z");

    @Test
    void followsTheDocumentedFormula() {
        Instant featured = NOW.minus(Duration.ofHours(10));
        assertThat(TrendingScore.score(100, featured, NOW)).isCloseTo(100 / Math.pow(12, 1.5), within(1e-12));
    }

    @Test
    void trendingFallsAsPaperAges() {
        Instant featured = NOW.minus(Duration.ofHours(1));
        double fresh = TrendingScore.score(50, featured, NOW);
        double older = TrendingScore.score(50, featured, NOW.plus(Duration.ofDays(1)));
        assertThat(older).isLessThan(fresh);
    }

    @Test
    void moreUpvotesRankHigherAtTheSameAge() {
        Instant featured = NOW.minus(Duration.ofHours(5));
        assertThat(TrendingScore.score(11, featured, NOW)).isGreaterThan(TrendingScore.score(10, featured, NOW));
    }

    @Test
    void aFutureFeaturingCountsAsAgeZero() {
        TrendingScore.Explanation explanation = TrendingScore.explain(8, NOW.plusSeconds(60), NOW);
        assertThat(explanation.ageHours()).isZero();
        assertThat(explanation.score()).isCloseTo(8 / Math.pow(2, 1.5), within(1e-12));
    }
}
