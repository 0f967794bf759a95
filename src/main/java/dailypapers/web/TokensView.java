package dailypapers.web;

import dailypapers.token.AccessToken;
import dailypapers.token.TokenScope;
import dailypapers.token.TokenService;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The personal access tokens section of the settings ({@code /settings/tokens}).
 *
 * @param tokens    the member's tokens, newest first
 * @param secret    the secret of the token just created, shown this once; null otherwise
 * @param name      the name typed in the form (kept when the form comes back with an error)
 * @param scope     the scope chosen in the form, {@code read} or {@code write}
 * @param nameError why the name was refused, or null; likewise {@code formError} for the form as a whole
 */
public record TokensView(PageFrame frame, List<Row> tokens, String secret, String createdName, String name,
        String scope, String nameError, String formError) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    public TokensView {
        tokens = List.copyOf(tokens);
    }

    /** A token as listed: never its secret. */
    public record Row(long id, String name, String scope, String created, String lastUsed) {
    }

    static TokensView of(List<AccessToken> tokens) {
        return new TokensView(PageFrame.plain("Access tokens — Daily Papers"), rows(tokens), null, null, "",
                TokenScope.READ.key(), null, null);
    }

    TokensView withSecret(String createdName, String secret) {
        return new TokensView(frame, tokens, secret, createdName, "", TokenScope.READ.key(), null, null);
    }

    TokensView withInput(String name, String scope, String nameError, String formError) {
        return new TokensView(frame, tokens, null, null, name, scope, nameError, formError);
    }

    public boolean isWriteChosen() {
        return TokenScope.WRITE.key().equals(scope);
    }

    public int maxNameLength() {
        return TokenService.MAX_NAME_LENGTH;
    }

    private static List<Row> rows(List<AccessToken> tokens) {
        return tokens.stream().map(t -> new Row(t.id(), t.name(), t.scope().key(), when(t.createdAt()),
                t.lastUsedAt().map(TokensView::when).orElse("never"))).toList();
    }

    private static String when(Instant at) {
        return WHEN.format(at);
    }
}
