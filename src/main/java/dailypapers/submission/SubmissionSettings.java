package dailypapers.submission;

/**
 * The rules of submitting, read by {@code Config} from the {@code submission.*} keys.
 *
 * @param maxAgeDays   a paper published more than this many days before today is refused, unless a moderator
 *                     submits it (Hugging Face's rule is 7)
 * @param dailyCap     the most papers one member submits on one (UTC) day, hidden submissions included
 * @param requireClaim whether only members with a confirmed authorship claim may submit
 */
public record SubmissionSettings(int maxAgeDays, int dailyCap, boolean requireClaim) {

    public SubmissionSettings {
        if (maxAgeDays < 0 || dailyCap < 1) {
            throw new IllegalArgumentException("the age limit must not be negative and the daily cap at least 1");
        }
    }
}
