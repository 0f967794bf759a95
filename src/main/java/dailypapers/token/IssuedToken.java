package dailypapers.token;

/** A token just created, with its secret: shown to the member once, then only its hash remains. */
public record IssuedToken(AccessToken token, String secret) {

    /** Without the secret, so that logging an issued token never leaks it. */
    @Override
    public String toString() {
        return "IssuedToken[" + token + "]";
    }
}
