package dailypapers.embedding;

/** The model or tokenizer could not be loaded or run; not caused by the text, so retrying the same text is futile. */
public final class EncoderException extends RuntimeException {

    public EncoderException(String message, Throwable cause) {
        super(message, cause);
    }

    public EncoderException(String message) {
        super(message);
    }
}
