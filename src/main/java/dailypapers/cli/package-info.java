/**
 * The {@code dailypapers} command line (picocli): {@code serve}, {@code import} and {@code ingest}, thin shells over
 * {@link dailypapers.App}.
 */
package dailypapers.cli;
