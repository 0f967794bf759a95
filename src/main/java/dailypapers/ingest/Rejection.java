package dailypapers.ingest;

/** Where a rejected record sits in its file and why it was rejected. */
public record Rejection(String file, long line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
