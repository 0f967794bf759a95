/**
 * Getting papers in. {@link dailypapers.ingest.PaperImporter} streams JSON-lines files (our schema and the arXiv
 * Kaggle snapshot) into the store; bad records become {@link dailypapers.ingest.Rejection}s with file:line and reason.
 *
 * <p>Harvesters keep an instance fresh from upstream sources: each {@link dailypapers.ingest.Harvester} saves a
 * {@link dailypapers.ingest.Checkpoint} in the {@link dailypapers.ingest.CheckpointStore} after every stored page;
 * {@link dailypapers.ingest.Upstream} is the polite HTTP client (politeness interval, timeouts, retries with backoff,
 * Retry-After, circuit breaker); {@link dailypapers.ingest.HarvestRunner} records each run's outcome and
 * {@link dailypapers.ingest.PaperMerge} keeps one source from erasing what another knows. Sources live in
 * {@code ingest.hf} and {@code ingest.arxiv}.
 */
package dailypapers.ingest;
