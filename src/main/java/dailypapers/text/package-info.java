/**
 * Text that every feature writes the same way, such as {@link dailypapers.text.Messages} for error messages, and
 * paper text with its TeX made readable: start at {@link dailypapers.text.TexText} (HTML parts with MathML, or plain
 * text), which uses {@link dailypapers.text.InlineMath} to find formulas and {@link dailypapers.text.TexMath} to
 * convert them. Imports nothing else of ours.
 */
package dailypapers.text;
