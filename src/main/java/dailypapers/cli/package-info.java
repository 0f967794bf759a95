/**
 * The {@code dailypapers} command line (picocli): {@code serve}, {@code import}, {@code ingest} and {@code reindex},
 * thin shells over {@link dailypapers.App}.
 */
package dailypapers.cli;
