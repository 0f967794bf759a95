package dailypapers.digest;

import dailypapers.mail.OutboxStore;

/** The stores one digest's writes go through together: the digest, its outbox row and the subscription's advance. */
public record DigestTx(SubscriptionStore subscriptions, DigestStore digests, OutboxStore outbox) {
}
