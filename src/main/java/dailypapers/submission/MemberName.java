package dailypapers.submission;

/** A member as pages name and link them: "Submitted by", a claim in the queue, an author's badge. */
public record MemberName(long id, String handle, String displayName) {
}
