/**
 * Text that every feature writes or cleans the same way: {@link dailypapers.text.Messages} for error messages,
 * {@link dailypapers.text.CleanText} for the characters untrusted text may keep, and paper text with its TeX made
 * readable: start at {@link dailypapers.text.TexText} (HTML parts with MathML, or plain text), which uses
 * {@link dailypapers.text.InlineMath} to find formulas and {@link dailypapers.text.TexMath} to convert them.
 * Imports nothing else of ours.
 */
package dailypapers.text;
