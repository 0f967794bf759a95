/**
 * Hugging Face Daily Papers: {@link dailypapers.ingest.hf.DailyPapersParser} reads every schema generation of
 * {@code /api/daily_papers}; {@link dailypapers.ingest.hf.DailyPapersHarvester} features each day's papers.
 */
package dailypapers.ingest.hf;
