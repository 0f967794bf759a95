/** The {@code dailypapers} command line (picocli): {@code serve} and {@code import}, thin shells over {@link dailypapers.App}. */
package dailypapers.cli;
