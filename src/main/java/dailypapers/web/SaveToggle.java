package dailypapers.web;

import dailypapers.paper.ArxivId;

/**
 * The "Save" / "Saved" button of a paper: a form that posts the opposite of its state, then comes back to
 * {@code next}.
 */
public record SaveToggle(String action, boolean isSaved, String next) {

    static SaveToggle of(ArxivId paper, boolean saved, String next) {
        return new SaveToggle(LibraryLinks.save(paper), saved, next);
    }

    /** The value the form posts: what the paper becomes. */
    public String target() {
        return isSaved ? "false" : "true";
    }
}
