/**
 * Backups, restores and moves between databases: a whole database copied table by table, through one consistent
 * read, into a checksummed archive ({@link dailypapers.backup.BackupArchive}) or straight into another database
 * ({@link dailypapers.backup.Backups}). The search index is derived from the database and never carried.
 */
package dailypapers.backup;
