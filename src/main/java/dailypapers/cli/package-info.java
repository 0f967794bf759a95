/**
 * The {@code dailypapers} command line (picocli): {@code serve}, {@code import}, {@code ingest}, {@code reindex},
 * {@code embed}, {@code eval}, {@code mail}, {@code user} and {@code digest}, thin shells over the feature modules that {@link dailypapers.App} composes. Start
 * with {@link dailypapers.cli.Main}; long-running commands stop on a signal through {@link StopSignals}.
 */
package dailypapers.cli;
