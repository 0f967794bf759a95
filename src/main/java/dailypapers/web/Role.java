package dailypapers.web;

import io.javalin.security.RouteRole;

/**
 * Who may use a route. Every route in {@link Web}'s table carries one; the access check runs before each matched
 * request (see {@link Visitor}).
 */
public enum Role implements RouteRole {
    /** Anybody, signed in or not. */
    ANYONE,
    /** A signed-in member (an active one: a banned member's sessions end). */
    MEMBER,
    /** A signed-in moderator or admin. */
    MODERATOR,
    /**
     * An admin member; when nobody is signed in, the operator: the admin token, or this machine when no token is
     * configured.
     */
    ADMIN
}
