package dailypapers.ingest;

/**
 * One upstream source kept in sync with the store. A harvester saves its {@link Checkpoint} after every stored
 * page, so a run that fails or a process that dies is resumed by the next run without gaps or duplicates.
 */
public interface Harvester {

    /** The stable name of the source: its checkpoint key and its row on the status page. */
    String source();

    /** Fetches what is new since the checkpoint and stores it. */
    HarvestCounts harvest(HarvestListener listener) throws HarvestException;
}
