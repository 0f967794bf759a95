package dailypapers.digest;

/** The HTML part of a digest mail; the web layer renders it from a template that escapes every value. */
@FunctionalInterface
public interface DigestRenderer {

    String html(DigestLetter letter);
}
