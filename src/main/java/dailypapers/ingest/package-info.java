/**
 * Getting papers in: {@link dailypapers.ingest.PaperImporter} streams JSON-lines files (our schema and the arXiv
 * Kaggle snapshot) into the store; bad records become {@link dailypapers.ingest.Rejection}s with file:line and reason.
 */
package dailypapers.ingest;
