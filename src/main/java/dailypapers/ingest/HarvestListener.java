package dailypapers.ingest;

/**
 * Hears how a harvest goes: after each stored page, each rejected record as it is found, and each field dropped
 * from a record that was kept.
 */
public interface HarvestListener {

    HarvestListener NONE = new HarvestListener() {
        @Override
        public void page(PageProgress progress) {
        }

        @Override
        public void rejected(String source, String reason) {
        }

        @Override
        public void warned(String source, String reason) {
        }
    };

    void page(PageProgress progress);

    void rejected(String source, String reason);

    void warned(String source, String reason);

    /**
     * Progress after a page: records so far in this run, out of {@code expected} when the upstream says
     * (OAI-PMH completeListSize, days in a Hugging Face range), else 0.
     */
    record PageProgress(String source, String position, HarvestCounts soFar, long done, long expected) {
    }
}
