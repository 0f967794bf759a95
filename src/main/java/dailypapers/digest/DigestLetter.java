package dailypapers.digest;

import java.util.List;

/**
 * A digest as its mail shows it, every value plain text (the HTML template escapes each one) and every link
 * absolute: what {@link DigestRenderer} and {@link DigestText} turn into the two parts of the mail.
 *
 * @param dateLine the day of the digest in the subscriber's zone, such as "Monday 1 December 2026"
 * @param reason   why the reader gets this mail, for the footer
 */
public record DigestLetter(String subject, String dateLine, List<Section> sections, String siteUrl,
        String preferencesUrl, String unsubscribeUrl, String reason) {

    public DigestLetter {
        sections = List.copyOf(sections);
    }

    /** One section: trending, or one topic. */
    public record Section(String title, List<Paper> papers) {

        public Section {
            papers = List.copyOf(papers);
        }
    }

    /**
     * One paper.
     *
     * @param authors the first few names, then "et al."
     * @param excerpt the abstract's opening, cut at a word
     */
    public record Paper(String title, String url, String authors, String excerpt, int upvotes) {
    }
}
