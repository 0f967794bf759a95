package dailypapers.eval;

/** One corpus entry of a BEIR dataset. */
public record BeirDocument(String id, String title, String text) {

    public BeirDocument {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("document id is empty");
        }
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
