/**
 * Daily Papers: a self-hostable research-paper discovery service. Start at {@link dailypapers.App}, which wires
 * {@link dailypapers.Config}, the database, the stores and the services, and at {@link dailypapers.cli.Main}, the
 * command line. Each child package is one feature; {@code store}, {@code web} and {@code cli} are shells around them.
 */
package dailypapers;
