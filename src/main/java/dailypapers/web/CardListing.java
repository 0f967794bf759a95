package dailypapers.web;

import java.util.List;

/** A page view that lists paper cards; for a signed-in member, {@link Views} adds each card's Save toggle. */
interface CardListing {

    List<PaperCard> cards();
}
