/**
 * Members' submissions and authorship claims (issue 10 items 3 and 4). Start at {@link
 * dailypapers.submission.SubmissionService}: a member features a paper by its arXiv id, under the rules of
 * {@link dailypapers.submission.SubmissionSettings}; then {@link dailypapers.submission.ClaimService}: a member claims
 * to be one of a paper's authors and a moderator decides. Both keep their rows through the stores declared here
 * ({@link dailypapers.submission.SubmissionStore}, {@link dailypapers.submission.ClaimStore}).
 */
package dailypapers.submission;
