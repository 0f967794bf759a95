package dailypapers.vote;

import dailypapers.paper.PaperStore;

/** The stores a vote writes through in one transaction: the voter's row is locked, the vote and its counts written. */
public record VoteTx(PaperStore papers, VoteStore votes) {
}
