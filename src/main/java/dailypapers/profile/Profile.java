package dailypapers.profile;

import dailypapers.account.Member;

/**
 * What a member's public page is made from: the member and the preferences that say what it may show.
 *
 * @param showsUpvotes whether the member lets their profile list the papers they upvoted (off unless they say so)
 */
public record Profile(Member member, boolean showsUpvotes) {
}
