/**
 * Getting papers in. {@link dailypapers.ingest.PaperImporter} streams JSON-lines files (our schema and the arXiv
 * Kaggle snapshot) into the store; bad records become {@link dailypapers.ingest.Rejection}s with file:line and reason.
 * {@link dailypapers.ingest.PaperExporter} is its inverse: every stored paper back out in our schema.
 *
 * <p>Harvesters keep an instance fresh from upstream sources: each {@link dailypapers.ingest.Harvester} saves a
 * {@link dailypapers.ingest.Checkpoint} in the {@link dailypapers.ingest.CheckpointStore} after every stored page;
 * {@link dailypapers.ingest.Upstream} is the polite HTTP client (politeness slots shared by every caller of a host,
 * deadlines for lookups, timeouts, retries with backoff, Retry-After, circuit breaker);
 * {@link dailypapers.ingest.HarvestRunner} records each run's outcome and {@link dailypapers.ingest.PaperMerge} keeps
 * one source from erasing what another knows. Sources live in {@code ingest.hf} and {@code ingest.arxiv}.
 *
 * <p>Every parser reads author names through {@link dailypapers.ingest.Authors} and text fields (ids, days,
 * timestamps) through {@link dailypapers.ingest.TextFields}, so all sources read them alike.
 */
package dailypapers.ingest;
