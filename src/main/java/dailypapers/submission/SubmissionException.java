package dailypapers.submission;

import dailypapers.UserFacingException;
import java.util.Optional;

/**
 * A submission or a claim that breaks a rule: its {@link Code} says which, so a form puts the message next to the
 * field at fault and logs count refusals by kind. Nothing was stored.
 */
public final class SubmissionException extends UserFacingException {

    /** What went wrong, and the form field it concerns ({@code null}: the whole request). */
    public enum Code {
        ID_INVALID("id"), NOT_ON_ARXIV("id"), TOO_OLD("id"), ALREADY_FEATURED("id"), UPSTREAM_UNAVAILABLE("id"),
        DAILY_CAP_REACHED(null), CLAIM_REQUIRED(null), NOT_ALLOWED(null), NO_SUCH_PAPER(null),
        NO_SUCH_SUBMISSION(null), REASON_INVALID("reason"), AUTHOR_INVALID("author"), CLAIM_OPEN("author"),
        NO_SUCH_CLAIM(null), CLAIM_DECIDED(null), OWN_CLAIM(null), AUTHOR_TAKEN(null);

        private final String field;

        Code(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    private final Code code;
    private final Optional<FeaturedBy> featured;

    public SubmissionException(Code code, String message) {
        this(code, message, Optional.empty());
    }

    private SubmissionException(Code code, String message, Optional<FeaturedBy> featured) {
        super(message);
        this.code = code;
        this.featured = featured;
    }

    /** The paper is on Daily Papers already; the form says who featured it and when. */
    static SubmissionException alreadyFeatured(FeaturedBy featured) {
        return new SubmissionException(Code.ALREADY_FEATURED, "This paper is already on Daily Papers.",
                Optional.of(featured));
    }

    public Code code() {
        return code;
    }

    /** Who featured the paper and when, for {@link Code#ALREADY_FEATURED}. */
    public Optional<FeaturedBy> featured() {
        return featured;
    }
}
