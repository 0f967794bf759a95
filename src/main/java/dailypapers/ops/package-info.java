/**
 * Operations: what an operator asks of a running node and of an installation. {@link dailypapers.ops.Readiness}
 * answers {@code /readyz} with each dependency by name; {@link dailypapers.ops.Doctor} runs the checks of
 * {@code ./dailypapers doctor}; {@link dailypapers.ops.LogFormat} switches the log between text and JSON lines.
 * Start at {@code Readiness} for the probe and at {@code Doctor} for the command.
 */
package dailypapers.ops;
