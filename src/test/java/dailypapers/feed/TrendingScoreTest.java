package dailypapers.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrendingScoreTest {

    /** 58,980 hours after 2020-01-01T00:00Z. */
    private static final Instant FEATURED = Instant.parse("2026-09-23T12:00:00Z");

    @Test
    void followsTheDocumentedFormula() {
        assertThat(TrendingScore.score(99, FEATURED)).isCloseTo(2 + 58_980 / 48.0, within(1e-9));
        assertThat(TrendingScore.score(0, TrendingScore.EPOCH)).isZero();
    }

    @Test
    void theScoreIsItsPartsAndCountsWholeMilliseconds() {
        TrendingScore.Explanation explanation = TrendingScore.explain(9, FEATURED.plusNanos(1_999_999));

        assertThat(explanation.featuredHours()).isCloseTo(58_980 + 1 / 3_600_000.0, within(1e-10));
        assertThat(explanation.votes()).isEqualTo(1);
        assertThat(explanation.time()).isEqualTo(explanation.featuredHours() / 48);
        assertThat(explanation.score()).isEqualTo(explanation.votes() + explanation.time());
    }

    @Test
    void aPaperFeaturedLaterRanksHigherOnTheSameUpvotes() {
        assertThat(TrendingScore.score(50, FEATURED.plus(Duration.ofHours(1))))
                .isGreaterThan(TrendingScore.score(50, FEATURED));
    }

    @Test
    void moreUpvotesRankHigherWhenFeaturedAtTheSameInstant() {
        assertThat(TrendingScore.score(1, FEATURED)).isGreaterThan(TrendingScore.score(0, FEATURED));
        assertThat(TrendingScore.score(11, FEATURED)).isGreaterThan(TrendingScore.score(10, FEATURED));
    }

    @Test
    void tenTimesTheUpvotesPlusOneMakeUpForHoursPerTenfoldOfAge() {
        Instant earlier = FEATURED.minus(Duration.ofHours(48));

        assertThat(TrendingScore.score(109, earlier)).isCloseTo(TrendingScore.score(10, FEATURED), within(1e-9));
        assertThat(TrendingScore.upvotesToMatch(10, 48)).isCloseTo(109, within(1e-9));
        assertThat(TrendingScore.upvotesToMatch(10, 0)).isCloseTo(10, within(1e-9));
    }
}
