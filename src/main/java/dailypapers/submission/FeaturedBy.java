package dailypapers.submission;

import dailypapers.paper.ArxivId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Who put a paper on Daily Papers and on which day: a member's visible submission, or else the harvest or import
 * that brought in Hugging Face's featuring.
 *
 * @param submission the id of the member's submission, empty with {@code member}
 */
public record FeaturedBy(ArxivId paper, LocalDate day, Optional<MemberName> member, Optional<Long> submission) {
}
