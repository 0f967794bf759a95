/**
 * The one scheduler of background work. Start with {@link dailypapers.job.JobScheduler}: every periodic task
 * (harvests, search index sync, embedding, and digest sending next) is a {@link dailypapers.job.Job} holding a
 * database lease while it runs, so that several app nodes on one database, or a server and a command run by hand,
 * never run the same work at once.
 */
package dailypapers.job;
