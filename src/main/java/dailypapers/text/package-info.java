/**
 * Text that every feature writes or cleans alike: {@link dailypapers.text.Messages} for error messages,
 * {@link dailypapers.text.CleanText} for the characters untrusted text may keep. Imports nothing else of ours.
 */
package dailypapers.text;
