package dailypapers.ingest;

/** Where a record that was kept lost a field (a bad optional URL), and which field and why. */
public record ImportWarning(String file, long line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
