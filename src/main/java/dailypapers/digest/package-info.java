/**
 * Email digests: subscriptions and their signed links, and the digests composed for them. Start with
 * {@link dailypapers.digest.DigestModule}; {@link dailypapers.digest.DigestComposer} holds the composition rules,
 * {@link dailypapers.digest.DigestService} the transaction that queues a digest, and
 * {@link dailypapers.digest.DigestMail} the mail the outbox renders when it sends one. docs/digests.md explains
 * them for operators and subscribers.
 */
package dailypapers.digest;
