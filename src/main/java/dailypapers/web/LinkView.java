package dailypapers.web;

/** A labelled link as a template prints it. */
public record LinkView(String label, String href) {
}
