package dailypapers.ingest;

/**
 * Hears how an import goes: progress now and then, each rejected record as it is found, and each field dropped
 * from a record that was kept.
 */
public interface ImportListener {

    ImportListener NONE = new ImportListener() {
        @Override
        public void progress(Progress progress) {
        }

        @Override
        public void rejected(Rejection rejection) {
        }

        @Override
        public void warned(ImportWarning warning) {
        }
    };

    void progress(Progress progress);

    void rejected(Rejection rejection);

    void warned(ImportWarning warning);

    /** Bytes of the (possibly compressed) file consumed so far, out of its size; records read so far. */
    record Progress(String file, long bytesRead, long totalBytes, long records, long rejected, long elapsedNanos) {

        public double fraction() {
            return totalBytes <= 0 ? 0 : Math.min(1.0, (double) bytesRead / totalBytes);
        }
    }
}
