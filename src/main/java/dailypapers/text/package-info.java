/**
 * Text that every feature writes the same way, such as {@link dailypapers.text.Messages} for error messages. Imports
 * nothing else of ours.
 */
package dailypapers.text;
