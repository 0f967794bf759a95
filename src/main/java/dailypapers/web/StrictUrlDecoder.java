package dailypapers.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Percent-decoding that refuses what lenient decoders guess at: a {@code %} not followed by two hex digits, bytes
 * that are not UTF-8, and control characters (NUL and the like), which no path or parameter of ours holds; a query
 * value may hold tabs and line breaks, which pasted text brings.
 */
final class StrictUrlDecoder {

    private StrictUrlDecoder() {
    }

    /** Why {@code raw} cannot be decoded, in words for an error message. */
    static final class MalformedException extends Exception {

        MalformedException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Decodes a path ({@code +} stays a plus). */
    static String decodePath(String raw) throws MalformedException {
        return decode(raw, false);
    }

    /** Decodes a query name or value ({@code +} is a space, as forms send it). */
    static String decodeQuery(String raw) throws MalformedException {
        return decode(raw, true);
    }

    /** Why the path part of a request target (up to {@code ?}) cannot be decoded, or empty when it can. */
    static Optional<String> pathProblem(String target) {
        int end = target.indexOf('?');
        String path = end < 0 ? target : target.substring(0, end);
        if (path.indexOf('%') < 0) {
            return Optional.empty();
        }
        try {
            decodePath(path);
            return Optional.empty();
        } catch (MalformedException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static String decode(String raw, boolean isQuery) throws MalformedException {
        if (raw.indexOf('%') < 0 && !(isQuery && raw.indexOf('+') >= 0)) {
            return checked(raw, isQuery);
        }
        byte[] utf8 = raw.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(utf8.length);
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '%') {
                int high = i + 1 < utf8.length ? Character.digit(utf8[i + 1], 16) : -1;
                int low = i + 2 < utf8.length ? Character.digit(utf8[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    throw new MalformedException("a '%' that does not start an escape like %2F");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else {
                bytes.put(isQuery && b == '+' ? (byte) ' ' : b);
            }
        }
        try {
            return checked(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.flip()).toString(), isQuery);
        } catch (CharacterCodingException e) {
            throw new MalformedException("%-escapes that are not UTF-8");
        }
    }

    private static String checked(String decoded, boolean isQuery) throws MalformedException {
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            boolean isLineOrTab = c == '\t' || c == '\n' || c == '\r';
            if ((c < 0x20 || c == 0x7F) && !(isQuery && isLineOrTab)) {
                throw new MalformedException("a control character");
            }
        }
        return decoded;
    }
}
