/**
 * Personal access tokens: a member creates one (named, scoped read or write), sees its secret once, and revokes it;
 * API clients send it as {@code Authorization: Bearer <secret>}. Only the secret's SHA-256 is stored. Start at
 * {@link dailypapers.token.TokenService}; storage is the {@link dailypapers.token.TokenStore} seam, in {@code store}.
 */
package dailypapers.token;
