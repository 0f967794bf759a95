package dailypapers.web;

import io.javalin.security.RouteRole;

/**
 * Who may use a route. Every route in {@link Web}'s table carries one; the access check runs before each matched
 * request. Members and moderators come with accounts.
 */
public enum Role implements RouteRole {
    /** Anybody, signed in or not. */
    ANYONE,
    /** The operator: the admin token, or this machine when no token is configured. */
    ADMIN
}
